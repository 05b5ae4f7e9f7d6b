import { CairnError, hintText, type Hint } from "@cairn/core";
import { formatDuration } from "./clock.js";
import { deadlineOf, type AwsContext } from "./context.js";
import { WaitFailedError } from "./poll.js";

const REFRESH: Hint = { kind: "refresh" };

/** What an SDK waiter (`waitUntilTableExists` and the like) is given besides the client. */
export interface WaiterTiming {
  /** Seconds the whole wait may take: what is left of the operation's time. */
  readonly maxWaitTime: number;
  /** Seconds between the first looks. */
  readonly minDelay: number;
  /** Seconds between looks at most. */
  readonly maxDelay: number;
  readonly abortSignal: AbortSignal;
}

/** The result an SDK waiter resolves with. */
interface WaiterOutcome {
  readonly state: string;
  readonly reason?: unknown;
}

/**
 * Runs one of the SDK's own waiters within the operation's remaining time and
 * cancellation, and turns its failure into an error naming the resource:
 * TIMEOUT when time ran out, a wait failure when the resource can never get
 * there. The SDK's service defaults (DynamoDB looks every 20 s) are too slow
 * for resources that are usually ready in seconds, so `delays` overrides them.
 */
export async function sdkWait(
  ctx: AwsContext,
  what: string,
  run: (timing: WaiterTiming) => Promise<WaiterOutcome>,
  delays: { readonly minDelay: number; readonly maxDelay: number } = { minDelay: 2, maxDelay: 20 },
): Promise<void> {
  const remaining = Math.max(1, Math.floor((deadlineOf(ctx) - ctx.clock.now()) / 1000));
  ctx.call.progress(`waiting for ${what}`);
  let outcome: WaiterOutcome;
  try {
    outcome = await run({ maxWaitTime: remaining, minDelay: delays.minDelay, maxDelay: Math.max(delays.minDelay, delays.maxDelay), abortSignal: ctx.call.signal });
  } catch (error) {
    outcome = waiterError(error);
  }
  if (outcome.state === "SUCCESS") return;
  if (outcome.state === "TIMEOUT") {
    throw new CairnError(
      "TIMEOUT",
      `${ctx.label} did not reach ${what} within ${formatDuration(remaining * 1000)}. It may still get there: ${hintText(REFRESH)}, or allow more time with the customTimeouts option.`,
      { urn: ctx.call.urn, hints: [REFRESH] },
    );
  }
  if (outcome.state === "ABORTED") throw new CairnError("CANCELLED", `${ctx.label}: the wait for ${what} was cancelled.`, { urn: ctx.call.urn });
  const reason = describeReason(outcome.reason);
  throw new WaitFailedError(`${ctx.label} failed while waiting for ${what}: ${reason}`, reason, ctx.call.urn);
}

/** `waitUntil*` throws an error whose message is the JSON of the result; read the state back from it. */
function waiterError(error: unknown): WaiterOutcome {
  if (error instanceof Error) {
    try {
      const parsed = JSON.parse(error.message) as WaiterOutcome;
      if (typeof parsed.state === "string") return parsed;
    } catch {
      // Not a waiter result: a real error from the describe call.
    }
  }
  throw error;
}

function describeReason(reason: unknown): string {
  if (reason === undefined) return "the resource entered a state it cannot leave";
  if (reason instanceof Error) return reason.message;
  const text = JSON.stringify(reason);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
