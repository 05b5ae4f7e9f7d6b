import type { InvokeOptions } from "@cairn/core";
import { invoke, type PropertyMap } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";
import type { GetSecurityGroupArgs, GetSecurityGroupResult } from "./lookup-args.js";

export type { GetSecurityGroupArgs, GetSecurityGroupResult };

/**
 * Looks up one existing security group while the program runs, such as a
 * VPC's default group or one another team manages.
 *
 * @example
 * const vpc = await aws.ec2.getVpc({ default: true });
 * const defaultSg = await aws.ec2.getSecurityGroup({ vpcId: vpc.id, name: "default" });
 */
export async function getSecurityGroup(args: GetSecurityGroupArgs, opts: InvokeOptions = {}): Promise<GetSecurityGroupResult> {
  return (await invoke(cairnPackage, "aws:ec2/getSecurityGroup", args as unknown as PropertyMap, opts)) as unknown as GetSecurityGroupResult;
}
