import type { ErrorClass, RetryPolicy } from "../provider/provider.js";

/** The retry settings in force, with defaults applied. */
export interface EffectiveRetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Applies the documented defaults to a provider's retry policy. */
export function effectiveRetryPolicy(policy: RetryPolicy | undefined): EffectiveRetryPolicy {
  return {
    maxAttempts: policy?.maxAttempts ?? 6,
    baseDelayMs: policy?.baseDelayMs ?? 200,
    maxDelayMs: policy?.maxDelayMs ?? 20_000,
  };
}

/**
 * The wait before retry number `attempt` (1 for the first retry): exponential
 * backoff with full jitter, so many clients retrying together spread out.
 * Throttling starts from a longer base, since the bucket needs time to refill.
 */
export function backoffDelay(attempt: number, policy: EffectiveRetryPolicy, kind: ErrorClass, random: () => number = Math.random): number {
  const base = kind === "throttle" ? policy.baseDelayMs * 4 : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
