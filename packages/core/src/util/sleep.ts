import { setTimeout as delay } from "node:timers/promises";

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as the
 * signal aborts (at once if it already has).
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal === undefined ? undefined : { signal });
  } catch (error) {
    // Node rejects with its own AbortError; callers match on the reason they aborted with.
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
