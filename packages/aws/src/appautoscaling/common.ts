import { hasAwsCode } from "../errors.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { apiLimit, type ApiRates } from "../runtime/rates.js";

/**
 * Application Auto Scaling's request buckets. AWS publishes no figure per
 * API; these are conservative defaults, and throttling is still retried.
 */
export const APP_AUTOSCALING_RATES: ApiRates = { prefix: "application-autoscaling", read: { burst: 40, perSecond: 10 }, write: { burst: 20, perSecond: 4 } };

/** One Application Auto Scaling call through its API's bucket. */
export function aasCall<T>(ctx: AwsContext, api: string, send: () => Promise<T>): Promise<T> {
  return call(ctx, api, send, apiLimit(APP_AUTOSCALING_RATES, api));
}

/** A sender for an operation's primary API: the engine took the first call's token when it admitted the operation. */
export function aasPrimary<T>(ctx: AwsContext, api: string, send: () => Promise<T>): () => Promise<T> {
  let first = true;
  return () => {
    if (!first) return aasCall(ctx, api, send);
    first = false;
    return call(ctx, api, send);
  };
}

/** The limits of an operation whose primary API is `api`. */
export function aasLimit(api: string) {
  return apiLimit(APP_AUTOSCALING_RATES, api);
}

/** Whether the target or policy does not exist. */
export function isAasNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["ObjectNotFoundException"]);
}

/**
 * Whether registering failed because the scaled resource is not ready yet:
 * a SageMaker endpoint still Creating or Updating cannot be registered.
 */
export function isTargetNotReady(error: unknown): boolean {
  return hasAwsCode(error, ["ValidationException", "ConcurrentUpdateException"]) && /(Creating|Updating|in progress|not found|does not exist)/i.test(String((error as Error).message));
}
