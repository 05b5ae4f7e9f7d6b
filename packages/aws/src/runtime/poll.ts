import { CairnError, hintText, type Hint } from "@cairn/core";
import { pollDelay, type BackoffOptions } from "./backoff.js";
import { formatDuration } from "./clock.js";
import { deadlineOf, type AwsContext } from "./context.js";

const REFRESH: Hint = { kind: "refresh" };

/** What one look at a resource found. */
export type PollVerdict<R> =
  /** Done waiting; the wait resolves with `value`. */
  | { readonly done: true; readonly value: R }
  /** It will never get there; the wait fails with `reason` (the cloud's failure reason). */
  | { readonly failed: string }
  /** Still on the way; `status` is shown as progress. */
  | { readonly status: string };

/** How to wait for a resource. */
export interface PollOptions<S, R> {
  /** What is awaited, for messages: `InService`. */
  readonly what: string;
  /** One look at the resource (throttling and transient errors are retried). */
  readonly describe: () => Promise<S>;
  /** Judges one look. */
  readonly evaluate: (state: S) => PollVerdict<R>;
  /** Delays between looks. @default 2 s growing to 30 s */
  readonly delays?: BackoffOptions;
  /** Errors of `describe` that mean "not visible yet"; they count as a status. @default none */
  readonly notYetVisible?: (error: unknown) => boolean;
}

/** A wait that ended because the resource can never get there (SageMaker's Failed, an instance terminated). */
export class WaitFailedError extends CairnError {
  /** The cloud's reason. */
  readonly reason: string;

  constructor(message: string, reason: string, urn: string) {
    super("PROVIDER_ERROR", message, { urn });
    this.reason = reason;
  }
}

const DEFAULT_DELAYS: BackoffOptions = { baseMs: 2_000, maxMs: 30_000, factor: 1.5 };

/**
 * Polls until `evaluate` says done or failed, with growing, jittered delays;
 * reports progress; stops when the operation's time is up or it is cancelled.
 *
 * Where the SDK has a waiter that does the whole job, `runWaiter`/`sdkWait`
 * run it instead. This loop is for what a waiter does not do: return what the
 * last look found; show each status as progress (a waiter shows none, for the
 * 10–25 minutes of an endpoint); send each look through `call()`, so it
 * keeps to the API's token bucket and fails at once on an error that will not
 * pass (a waiter retries every error its acceptors do not name, AccessDenied
 * included, until the time is up); judge states a waiter has no acceptor for;
 * and wait on the provider's clock.
 */
export async function pollUntil<S, R>(ctx: AwsContext, options: PollOptions<S, R>): Promise<R> {
  const deadline = deadlineOf(ctx);
  let status = "not checked yet";
  for (let attempt = 0; ; attempt++) {
    const verdict = await look(ctx, options);
    if ("done" in verdict) return verdict.value;
    if ("failed" in verdict) {
      throw new WaitFailedError(`${ctx.label} failed while waiting for ${options.what}: ${verdict.failed}`, verdict.failed, ctx.call.urn);
    }
    status = verdict.status;
    const elapsed = ctx.clock.now() - ctx.startedAt;
    ctx.call.progress(`${status} (${formatDuration(elapsed)} elapsed)`);
    const delay = pollDelay(attempt, options.delays ?? DEFAULT_DELAYS, ctx.random);
    if (ctx.clock.now() + delay > deadline) {
      throw new CairnError(
        "TIMEOUT",
        `${ctx.label} did not reach ${options.what} within ${formatDuration(ctx.call.timeoutMs)}; last status: ${status}. ` +
          `It may still get there: ${hintText(REFRESH)}, or allow more time with the customTimeouts option.`,
        { urn: ctx.call.urn, hints: [REFRESH] },
      );
    }
    await ctx.clock.sleep(delay, ctx.call.signal);
  }
}

async function look<S, R>(ctx: AwsContext, options: PollOptions<S, R>): Promise<PollVerdict<R>> {
  try {
    return options.evaluate(await options.describe());
  } catch (error) {
    if (options.notYetVisible?.(error) === true) return { status: "not visible yet" };
    throw error;
  }
}
