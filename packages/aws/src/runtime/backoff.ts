/** How delays between attempts grow. */
export interface BackoffOptions {
  /** The first delay in milliseconds. */
  readonly baseMs: number;
  /** The largest delay in milliseconds. */
  readonly maxMs: number;
  /** Growth per attempt. @default 2 */
  readonly factor?: number;
}

/**
 * The delay before retry number `attempt` (0 for the first retry), with full
 * jitter: uniformly random between zero and the exponential ceiling, so many
 * clients throttled at once spread out instead of retrying in lockstep.
 */
export function retryDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  return random() * ceiling(attempt, options);
}

/**
 * The delay before poll number `attempt`, with "equal" jitter: at least half
 * the exponential ceiling, so a long wait never degenerates into a busy loop.
 */
export function pollDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const limit = ceiling(attempt, options);
  return limit / 2 + (random() * limit) / 2;
}

function ceiling(attempt: number, options: BackoffOptions): number {
  const factor = options.factor ?? 2;
  return Math.min(options.maxMs, options.baseMs * factor ** Math.max(0, attempt));
}
