/** The arguments and results of the EC2 data sources, shared by their functions and their handlers. */
import type { Ec2Filter } from "./filter.js";

/** What `getVpc` looks for; what is given must all match, and exactly one VPC must. */
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

/** A VPC found by `getVpc`. */
export interface GetVpcResult {
  readonly id: string;
  readonly arn: string;
  readonly cidrBlock: string;
  readonly isDefault: boolean;
  readonly ownerId: string;
  readonly instanceTenancy: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** What `getSubnets` looks for. */
export interface GetSubnetsArgs {
  /** Only subnets of this VPC. @default any */
  readonly vpcId?: string;
  /** Tags the subnets must have. @default any */
  readonly tags?: Readonly<Record<string, string>>;
  /** Further EC2 filters (DescribeSubnets). @default none */
  readonly filters?: readonly Ec2Filter[];
}

/** The subnets `getSubnets` found. */
export interface GetSubnetsResult {
  /** Their ids, sorted. */
  readonly ids: readonly string[];
  /** Each subnet's zone and range, in the order of `ids`. */
  readonly subnets: readonly { readonly id: string; readonly availabilityZone: string; readonly cidrBlock: string; readonly vpcId: string }[];
}

/** What `getAmi` looks for. */
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

/** An AMI found by `getAmi`. */
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

/** What `getSecurityGroup` looks for; what is given must all match, and exactly one group must. */
export interface GetSecurityGroupArgs {
  /** The group's id. @default any */
  readonly id?: string;
  /** The group's name. @default any */
  readonly name?: string;
  /** Only groups of this VPC. @default any */
  readonly vpcId?: string;
  /** Tags the group must have. @default any */
  readonly tags?: Readonly<Record<string, string>>;
  /** Further EC2 filters (DescribeSecurityGroups). @default none */
  readonly filters?: readonly Ec2Filter[];
}

/** A security group found by `getSecurityGroup`. */
export interface GetSecurityGroupResult {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly tags: Readonly<Record<string, string>>;
}
