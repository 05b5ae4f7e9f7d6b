import { CairnError } from "@cairn/core";
import type { CallLimits } from "@cairn/core/provider";
import { AwsCallError, awsMessage, classifyAwsError } from "../errors.js";
import { callRetryDelay, maxAttemptsOf } from "./call-retry.js";
import { deadlineOf, type AwsContext } from "./context.js";

/** How {@link call} sends. */
export interface CallOptions {
  /**
   * The engine already took this call's first token when it admitted the
   * operation (an operation's primary API): the first attempt goes straight
   * out, and only retries wait on the bucket. @default false
   */
  readonly admitted?: boolean;
}

/**
 * Makes one AWS call, and owns its retries: this is the one place a call to
 * AWS is retried for throttling, 5xx answers and dropped connections. Every
 * attempt waits on the API's token bucket (`limits`) first; between attempts
 * it backs off with jitter, longer after throttling; it gives up after
 * `aws:maxAttempts` attempts, or at once when the wait would pass the
 * operation's time limit. The SDK's own retries are off, and the engine does
 * not retry what this already retried. A failure is wrapped so it names the
 * API.
 *
 * @example
 * const out = await call(ctx, "CreateVpc", () => ec2.client.send(new ec2.sdk.CreateVpcCommand(input)));
 */
export async function call<T>(ctx: AwsContext, api: string, send: () => Promise<T>, limits?: CallLimits, options: CallOptions = {}): Promise<T> {
  const maxAttempts = maxAttemptsOf(ctx.settings);
  for (let attempt = 1; ; attempt++) {
    try {
      const paced = limits !== undefined && !(attempt === 1 && options.admitted === true);
      return paced ? await ctx.call.limit(limits, send) : await send();
    } catch (error) {
      if (error instanceof AwsCallError || CairnError.isCairnError(error)) throw error;
      const kind = classifyAwsError(error);
      const delayMs = kind === "fatal" || attempt >= maxAttempts ? undefined : callRetryDelay(attempt, kind, ctx.random);
      // A retry that could not finish in time is not announced: the step fails now, with this error.
      if (delayMs === undefined || ctx.clock.now() + delayMs >= deadlineOf(ctx) || ctx.call.signal.aborted) throw new AwsCallError(api, error, attempt);
      ctx.call.retrying?.({ attempt: attempt + 1, maxAttempts, delayMs, message: `${ctx.label}: ${ctx.operation} failed (${api}): ${awsMessage(error)}` });
      await ctx.clock.sleep(delayMs, ctx.call.signal);
    }
  }
}
