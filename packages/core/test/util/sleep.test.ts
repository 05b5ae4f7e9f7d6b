import { sleep } from "../../src/util/sleep.js";

describe("sleep", () => {
  test("resolves after the time has passed", async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  test("rejects with the signal's own reason as soon as it aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("stop now");
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(reason), 10);
    await expect(waiting).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test("rejects at once when the signal has already aborted", async () => {
    const reason = new Error("already");
    await expect(sleep(10_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});
