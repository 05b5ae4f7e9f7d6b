import type { InvokeOptions } from "@cairn/core";
import { invoke, type PropertyMap } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";
import type { GetSubnetsArgs, GetSubnetsResult } from "./lookup-args.js";

export type { GetSubnetsArgs, GetSubnetsResult };

/**
 * Looks up existing subnets while the program runs; finding none is not an error.
 *
 * @example
 * const { ids } = await aws.ec2.getSubnets({ vpcId: vpc.id, tags: { tier: "private" } });
 */
export async function getSubnets(args: GetSubnetsArgs = {}, opts: InvokeOptions = {}): Promise<GetSubnetsResult> {
  return (await invoke(cairnPackage, "aws:ec2/getSubnets", args as unknown as PropertyMap, opts)) as unknown as GetSubnetsResult;
}
