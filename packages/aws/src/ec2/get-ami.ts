import { invoke, type InvokeOptions, type PropertyMap } from "@cairn/core";
import { cairnPackage } from "../package.js";
import type { Ec2Filter } from "./filter.js";

/** What {@link getAmi} looks for. */
export interface GetAmiArgs {
  /** Owners: account ids, or "amazon", "aws-marketplace", "self". @default any owner (give one: the public catalogue is huge) */
  readonly owners?: readonly string[];
  /** EC2 filters (DescribeImages), such as `{ name: "name", values: ["al2023-ami-*-x86_64"] }`. @default none */
  readonly filters?: readonly Ec2Filter[];
  /** A regular expression the AMI's name must match. @default any */
  readonly nameRegex?: string;
  /** Pick the newest when several match; otherwise several matches are an error. @default false */
  readonly mostRecent?: boolean;
  /** Accounts (or "self", "all") that may launch it. @default any */
  readonly executableUsers?: readonly string[];
}

/** An AMI found by {@link getAmi}. */
export interface GetAmiResult {
  readonly id: string;
  readonly name: string;
  readonly creationDate: string;
  readonly architecture: string;
  readonly ownerId: string;
  readonly description?: string;
  readonly rootDeviceName?: string;
  readonly platformDetails?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Looks up an AMI while the program runs.
 *
 * @example
 * const ami = await aws.ec2.getAmi({ owners: ["amazon"], mostRecent: true, filters: [{ name: "name", values: ["al2023-ami-2023.*-x86_64"] }] });
 */
export async function getAmi(args: GetAmiArgs, opts: InvokeOptions = {}): Promise<GetAmiResult> {
  return (await invoke(cairnPackage, "aws:ec2/getAmi", args as unknown as PropertyMap, opts)) as unknown as GetAmiResult;
}
