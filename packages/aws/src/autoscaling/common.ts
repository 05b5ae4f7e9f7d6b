import { hasAwsCode } from "../errors.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { apiLimit, type ApiRates } from "../runtime/rates.js";

/**
 * EC2 Auto Scaling's request buckets. AWS publishes no figure per API; these
 * are conservative defaults, and `Throttling` is still retried with backoff.
 */
export const AUTOSCALING_RATES: ApiRates = { prefix: "autoscaling", read: { burst: 40, perSecond: 10 }, write: { burst: 20, perSecond: 4 } };

/** One Auto Scaling call through its API's bucket. */
export function asCall<T>(ctx: AwsContext, api: string, send: () => Promise<T>): Promise<T> {
  return call(ctx, api, send, apiLimit(AUTOSCALING_RATES, api));
}

/** A sender for an operation's primary API: the engine took the first call's token when it admitted the operation. */
export function asPrimary<T>(ctx: AwsContext, api: string, send: () => Promise<T>): () => Promise<T> {
  let first = true;
  return () => {
    if (!first) return asCall(ctx, api, send);
    first = false;
    return call(ctx, api, send);
  };
}

/** Whether Auto Scaling refuses because another change to the group is under way (a scaling activity, a refresh). */
export function isScalingInProgress(error: unknown): boolean {
  return hasAwsCode(error, ["ScalingActivityInProgress", "ScalingActivityInProgressFault", "ResourceContention", "ResourceContentionFault"]);
}
