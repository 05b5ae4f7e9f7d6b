import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const VPC: ResourceType = { token: "aws:ec2/Vpc", package: cairnPackage };

/** The arguments of {@link Vpc}. */
export interface VpcArgs {
  /** The IPv4 range, such as "10.0.0.0/16"; changing it replaces the VPC. */
  readonly cidrBlock: Input<string>;
  /** "default" or "dedicated"; changing it replaces the VPC. @default "default" */
  readonly instanceTenancy?: Input<"default" | "dedicated">;
  /** @default true */
  readonly enableDnsSupport?: Input<boolean>;
  /** @default false */
  readonly enableDnsHostnames?: Input<boolean>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A VPC. Its id (`vpc.id`) is the VPC id, `vpc-…`, as Pulumi's is.
 *
 * Native twin: `aws:native.ec2/VPC` (`@cairn/aws/native/ec2`); never let both manage one object.
 *
 * @example
 * const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });
 */
export class Vpc extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly cidrBlock: Output<string> = this.getOutput("cidrBlock");
  readonly instanceTenancy: Output<string> = this.getOutput("instanceTenancy");
  readonly enableDnsSupport: Output<boolean> = this.getOutput("enableDnsSupport");
  readonly enableDnsHostnames: Output<boolean> = this.getOutput("enableDnsHostnames");
  readonly ownerId: Output<string> = this.getOutput("ownerId");
  /** Whether it is the region's default VPC. */
  readonly isDefault: Output<boolean> = this.getOutput("isDefault");
  readonly dhcpOptionsId: Output<string> = this.getOutput("dhcpOptionsId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: VpcArgs, opts: CustomResourceOptions = {}) {
    super(VPC, name, args as unknown as Record<string, unknown>, opts);
  }
}
