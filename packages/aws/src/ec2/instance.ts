import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const INSTANCE: ResourceType = { token: "aws:ec2/Instance", package: cairnPackage };

/** The arguments of {@link Instance}. */
export interface InstanceArgs {
  /** The AMI id, or "resolve:ssm:<parameter>" to let EC2 look it up; changing it replaces the instance. */
  readonly ami: Input<string>;
  /** Such as "t3.micro". Changing it stops the instance, changes the type and starts it again. */
  readonly instanceType: Input<string>;
  /** The subnet; changing it replaces the instance. @default the default VPC's subnet EC2 chooses */
  readonly subnetId?: Input<string>;
  /** Security groups of the instance's VPC; changed in place. @default the VPC's default group */
  readonly vpcSecurityGroupIds?: Input<readonly Input<string>[]>;
  /** A script or cloud-init document, as text (Cairn encodes it); changing it replaces the instance. */
  readonly userData?: Input<string>;
  /** An instance profile's name or ARN; changed in place. @default none */
  readonly iamInstanceProfile?: Input<string>;
  /** An EC2 key pair's name; changing it replaces the instance. @default none */
  readonly keyName?: Input<string>;
  /** Whether the primary interface gets a public IPv4 address; changing it replaces the instance. @default the subnet's setting */
  readonly associatePublicIpAddress?: Input<boolean>;
  /** The root volume; changing it replaces the instance. @default the AMI's */
  readonly rootBlockDevice?: Input<{ readonly volumeSize?: number; readonly volumeType?: "gp2" | "gp3" | "io1" | "io2" | "st1" | "sc1" | "standard"; readonly deviceName?: string }>;
  /** Tags of the instance and its volumes, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An EC2 instance. Creating it waits until it is running; a retried create
 * carries the same ClientToken, so it never launches a second instance.
 *
 * Native twin: `aws:native.ec2/Instance` (`@cairn/aws/native/ec2`); never let both manage one object.
 *
 * @example
 * const ranker = new aws.ec2.Instance("ranker", { ami: "ami-0abcdef1234567890", instanceType: "g5.xlarge", subnetId: subnet.id });
 */
export class Instance extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly instanceState: Output<string> = this.getOutput("instanceState");
  readonly privateIp: Output<string> = this.getOutput("privateIp");
  /** The public IPv4 address, if it has one; it changes when the instance is stopped and started. */
  readonly publicIp: Output<string | undefined> = this.getOutput("publicIp");
  readonly privateDnsName: Output<string> = this.getOutput("privateDnsName");
  readonly publicDnsName: Output<string | undefined> = this.getOutput("publicDnsName");
  readonly availabilityZone: Output<string> = this.getOutput("availabilityZone");
  readonly subnetId: Output<string> = this.getOutput("subnetId");
  readonly vpcId: Output<string> = this.getOutput("vpcId");
  readonly instanceType: Output<string> = this.getOutput("instanceType");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: InstanceArgs, opts: CustomResourceOptions = {}) {
    super(INSTANCE, name, args as unknown as Record<string, unknown>, opts);
  }
}
