import { backoffDelay, effectiveRetryPolicy } from "../../src/engine/retry.js";
import { FakeCloud, RetryableError } from "../helpers/fake-cloud.js";
import { EventLog, makeHarness } from "../helpers/harness.js";

describe("retries", () => {
  test("an error the provider classifies as retryable is retried with backoff until it succeeds", async () => {
    const cloud = new FakeCloud({
      retry: { baseDelayMs: 20, maxAttempts: 5 },
      fail: (op, name, attempt) => (op === "create" && name === "flaky" && attempt <= 2 ? new RetryableError(`503 Service Unavailable (attempt ${attempt})`) : undefined),
    });
    const h = await makeHarness(cloud);
    const log = new EventLog();
    const result = await h.stack(() => void new cloud.Thing("flaky")).up({ onEvent: log.sink });
    expect(result.status).toBe("succeeded");
    const attempts = cloud.callsOf("create", "flaky");
    expect(attempts.map((a) => a.outcome)).toEqual(["error", "error", "ok"]);
    const retries = log.ofType("step-retry");
    expect(retries.map((r) => [r.attempt, r.message])).toEqual([
      [2, "503 Service Unavailable (attempt 1)"],
      [3, "503 Service Unavailable (attempt 2)"],
    ]);
    // Full jitter over an exponential ceiling: the first wait is 10–20 ms, the second 20–40 ms.
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(10);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(20);
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(20);
    expect(retries[1]!.delayMs).toBeLessThanOrEqual(40);
    expect(attempts[1]!.start - attempts[0]!.end!).toBeGreaterThanOrEqual(retries[0]!.delayMs - 2);
    expect(attempts[2]!.start - attempts[1]!.end!).toBeGreaterThanOrEqual(retries[1]!.delayMs - 2);
  });

  test("every attempt of one create carries the same idempotency token", async () => {
    const cloud = new FakeCloud({
      retry: { baseDelayMs: 2 },
      fail: (op, _name, attempt) => (op === "create" && attempt === 1 ? new RetryableError("RequestLimitExceeded") : undefined),
    });
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("tokened")).up();
    const tokens = cloud.callsOf("create", "tokened").map((c) => c.token);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(1);
  });

  test("an error the provider does not classify as retryable fails at once", async () => {
    const cloud = new FakeCloud({ retry: { baseDelayMs: 2 }, fail: (op) => (op === "create" ? new Error("AccessDenied") : undefined) });
    const h = await makeHarness(cloud);
    const log = new EventLog();
    const result = await h.stack(() => void new cloud.Thing("denied")).up({ onEvent: log.sink });
    expect(result.failures[0]!.message).toBe("AccessDenied");
    expect(cloud.callsOf("create")).toHaveLength(1);
    expect(log.ofType("step-retry")).toEqual([]);
  });

  test("retries stop after maxAttempts and the last error is reported", async () => {
    const cloud = new FakeCloud({ retry: { baseDelayMs: 1, maxAttempts: 3 }, fail: (op, _name, attempt) => (op === "create" ? new RetryableError(`Throttling ${attempt}`) : undefined) });
    const h = await makeHarness(cloud);
    const result = await h.stack(() => void new cloud.Thing("hopeless")).up();
    expect(result.status).toBe("failed");
    expect(result.failures[0]!.message).toBe("Throttling 3");
    expect(cloud.callsOf("create")).toHaveLength(3);
  });
});

describe("backoff", () => {
  const policy = effectiveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });

  test("the default policy is 6 attempts from 200 ms up to 20 s", () => {
    expect(effectiveRetryPolicy(undefined)).toEqual({ maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 20_000 });
  });

  test.each([
    [1, "retry", 50, 100],
    [2, "retry", 100, 200],
    [3, "retry", 200, 400],
    [5, "retry", 500, 1000],
    [9, "retry", 500, 1000],
    [1, "throttle", 200, 400],
  ] as const)("retry %i after a %s error waits between %i and %i ms", (attempt, kind, low, high) => {
    expect(backoffDelay(attempt, policy, kind, () => 0)).toBe(low);
    expect(backoffDelay(attempt, policy, kind, () => 1)).toBe(high);
  });
});
