import { invoke, type InvokeOptions, type PropertyMap } from "@cairn/core";
import { cairnPackage } from "../package.js";
import type { Ec2Filter } from "./filter.js";

/** What {@link getVpc} looks for; what is given must all match, and exactly one VPC must. */
export interface GetVpcArgs {
  /** The VPC's id. @default any */
  readonly id?: string;
  /** Only the region's default VPC. @default any */
  readonly default?: boolean;
  /** Tags the VPC must have. @default any */
  readonly tags?: Readonly<Record<string, string>>;
  /** Further EC2 filters (DescribeVpcs). @default none */
  readonly filters?: readonly Ec2Filter[];
}

/** A VPC found by {@link getVpc}. */
export interface GetVpcResult {
  readonly id: string;
  readonly arn: string;
  readonly cidrBlock: string;
  readonly isDefault: boolean;
  readonly ownerId: string;
  readonly instanceTenancy: string;
  readonly tags: Readonly<Record<string, string>>;
}

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
