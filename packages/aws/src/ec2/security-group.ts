import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const SECURITY_GROUP: ResourceType = { token: "aws:ec2/SecurityGroup", package: cairnPackage };

/** One ingress or egress rule. Give at least one source. */
export interface SecurityGroupRuleArgs {
  /** "tcp", "udp", "icmp", "icmpv6", "-1" or "all" (every protocol), or a protocol number. */
  readonly protocol: Input<string>;
  /** The first port (or ICMP type); ignored for "-1". */
  readonly fromPort?: Input<number>;
  /** The last port (or ICMP code); ignored for "-1". */
  readonly toPort?: Input<number>;
  readonly cidrBlocks?: Input<readonly Input<string>[]>;
  readonly ipv6CidrBlocks?: Input<readonly Input<string>[]>;
  /** Other security groups as sources (ingress) or destinations (egress). */
  readonly securityGroupIds?: Input<readonly Input<string>[]>;
  readonly prefixListIds?: Input<readonly Input<string>[]>;
  /** The group itself as a source or destination. @default false */
  readonly self?: Input<boolean>;
  readonly description?: Input<string>;
}

/** The arguments of {@link SecurityGroup}. */
export interface SecurityGroupArgs {
  /** The group's name; changing it replaces the group. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Changing it replaces the group. @default "Managed by Cairn" */
  readonly description?: Input<string>;
  /** The VPC; changing it replaces the group. @default the region's default VPC */
  readonly vpcId?: Input<string>;
  /** Inbound rules. @default none */
  readonly ingress?: Input<readonly Input<SecurityGroupRuleArgs>[]>;
  /** Outbound rules. @default all traffic to 0.0.0.0/0, as EC2 creates groups */
  readonly egress?: Input<readonly Input<SecurityGroupRuleArgs>[]>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A security group and its rules. Rules are reconciled exactly: rules added
 * outside Cairn are revoked on the next `up`.
 *
 * Native twin: `aws:native.ec2/SecurityGroup` (`@cairn/aws/native/ec2`); never let both manage one object.
 *
 * @example
 * const web = new aws.ec2.SecurityGroup("web", {
 *   vpcId: vpc.id,
 *   ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
 * });
 */
export class SecurityGroup extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The group's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly vpcId: Output<string> = this.getOutput("vpcId");
  readonly ownerId: Output<string> = this.getOutput("ownerId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: SecurityGroupArgs = {}, opts: CustomResourceOptions = {}) {
    super(SECURITY_GROUP, name, args as unknown as Record<string, unknown>, opts);
  }
}
