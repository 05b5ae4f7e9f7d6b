import { systemClock } from "../../src/runtime/clock.js";

describe("the system clock", () => {
  test("a wait ends with CANCELLED as soon as its signal aborts, naming why", async () => {
    const controller = new AbortController();
    const waiting = systemClock.sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error("Ctrl-C")), 10);
    await expect(waiting).rejects.toMatchObject({ code: "CANCELLED", message: "Stopped waiting: Ctrl-C." });
  });

  test("a wait without a signal simply ends", async () => {
    await expect(systemClock.sleep(5)).resolves.toBeUndefined();
  });
});
