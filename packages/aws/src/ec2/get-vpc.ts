import type { InvokeOptions } from "@cairn/core";
import { invoke, type PropertyMap } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";
import type { GetVpcArgs, GetVpcResult } from "./lookup-args.js";

export type { GetVpcArgs, GetVpcResult };

/**
 * Looks up one existing VPC while the program runs (in preview too), through
 * the stack's default AWS provider, or the one given as `opts.provider`.
 *
 * @example
 * const vpc = await aws.ec2.getVpc({ default: true });
 */
export async function getVpc(args: GetVpcArgs = {}, opts: InvokeOptions = {}): Promise<GetVpcResult> {
  return (await invoke(cairnPackage, "aws:ec2/getVpc", args as unknown as PropertyMap, opts)) as unknown as GetVpcResult;
}
