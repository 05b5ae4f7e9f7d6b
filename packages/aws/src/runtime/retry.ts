import { pollDelay } from "./backoff.js";
import type { AwsContext } from "./context.js";

/** What {@link retrying} retries. */
export interface RetryOptions {
  /**
   * Errors that mean "not visible yet" right after a change (eventual
   * consistency): a role that EC2 cannot see yet, a bucket whose settings
   * say NoSuchBucket. They are retried until `budgetMs` has passed.
   */
  readonly retryIf?: (error: unknown) => boolean;
  /** How long `retryIf` errors are retried, in milliseconds. @default 60000 */
  readonly budgetMs?: number;
}

const DELAYS = { baseMs: 500, maxMs: 8_000 } as const;

/**
 * Runs `fn`, retrying the errors `retryIf` accepts (eventual consistency) for
 * a bounded time, with backoff and jitter. Throttling and transient errors
 * are not retried here: each AWS call retries those itself (see `call`).
 */
export async function retrying<T>(ctx: AwsContext, fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const start = ctx.clock.now();
  const budget = options.budgetMs ?? 60_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (options.retryIf?.(error) !== true || ctx.clock.now() - start >= budget) throw error;
      await ctx.clock.sleep(pollDelay(attempt, DELAYS, ctx.random), ctx.call.signal);
    }
  }
}
