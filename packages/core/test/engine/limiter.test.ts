import { Limiter } from "../../src/engine/limiter.js";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

describe("provider limits", () => {
  test("a token bucket of burst 5 refilled 2 per second starts 5 creates at once, then one every 500 ms", async () => {
    const cloud = new FakeCloud({ limits: (_type, op) => (op === "create" ? { key: "fake:RunInstances", rate: { burst: 5, perSecond: 2 } } : undefined) });
    const h = await makeHarness(cloud);
    const result = await h
      .stack(() => {
        for (let i = 0; i < 9; i++) new cloud.Thing(`instance-${i}`);
      })
      .up();
    expect(result.counts.create).toBe(9);
    const starts = cloud.callsOf("create").map((c) => c.start).sort((a, b) => a - b);
    const first = starts[0]!;
    const offsets = starts.map((s) => s - first);
    const expected = [0, 0, 0, 0, 0, 500, 1000, 1500, 2000];
    for (let i = 0; i < 9; i++) {
      expect(offsets[i]).toBeGreaterThanOrEqual(expected[i]! - 5);
      expect(offsets[i]).toBeLessThan(expected[i]! + 60);
    }
  });

  test("a concurrency limit caps calls in flight per key, and other keys are not held back", async () => {
    const cloud = new FakeCloud({
      latencyMs: () => 15,
      limits: (type, op) => (op === "create" && type === "fake:index/Limited" ? { key: "fake:limited", concurrency: 2 } : undefined),
    });
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        for (let i = 0; i < 6; i++) new cloud.Thing(`limited-${i}`, {}, {}, "fake:index/Limited");
        for (let i = 0; i < 6; i++) new cloud.Thing(`free-${i}`);
      })
      .up();
    const limited = cloud.callsOf("create").filter((c) => c.name.startsWith("limited"));
    const free = cloud.callsOf("create").filter((c) => c.name.startsWith("free"));
    const peak = (calls: typeof limited): number => Math.max(...calls.map((c) => calls.filter((o) => o.start <= c.start && o.end! > c.start).length));
    expect(peak(limited)).toBe(2);
    expect(peak(free)).toBe(6);
  });

  test("a call with no limits runs at once", async () => {
    const limiter = new Limiter();
    await expect(limiter.run(undefined, async () => 7)).resolves.toBe(7);
    await expect(limiter.run({ key: "k" }, async () => 8)).resolves.toBe(8);
  });

  test("a failed call frees its slot for the next", async () => {
    const limiter = new Limiter();
    const limits = { key: "k", concurrency: 1 };
    await expect(limiter.run(limits, async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    await expect(limiter.run(limits, async () => "next")).resolves.toBe("next");
  });
});
