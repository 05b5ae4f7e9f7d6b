import type { Tag } from "@aws-sdk/client-sagemaker";
import { awsErrorName, awsMessage, hasAwsCode } from "../errors.js";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { fromTagList, tagChanges, toTagList, type Tags } from "../tags.js";

/**
 * Whether SageMaker says the resource does not exist. Most of its describe
 * calls answer a ValidationException ("Could not find model ...") rather
 * than a not-found code.
 */
export function isSageMakerNotFound(error: unknown): boolean {
  if (hasAwsCode(error, ["ResourceNotFound", "ResourceNotFoundException"])) return true;
  return awsErrorName(error) === "ValidationException" && /could not find|does not exist|not found|cannot be found/i.test(awsMessage(error));
}

/** Whether SageMaker cannot use a role yet: IAM roles take a few seconds to reach other services. */
export function isRolePropagating(error: unknown): boolean {
  return awsErrorName(error) === "ValidationException" && /assume (the )?role|could not access|not authorized to perform: sts:AssumeRole|role.*(invalid|not valid)/i.test(awsMessage(error));
}

/** Whether SageMaker says a resource of this name exists already. */
export function isAlreadyExists(error: unknown): boolean {
  return hasAwsCode(error, ["ResourceInUse"]) || (awsErrorName(error) === "ValidationException" && /already exist/i.test(awsMessage(error)));
}

/** Tags for a create call. */
export function sageMakerTags(tags: Tags): Tag[] | undefined {
  return Object.keys(tags).length === 0 ? undefined : toTagList(tags);
}

/** A resource's tags (ListTags, every page), without the `aws:` ones. */
export async function readTags(ctx: AwsContext, sm: SageMakerHandle, ResourceArn: string): Promise<Record<string, string>> {
  const all: Tag[] = [];
  let NextToken: string | undefined;
  do {
    const page = await call(ctx, "ListTags", () => sm.client.send(new sm.sdk.ListTagsCommand({ ResourceArn, NextToken })));
    all.push(...(page.Tags ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return fromTagList(all);
}

/** Brings a resource's tags from `olds` to `news` with AddTags and DeleteTags. */
export async function updateTags(ctx: AwsContext, sm: SageMakerHandle, ResourceArn: string, olds: Tags, news: Tags): Promise<void> {
  const { set, remove } = tagChanges(olds, news);
  if (Object.keys(set).length > 0) {
    await call(ctx, "AddTags", () => sm.client.send(new sm.sdk.AddTagsCommand({ ResourceArn, Tags: toTagList(set) })));
  }
  if (remove.length > 0) {
    await call(ctx, "DeleteTags", () => sm.client.send(new sm.sdk.DeleteTagsCommand({ ResourceArn, TagKeys: remove })));
  }
}

/** How SageMaker waits poll: every 5 s at first, growing to 30 s. */
export const SAGEMAKER_DELAYS = { baseMs: 5_000, maxMs: 30_000, factor: 1.5 } as const;

/** Name rules every SageMaker name follows: letters, digits and hyphens, at most 63. */
export const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
