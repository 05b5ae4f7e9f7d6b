import type { CallLimits, RateLimit } from "@cairn/core/provider";

/**
 * EC2's published request token buckets. EC2 throttles each API on its own
 * bucket, per account and region; the figures are AWS's defaults for the
 * API's category unless the API has its own. Keeping to them means the engine
 * waits for a token instead of provoking `RequestLimitExceeded`.
 */
const CATEGORY_RATES = {
  /** Describe*, Get*, List*, Search*. */
  nonMutating: { burst: 100, perSecond: 20 },
  /** Create*, Modify*, Delete*, Authorize*, ... */
  mutating: { burst: 50, perSecond: 5 },
} as const satisfies Record<string, RateLimit>;

/** APIs whose bucket differs from their category's. */
const API_RATES: Readonly<Record<string, RateLimit>> = {
  RunInstances: { burst: 5, perSecond: 2 },
  StartInstances: { burst: 5, perSecond: 2 },
  TerminateInstances: { burst: 100, perSecond: 5 },
  StopInstances: { burst: 100, perSecond: 5 },
};

/** The limits of one EC2 API; calls of one API share its bucket (`ec2:RunInstances`). */
export function ec2Limit(api: string): CallLimits {
  const rate = API_RATES[api] ?? (/^(Describe|Get|List|Search)/.test(api) ? CATEGORY_RATES.nonMutating : CATEGORY_RATES.mutating);
  return { key: `ec2:${api}`, rate };
}
