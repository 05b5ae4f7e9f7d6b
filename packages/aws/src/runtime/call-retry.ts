import type { ErrorClass } from "@cairn/core/provider";
import type { AwsSettings } from "../config/settings.js";
import { pollDelay } from "./backoff.js";

/** Attempts per AWS call, the first included, unless `aws:maxAttempts` says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** Backoff between attempts of one call: transient errors, and throttling, which starts longer so the bucket can refill. */
const DELAYS: Readonly<Record<Exclude<ErrorClass, "fatal">, { readonly baseMs: number; readonly maxMs: number }>> = {
  retry: { baseMs: 200, maxMs: 10_000 },
  throttle: { baseMs: 800, maxMs: 20_000 },
};

/** The attempts one AWS call may make. */
export function maxAttemptsOf(settings: Pick<AwsSettings, "maxAttempts">): number {
  return Math.max(1, settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
}

/**
 * The wait after failed attempt number `attempt` (1 for the first):
 * exponential, with equal jitter so that many throttled calls spread out
 * and none retries at once.
 */
export function callRetryDelay(attempt: number, kind: Exclude<ErrorClass, "fatal">, random: () => number): number {
  return Math.round(pollDelay(attempt - 1, DELAYS[kind], random));
}
