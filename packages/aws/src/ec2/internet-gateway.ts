import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const INTERNET_GATEWAY: ResourceType = { token: "aws:ec2/InternetGateway", package: cairnPackage };

/** The arguments of {@link InternetGateway}. */
export interface InternetGatewayArgs {
  /** The VPC to attach it to; changing it detaches and re-attaches in place. @default not attached */
  readonly vpcId?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An internet gateway, attached to a VPC: what makes a subnet public, through
 * a route to it (`0.0.0.0/0`) in the subnet's route table.
 *
 * @example
 * const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
 */
export class InternetGateway extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The VPC it is attached to, if any. */
  readonly vpcId: Output<string | undefined> = this.getOutput("vpcId");
  readonly ownerId: Output<string> = this.getOutput("ownerId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: InternetGatewayArgs = {}, opts: CustomResourceOptions = {}) {
    super(INTERNET_GATEWAY, name, args as unknown as Record<string, unknown>, opts);
  }
}
