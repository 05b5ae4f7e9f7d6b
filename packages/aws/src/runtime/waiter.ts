import { CairnError, hintSentence, type Hint } from "@cairn/core";
import { formatDuration } from "./clock.js";
import { deadlineOf, type AwsContext } from "./context.js";

const REFRESH: Hint = { kind: "refresh" };

/** What the SDK's `waitUntil…` functions take besides the client. */
export interface WaiterSettings {
  readonly maxWaitTime: number;
  readonly abortSignal: AbortSignal;
  readonly minDelay?: number;
  readonly maxDelay?: number;
}

/** How to run one of the SDK's waiters. */
export interface WaiterRun {
  /** What is awaited, for messages: `available`. */
  readonly what: string;
  /** Calls the SDK's waiter with these settings. */
  readonly wait: (settings: WaiterSettings) => Promise<unknown>;
  /** Finds the cloud's reason after the waiter reports failure (a NAT gateway's FailureMessage). @default none */
  readonly reason?: () => Promise<string | undefined>;
  /** Seconds between the waiter's looks. @default the waiter's own */
  readonly minDelay?: number;
}

/**
 * Runs one of the SDK's own waiters (`waitUntilNatGatewayAvailable`, ...)
 * within what is left of the operation's time, cancelled with the operation,
 * and turns its outcome into Cairn's errors: TIMEOUT, CANCELLED, or a
 * provider error with the cloud's reason.
 */
export async function runWaiter(ctx: AwsContext, run: WaiterRun): Promise<void> {
  const left = Math.max(1, Math.floor((deadlineOf(ctx) - ctx.clock.now()) / 1000));
  ctx.call.progress(`waiting for ${run.what}`);
  const minDelay = run.minDelay;
  const settings: WaiterSettings = { maxWaitTime: left, abortSignal: ctx.call.signal, ...(minDelay === undefined ? {} : { minDelay, maxDelay: Math.max(minDelay, 30) }) };
  try {
    await run.wait(settings);
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError") {
      throw new CairnError("TIMEOUT", `${ctx.label} did not reach ${run.what} within ${formatDuration(left * 1000)}. ${hintSentence(REFRESH)}, or allow more time with the customTimeouts option.`, {
        urn: ctx.call.urn,
        hints: [REFRESH],
        cause: error,
      });
    }
    if (name === "AbortError" || ctx.call.signal.aborted) throw new CairnError("CANCELLED", `${ctx.label}: stopped waiting for ${run.what}.`, { urn: ctx.call.urn, cause: error });
    if (CairnError.isCairnError(error) || isServiceError(error)) throw error;
    const reason = (await run.reason?.().catch(() => undefined)) ?? "the waiter reached a failure state";
    throw new CairnError("PROVIDER_ERROR", `${ctx.label} failed while waiting for ${run.what}: ${reason}`, { urn: ctx.call.urn, cause: error });
  }
}

/** An error the SDK raised from a call (it carries `$metadata`), as opposed to the waiter's own verdict. */
function isServiceError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "$metadata" in error;
}
