import type { ResourceDescription } from "@aws-sdk/client-cloudcontrol";
import { CairnError } from "@cairn/core";
import { awsErrorName } from "../errors.js";
import { call } from "../runtime/call.js";
import { orMissing } from "../runtime/read.js";
import type { AwsContext } from "../runtime/context.js";
import { retrying } from "../runtime/retry.js";
import type { CloudControlHandle } from "./requests.js";
import type { NativeType } from "./schema.js";

/** Pages of ListResources an import looks through before giving up. */
const MAX_PAGES = 20;

/**
 * Finds the resource an import names when GetResource does not know the id
 * as given: ListResources, then the one resource whose identifier is the id
 * or has it as one of its `|`-separated parts (a compound identifier given
 * by one part). Several matches are an error that lists them.
 */
export async function findForImport(ctx: AwsContext, cc: CloudControlHandle, native: NativeType, id: string): Promise<ResourceDescription | undefined> {
  const matches: ResourceDescription[] = [];
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const input = { TypeName: native.type.cfn, ...(next === undefined ? {} : { NextToken: next }) };
    const list = () => call(ctx, "ListResources", () => cc.client.send(new cc.sdk.ListResourcesCommand(input)));
    // Types that list only within a parent (they need a ResourceModel) cannot be searched: the id was simply not found.
    const out = await retrying(ctx, () => orMissing(list(), unlistable));
    if (out === undefined) return undefined;
    for (const found of out.ResourceDescriptions ?? []) {
      const identifier = found.Identifier ?? "";
      if (identifier === id) return found;
      if (identifier.split("|").includes(id)) matches.push(found);
    }
    next = out.NextToken;
    if (next === undefined) break;
  }
  if (matches.length <= 1) return matches[0];
  const shown = matches.slice(0, 5).map((m) => `"${m.Identifier}"`).join(", ");
  throw new CairnError("PROVIDER_ERROR", `${ctx.label}: "${id}" matches ${matches.length} ${native.type.cfn} resources (${shown}${matches.length > 5 ? ", …" : ""}); import one by its full identifier.`, {
    urn: ctx.call.urn,
  });
}

function unlistable(error: unknown): boolean {
  const name = awsErrorName(error);
  return name === "InvalidRequestException" || name === "UnsupportedActionException";
}
