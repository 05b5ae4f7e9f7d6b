import { invoke, type InvokeOptions, type PropertyMap } from "@cairn/core";
import { cairnPackage } from "../package.js";
import type { Ec2Filter } from "./filter.js";

/** What {@link getSubnets} looks for. */
export interface GetSubnetsArgs {
  /** Only subnets of this VPC. @default any */
  readonly vpcId?: string;
  /** Tags the subnets must have. @default any */
  readonly tags?: Readonly<Record<string, string>>;
  /** Further EC2 filters (DescribeSubnets). @default none */
  readonly filters?: readonly Ec2Filter[];
}

/** The subnets {@link getSubnets} found. */
export interface GetSubnetsResult {
  /** Their ids, sorted. */
  readonly ids: readonly string[];
  /** Each subnet's zone and range, in the order of `ids`. */
  readonly subnets: readonly { readonly id: string; readonly availabilityZone: string; readonly cidrBlock: string; readonly vpcId: string }[];
}

/**
 * Looks up existing subnets while the program runs; finding none is not an error.
 *
 * @example
 * const { ids } = await aws.ec2.getSubnets({ vpcId: vpc.id, tags: { tier: "private" } });
 */
export async function getSubnets(args: GetSubnetsArgs = {}, opts: InvokeOptions = {}): Promise<GetSubnetsResult> {
  return (await invoke(cairnPackage, "aws:ec2/getSubnets", args as unknown as PropertyMap, opts)) as unknown as GetSubnetsResult;
}
