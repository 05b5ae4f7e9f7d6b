import { isRetryable } from "../errors.js";
import { pollDelay } from "./backoff.js";
import type { AwsContext } from "./context.js";

/** What {@link retrying} retries besides throttling and transient errors. */
export interface RetryOptions {
  /**
   * Errors that mean "not visible yet" right after a change (eventual
   * consistency): a role that EC2 cannot see yet, a bucket whose settings
   * say NoSuchBucket. They are retried until `budgetMs` has passed.
   */
  readonly retryIf?: (error: unknown) => boolean;
  /** How long `retryIf` errors are retried, in milliseconds. @default 60000 */
  readonly budgetMs?: number;
  /**
   * Attempts in all for throttling and transient errors. Use 1 for an
   * operation's primary call: the engine retries the whole operation then.
   * @default 5
   */
  readonly attempts?: number;
}

const DELAYS = { baseMs: 500, maxMs: 8_000 } as const;

/**
 * Runs `fn`, retrying throttling and transient errors a few times and
 * propagation errors for a bounded time, with backoff and jitter. Used inside
 * long operations, where a retry of the whole operation would repeat work.
 */
export async function retrying<T>(ctx: AwsContext, fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const start = ctx.clock.now();
  const attempts = options.attempts ?? 5;
  const budget = options.budgetMs ?? 60_000;
  for (let attempt = 0, transientFailures = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const propagating = options.retryIf?.(error) === true && ctx.clock.now() - start < budget;
      const transient = !propagating && isRetryable(error) && ++transientFailures < attempts;
      if (!propagating && !transient) throw error;
      await ctx.clock.sleep(pollDelay(attempt, DELAYS, ctx.random), ctx.call.signal);
    }
  }
}
