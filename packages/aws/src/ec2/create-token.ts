import type { Filter, ResourceType, Tag } from "@aws-sdk/client-ec2";
import { CairnError } from "@cairn/core";
import type { ReadResult } from "@cairn/core/provider";
import { createHash } from "node:crypto";
import type { AwsContext } from "../runtime/context.js";
import { CREATE_TOKEN_TAG, toTagList, type Tags } from "../tags.js";

/** The value of {@link CREATE_TOKEN_TAG} for a token: a short hash, so the token itself is never stored in AWS. */
export function createTokenValue(token: string): string {
  return createHash("sha256").update(`cairn-create:${token}`).digest("hex").slice(0, 20);
}

/**
 * Tag specifications for the create of an EC2 object that has no name: the
 * resource's tags and {@link CREATE_TOKEN_TAG}. EC2 applies them with the
 * create itself, so an object without the tag was not made by this create.
 */
export function tokenTagSpecifications(resourceType: ResourceType, tags: Tags, token: string): { ResourceType: ResourceType; Tags: Tag[] }[] {
  return [{ ResourceType: resourceType, Tags: [...toTagList(tags), { Key: CREATE_TOKEN_TAG, Value: createTokenValue(token) }] }];
}

/** The Describe* filter that matches objects a create with this token made. */
export function createTokenFilters(token: string): Filter[] {
  return [{ Name: `tag:${CREATE_TOKEN_TAG}`, Values: [createTokenValue(token)] }];
}

/**
 * What an interrupted create with this token made: `describe` lists the ids
 * of the objects matching {@link createTokenFilters}, and the one found is
 * read. Two objects with one token cannot come from one create, so that is
 * reported rather than guessed.
 */
export async function findTagged(
  ctx: AwsContext,
  token: string,
  describe: (filters: Filter[]) => Promise<readonly (string | undefined)[] | undefined>,
  read: (id: string) => Promise<ReadResult | undefined>,
): Promise<ReadResult | undefined> {
  const ids = [...new Set((await describe(createTokenFilters(token))) ?? [])].filter((id): id is string => id !== undefined);
  if (ids.length === 0) return undefined;
  if (ids.length > 1) {
    throw new CairnError("PROVIDER_ERROR", `${ctx.label}: ${ids.length} objects (${ids.join(", ")}) carry the tag ${CREATE_TOKEN_TAG} of this create; adopt one by id.`, { urn: ctx.call.urn });
  }
  return read(ids[0]!);
}
