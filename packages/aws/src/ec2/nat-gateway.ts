import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const NAT_GATEWAY: ResourceType = { token: "aws:ec2/NatGateway", package: cairnPackage };

/** The arguments of {@link NatGateway}. */
export interface NatGatewayArgs {
  /** The (public) subnet it lives in; changing it replaces the gateway. */
  readonly subnetId: Input<string>;
  /** The Elastic IP's allocation id, for a public gateway; changing it replaces the gateway. @default none (required when public) */
  readonly allocationId?: Input<string>;
  /** "public" (through an internet gateway) or "private"; changing it replaces the gateway. @default "public" */
  readonly connectivityType?: Input<"public" | "private">;
  /** A private IPv4 address in the subnet; changing it replaces the gateway. @default one EC2 picks */
  readonly privateIp?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A NAT gateway: lets instances in private subnets reach the internet (a
 * route `0.0.0.0/0` to it in their route table) without being reachable.
 * Create waits until it is available; delete until it is deleted.
 *
 * @example
 * const nat = new aws.ec2.NatGateway("nat", { subnetId: publicSubnet.id, allocationId: new aws.ec2.Eip("nat-ip").id });
 */
export class NatGateway extends CustomResource {
  readonly subnetId: Output<string> = this.getOutput("subnetId");
  readonly vpcId: Output<string> = this.getOutput("vpcId");
  readonly publicIp: Output<string | undefined> = this.getOutput("publicIp");
  readonly privateIp: Output<string> = this.getOutput("privateIp");
  readonly networkInterfaceId: Output<string> = this.getOutput("networkInterfaceId");
  readonly arn: Output<string> = this.getOutput("arn");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: NatGatewayArgs, opts: CustomResourceOptions = {}) {
    super(NAT_GATEWAY, name, args as unknown as Record<string, unknown>, opts);
  }
}
