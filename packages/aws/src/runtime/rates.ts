import type { CallLimits, RateLimit } from "@cairn/core/provider";

/** Token buckets of an API family: one for reads, one for changes, and any API of its own. */
export interface ApiRates {
  /** The key prefix of its buckets: `elbv2` gives `elbv2:CreateLoadBalancer`. */
  readonly prefix: string;
  /** Describe*, Get*, List*. */
  readonly read: RateLimit;
  /** Everything else. */
  readonly write: RateLimit;
  /** APIs with a bucket of their own. @default none */
  readonly apis?: Readonly<Record<string, RateLimit>>;
}

/** The limits of one API of a family; calls of one API share its bucket. */
export function apiLimit(rates: ApiRates, api: string): CallLimits {
  const rate = rates.apis?.[api] ?? (/^(Describe|Get|List)/.test(api) ? rates.read : rates.write);
  return { key: `${rates.prefix}:${api}`, rate };
}
