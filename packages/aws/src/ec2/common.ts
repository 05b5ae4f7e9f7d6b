import type { Filter, ResourceType, Tag } from "@aws-sdk/client-ec2";
import { makeArn } from "../arn.js";
import { hasAwsCode } from "../errors.js";
import { call } from "../runtime/call.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { retrying } from "../runtime/retry.js";
import { tagChanges, toTagList, type Tags } from "../tags.js";
import { ec2Limit } from "./limits.js";

/**
 * Makes one EC2 call through the API's token bucket. Only the first call of
 * an operation's primary API skips it, because the engine already took that
 * token when it admitted the operation (see each handler's `limits`).
 */
export function ec2Call<T>(ctx: AwsContext, api: string, send: () => Promise<T>): Promise<T> {
  return call(ctx, api, send, ec2Limit(api));
}

/**
 * A sender for an operation's primary API (the one its `limits` declares):
 * the first call goes straight out, because the engine took that token when
 * it admitted the operation; any retry waits for a token of its own.
 */
export function primaryCall<T>(ctx: AwsContext, api: string, send: () => Promise<T>): () => Promise<T> {
  let first = true;
  return () => {
    if (!first) return ec2Call(ctx, api, send);
    first = false;
    return call(ctx, api, send);
  };
}

/** Tag specifications for a create call. */
export function tagSpecifications(resourceType: ResourceType, tags: Tags): { ResourceType: ResourceType; Tags: Tag[] }[] | undefined {
  return Object.keys(tags).length === 0 ? undefined : [{ ResourceType: resourceType, Tags: toTagList(tags) }];
}

/** Brings a resource's tags from `olds` to `news` with CreateTags and DeleteTags. */
export async function updateEc2Tags(ctx: AwsContext, ec2: Ec2Handle, id: string, olds: Tags | undefined, news: Tags | undefined): Promise<void> {
  const { set, remove } = tagChanges(olds, news);
  if (Object.keys(set).length > 0) {
    await retrying(ctx, () => ec2Call(ctx, "CreateTags", () => ec2.client.send(new ec2.sdk.CreateTagsCommand({ Resources: [id], Tags: toTagList(set) }))));
  }
  if (remove.length > 0) {
    const Tags = remove.map((Key) => ({ Key }));
    await retrying(ctx, () => ec2Call(ctx, "DeleteTags", () => ec2.client.send(new ec2.sdk.DeleteTagsCommand({ Resources: [id], Tags }))));
  }
}

/** Whether EC2 says one of its ids does not exist (`InvalidVpcID.NotFound`, `InvalidGroup.NotFound`, ...). */
export function isEc2NotFound(error: unknown): boolean {
  return hasAwsCode(error, [
    "InvalidVpcID.NotFound",
    "InvalidSubnetID.NotFound",
    "InvalidGroup.NotFound",
    "InvalidGroupId.NotFound",
    "InvalidInstanceID.NotFound",
    "InvalidAMIID.NotFound",
    "InvalidInternetGatewayID.NotFound",
    "InvalidAllocationID.NotFound",
    "NatGatewayNotFound",
    "InvalidRouteTableID.NotFound",
    "InvalidRouteTableId.NotFound",
    "InvalidRoute.NotFound",
    "InvalidAssociationID.NotFound",
    "InvalidVpcEndpointId.NotFound",
    "InvalidKeyPair.NotFound",
    "InvalidLaunchTemplateId.NotFound",
    "InvalidLaunchTemplateName.NotFoundException",
    "InvalidLaunchTemplateId.VersionNotFound",
  ]);
}

/** Whether EC2 refuses a delete because something still uses the resource. */
export function isDependencyViolation(error: unknown): boolean {
  return hasAwsCode(error, ["DependencyViolation"]);
}

/** An EC2 resource ARN such as `arn:aws:ec2:us-west-2:123456789012:vpc/vpc-0abc`. */
export function ec2Arn(region: string, account: string | undefined, resource: string): string {
  return makeArn({ region, service: "ec2", account, resource });
}

/** Filters in the data sources' form, `{ name, values }`, as EC2 takes them. */
export function toFilters(filters: readonly { name: string; values: readonly string[] }[] | undefined, tags?: Tags): Filter[] {
  const out: Filter[] = (filters ?? []).map((f) => ({ Name: f.name, Values: [...f.values] }));
  for (const [key, value] of Object.entries(tags ?? {})) out.push({ Name: `tag:${key}`, Values: [value] });
  return out;
}

/** How long a delete keeps retrying while EC2 says something still depends on the resource. */
export const DEPENDENCY_BUDGET_MS = 10 * 60_000;

/** Runs a delete call: not-found counts as deleted; DependencyViolation is retried while dependents go away. */
export async function deleteEc2(ctx: AwsContext, send: () => Promise<unknown>): Promise<void> {
  try {
    await retrying(ctx, send, { retryIf: isDependencyViolation, budgetMs: DEPENDENCY_BUDGET_MS, attempts: 1 });
  } catch (error) {
    if (!isEc2NotFound(error)) throw error;
  }
}
