import type { CallLimits, ProviderOperation, RateLimit } from "@cairn/core/provider";
import { call } from "./call.js";
import type { AwsContext } from "./context.js";

/**
 * One service's request rates: AWS's published default for its read APIs
 * and for its mutating APIs, and the APIs that have a bucket of their own.
 * Calls of one API share its bucket (`kms:CreateKey`), per account and region.
 */
export interface ServiceRates {
  /** The key prefix, such as `kms`. */
  readonly service: string;
  /** Describe*, Get*, List*. */
  readonly read: RateLimit;
  /** Every other API. */
  readonly write: RateLimit;
  /** APIs whose bucket differs from their category's. @default none */
  readonly apis?: Readonly<Record<string, RateLimit>>;
  /** One bucket for every API of the service (Route 53 counts all requests together). @default false */
  readonly oneBucket?: boolean;
}

/** The limits of one API of a service. */
export function apiLimit(rates: ServiceRates, api: string): CallLimits {
  const rate = rates.apis?.[api] ?? (/^(Describe|Get|List)/.test(api) ? rates.read : rates.write);
  return { key: rates.oneBucket ? `${rates.service}:*` : `${rates.service}:${api}`, rate };
}

/**
 * A handler's `limits`: the bucket of the primary API of each operation. The
 * engine takes that token when it admits the operation, so the first call of
 * the primary API goes straight out.
 */
export function operationLimits(rates: ServiceRates, primary: Partial<Record<ProviderOperation, string>>): (operation: ProviderOperation) => CallLimits | undefined {
  return (operation) => {
    const api = primary[operation];
    return api === undefined ? undefined : apiLimit(rates, api);
  };
}

/** One call that waits for a token of its API's bucket. */
export function limitedCall<T>(ctx: AwsContext, rates: ServiceRates, api: string, send: () => Promise<T>): Promise<T> {
  return call(ctx, api, send, apiLimit(rates, api));
}

/**
 * A sender for an operation's primary API (the one its `limits` declares):
 * its first attempt goes straight out, because the engine took that token
 * when it admitted the operation; every later attempt of it (a retry inside
 * {@link call}, a propagation retry, a second UpdateTable) waits for a token
 * of its own.
 */
export function primaryCall<T>(ctx: AwsContext, rates: ServiceRates, api: string, send: () => Promise<T>): () => Promise<T> {
  let first = true;
  return () => {
    const admitted = first;
    first = false;
    return call(ctx, api, send, apiLimit(rates, api), { admitted });
  };
}
