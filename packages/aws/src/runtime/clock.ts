import { CairnError } from "@cairn/core";
import { formatDuration as formatCoreDuration, sleep } from "@cairn/core/provider";

/**
 * Time as the providers see it. Waits and backoff go through a clock so tests
 * can run a 60-minute endpoint creation in microseconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with CANCELLED as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    sleep(ms, signal).catch((error: unknown) => {
      throw signal?.aborted ? cancelled(signal) : error;
    }),
});

/** The error a wait rejects with when its signal aborts. */
export function cancelled(signal: AbortSignal): CairnError {
  const reason = signal.reason instanceof Error ? signal.reason.message : "the operation was cancelled";
  return new CairnError("CANCELLED", `Stopped waiting: ${reason}.`, { cause: signal.reason });
}

/** Formats a duration as "45s", "4m12s" or "1h03m" for progress messages (whole seconds: they tick once a second). */
export function formatDuration(ms: number): string {
  return formatCoreDuration(ms, { wholeSeconds: true });
}
