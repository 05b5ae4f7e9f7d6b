import { pollDelay } from "./backoff.js";
import type { AwsContext } from "./context.js";

/**
 * How long a resource reported missing is looked for again before a read
 * declares it gone: a read right after a create may not see it yet, and a
 * healthy resource must never be marked for re-creation because of that.
 */
export const MISSING_CONFIRMATION_MS = 10_000;

/**
 * Runs a look-up that gives `undefined` for a missing resource. A missing
 * answer is re-checked with backoff for {@link MISSING_CONFIRMATION_MS};
 * throttling and transient errors are retried.
 */
export async function readConfirmed<T>(ctx: AwsContext, lookup: () => Promise<T | undefined>, budgetMs = MISSING_CONFIRMATION_MS): Promise<T | undefined> {
  const start = ctx.clock.now();
  for (let attempt = 0; ; attempt++) {
    const found = await lookup();
    if (found !== undefined) return found;
    if (ctx.clock.now() - start >= budgetMs) return undefined;
    await ctx.clock.sleep(pollDelay(attempt, { baseMs: 1_000, maxMs: 4_000 }, ctx.random), ctx.call.signal);
  }
}

/** The result of `work`, or `undefined` when it fails with an error `isMissing` accepts. */
export async function orMissing<T>(work: Promise<T>, isMissing: (error: unknown) => boolean): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
