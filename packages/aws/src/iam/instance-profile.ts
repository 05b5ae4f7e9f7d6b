import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const INSTANCE_PROFILE: ResourceType = { token: "aws:iam/InstanceProfile", package: cairnPackage };

/** The arguments of {@link InstanceProfile}. */
export interface InstanceProfileArgs {
  /** The role's name; changed in place. @default no role */
  readonly role?: Input<string>;
  /** The profile's name; changing it replaces the profile. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Changing it replaces the profile. @default "/" */
  readonly path?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An instance profile: how an EC2 instance assumes a role.
 *
 * Native twin: `aws:native.iam/InstanceProfile` (`@cairn/aws/native/iam`); never let both manage one object.
 *
 * @example
 * const profile = new aws.iam.InstanceProfile("ranker", { role: role.name });
 * new aws.ec2.Instance("ranker", { ami, instanceType: "g5.xlarge", iamInstanceProfile: profile.name });
 */
export class InstanceProfile extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The profile's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly uniqueId: Output<string> = this.getOutput("uniqueId");

  constructor(name: string, args: InstanceProfileArgs = {}, opts: CustomResourceOptions = {}) {
    super(INSTANCE_PROFILE, name, args as unknown as Record<string, unknown>, opts);
  }
}
