import type { InvokeOptions } from "@cairn/core";
import { invoke, type PropertyMap } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";
import type { GetAmiArgs, GetAmiResult } from "./lookup-args.js";

export type { GetAmiArgs, GetAmiResult };

/**
 * Looks up an AMI while the program runs.
 *
 * @example
 * const ami = await aws.ec2.getAmi({ owners: ["amazon"], mostRecent: true, filters: [{ name: "name", values: ["al2023-ami-2023.*-x86_64"] }] });
 */
export async function getAmi(args: GetAmiArgs, opts: InvokeOptions = {}): Promise<GetAmiResult> {
  return (await invoke(cairnPackage, "aws:ec2/getAmi", args as unknown as PropertyMap, opts)) as unknown as GetAmiResult;
}
