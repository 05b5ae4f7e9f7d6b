import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const SUBNET: ResourceType = { token: "aws:ec2/Subnet", package: cairnPackage };

/** The arguments of {@link Subnet}. */
export interface SubnetArgs {
  /** The VPC; changing it replaces the subnet. */
  readonly vpcId: Input<string>;
  /** The IPv4 range inside the VPC's; changing it replaces the subnet. */
  readonly cidrBlock: Input<string>;
  /** The zone, such as "us-west-2a"; changing it replaces the subnet. @default one EC2 chooses */
  readonly availabilityZone?: Input<string>;
  /** Give instances launched here a public IPv4 address. @default false */
  readonly mapPublicIpOnLaunch?: Input<boolean>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A subnet of a VPC.
 *
 * Native twin: `aws:native.ec2/Subnet` (`@cairn/aws/native/ec2`); never let both manage one object.
 *
 * @example
 * const subnet = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-west-2a" });
 */
export class Subnet extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly vpcId: Output<string> = this.getOutput("vpcId");
  readonly cidrBlock: Output<string> = this.getOutput("cidrBlock");
  readonly availabilityZone: Output<string> = this.getOutput("availabilityZone");
  readonly availabilityZoneId: Output<string> = this.getOutput("availabilityZoneId");
  readonly mapPublicIpOnLaunch: Output<boolean> = this.getOutput("mapPublicIpOnLaunch");
  readonly ownerId: Output<string> = this.getOutput("ownerId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: SubnetArgs, opts: CustomResourceOptions = {}) {
    super(SUBNET, name, args as unknown as Record<string, unknown>, opts);
  }
}
