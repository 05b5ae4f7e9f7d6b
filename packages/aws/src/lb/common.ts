import type { Tag } from "@aws-sdk/client-elastic-load-balancing-v2";
import { hasAwsCode } from "../errors.js";
import { call } from "../runtime/call.js";
import type { Elbv2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { apiLimit, type ApiRates } from "../runtime/rates.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagChanges, toTagList, type Tags } from "../tags.js";

/**
 * Elastic Load Balancing's request buckets. AWS throttles ELB APIs per
 * account and region but publishes no figure per API; these are conservative
 * defaults, so a wide deploy waits for tokens instead of provoking
 * `Throttling` (which is still retried with backoff when it happens).
 */
export const ELBV2_RATES: ApiRates = {
  prefix: "elbv2",
  read: { burst: 40, perSecond: 10 },
  write: { burst: 20, perSecond: 5 },
  apis: { RegisterTargets: { burst: 20, perSecond: 10 }, DeregisterTargets: { burst: 20, perSecond: 10 } },
};

/** One ELBv2 call through its API's bucket. */
export function elbCall<T>(ctx: AwsContext, api: string, send: () => Promise<T>): Promise<T> {
  return call(ctx, api, send, apiLimit(ELBV2_RATES, api));
}

/** A sender for an operation's primary API: the engine took the first call's token when it admitted the operation. */
export function elbPrimary<T>(ctx: AwsContext, api: string, send: () => Promise<T>): () => Promise<T> {
  let first = true;
  return () => {
    if (!first) return elbCall(ctx, api, send);
    first = false;
    return call(ctx, api, send);
  };
}

/** The limits of an operation whose primary API is `api`. */
export function elbLimit(api: string) {
  return apiLimit(ELBV2_RATES, api);
}

/** Whether ELB says the load balancer, target group, listener or rule does not exist. */
export function isElbNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["LoadBalancerNotFound", "TargetGroupNotFound", "ListenerNotFound", "RuleNotFound", "LoadBalancerNotFoundException", "TargetGroupNotFoundException", "ListenerNotFoundException", "RuleNotFoundException"]);
}

/** Whether ELB refuses a delete because something still uses the resource (a listener still forwards to a target group). */
export function isElbInUse(error: unknown): boolean {
  return hasAwsCode(error, ["ResourceInUse", "ResourceInUseException"]);
}

/** Tags in ELB's create form, or nothing when there are none. */
export function elbTags(tags: Tags): Tag[] | undefined {
  return Object.keys(tags).length === 0 ? undefined : toTagList(tags);
}

/** A resource's tags as ELB has them now. */
export async function readElbTags(ctx: AwsContext, elb: Elbv2Handle, arn: string): Promise<Tags> {
  const out = await retrying(ctx, () => elbCall(ctx, "DescribeTags", () => elb.client.send(new elb.sdk.DescribeTagsCommand({ ResourceArns: [arn] }))));
  return fromTagList(out.TagDescriptions?.[0]?.Tags);
}

/** Brings a resource's tags from `olds` to `news` with AddTags and RemoveTags. */
export async function updateElbTags(ctx: AwsContext, elb: Elbv2Handle, arn: string, olds: Tags | undefined, news: Tags | undefined): Promise<void> {
  const { set, remove } = tagChanges(olds, news);
  if (Object.keys(set).length > 0) {
    await retrying(ctx, () => elbCall(ctx, "AddTags", () => elb.client.send(new elb.sdk.AddTagsCommand({ ResourceArns: [arn], Tags: toTagList(set) }))));
  }
  if (remove.length > 0) {
    await retrying(ctx, () => elbCall(ctx, "RemoveTags", () => elb.client.send(new elb.sdk.RemoveTagsCommand({ ResourceArns: [arn], TagKeys: remove }))));
  }
}

/** The last part of an ELB ARN after `loadbalancer/` or `targetgroup/`, as CloudWatch dimensions and scaling policies take it. */
export function arnSuffix(arn: string): string {
  const at = arn.indexOf(":loadbalancer/") >= 0 ? arn.indexOf(":loadbalancer/") + ":loadbalancer/".length : arn.indexOf(":targetgroup/") + 1;
  return arn.slice(at);
}
