import { pollUntil } from "../../src/runtime/poll.js";
import type { AwsContext } from "../../src/runtime/context.js";
import { readConfirmed } from "../../src/runtime/read.js";
import { retrying } from "../../src/runtime/retry.js";
import { awsError, callContext, FakeClock } from "../support/fakes.js";

function context(timeoutMs = 60_000): { ctx: AwsContext; clock: FakeClock } {
  const clock = new FakeClock();
  const call = callContext("aws:test/Thing", "thing", { timeoutMs });
  const ctx = { call, clock, random: () => 0.5, startedAt: clock.now(), label: 'aws:test/Thing "thing"' } as unknown as AwsContext;
  return { ctx, clock };
}

describe("waits and retries", () => {
  test("polling backs off between looks and reports each status", async () => {
    const { ctx, clock } = context();
    const states = ["Creating", "Creating", "Creating", "Ready"];
    const value = await pollUntil(ctx, {
      what: "Ready",
      describe: async () => states.shift(),
      evaluate: (s) => (s === "Ready" ? { done: true, value: s } : { status: s ?? "?" }),
      delays: { baseMs: 1_000, maxMs: 4_000 },
    });
    expect(value).toBe("Ready");
    expect(clock.sleeps).toEqual([750, 1_500, 3_000]);
    expect((ctx.call as ReturnType<typeof callContext>).progressMessages).toEqual(["Creating (0s elapsed)", "Creating (1s elapsed)", "Creating (2s elapsed)"]);
  });

  test("a wait that would outlast the operation's time fails with TIMEOUT before sleeping past it", async () => {
    const { ctx, clock } = context(10_000);
    const error = await pollUntil(ctx, { what: "Ready", describe: async () => "Creating", evaluate: () => ({ status: "Creating" }), delays: { baseMs: 4_000, maxMs: 4_000 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TIMEOUT" });
    expect(clock.now() - ctx.startedAt).toBeLessThanOrEqual(10_000);
  });

  test("a cancelled operation stops waiting", async () => {
    const { ctx } = context();
    const pending = pollUntil(ctx, { what: "Ready", describe: async () => "Creating", evaluate: () => ({ status: "Creating" }) });
    (ctx.call as ReturnType<typeof callContext>).controller.abort(new Error("the user pressed Ctrl-C twice"));
    await expect(pending).rejects.toThrow();
  });

  test("retrying() retries only what is not visible yet; throttling and 5xx are each call's own business", async () => {
    const { ctx } = context();
    let calls = 0;
    await expect(
      retrying(ctx, async () => {
        calls++;
        throw awsError("InternalError", "boom", 500);
      }),
    ).rejects.toThrow("boom");
    expect(calls).toBe(1);
  });

  test("a propagation error is retried only within its budget", async () => {
    const { ctx, clock } = context();
    const error = await retrying(ctx, async () => Promise.reject(awsError("NoSuchEntity", "not yet", 404)), { retryIf: () => true, budgetMs: 20_000 }).catch((e: unknown) => e);
    expect(String(error)).toContain("not yet");
    expect(clock.now() - ctx.startedAt).toBeGreaterThanOrEqual(20_000);
    expect(clock.now() - ctx.startedAt).toBeLessThan(40_000);
  });

  test("a missing resource is confirmed missing over several looks; a found one returns at once", async () => {
    const { ctx } = context();
    let looks = 0;
    expect(await readConfirmed(ctx, async () => (++looks < 3 ? undefined : "found"))).toBe("found");
    looks = 0;
    expect(await readConfirmed(ctx, async () => (looks++, undefined))).toBeUndefined();
    expect(looks).toBeGreaterThan(2);
  });
});
