import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const EIP: ResourceType = { token: "aws:ec2/Eip", package: cairnPackage };

/** The arguments of {@link Eip}. */
export interface EipArgs {
  /** Only "vpc" exists today. @default "vpc" */
  readonly domain?: Input<"vpc">;
  /** The network border group (a Local Zone's); changing it replaces the address. @default the region's */
  readonly networkBorderGroup?: Input<string>;
  /** An address pool of your own (BYOIP); changing it replaces the address. @default Amazon's pool */
  readonly publicIpv4Pool?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An Elastic IP address, such as a NAT gateway's. Associating it with an
 * instance or interface is not part of this type; a NAT gateway takes it as
 * `allocationId`.
 *
 * @example
 * const natIp = new aws.ec2.Eip("nat-ip");
 * new aws.ec2.NatGateway("nat", { subnetId: publicSubnet.id, allocationId: natIp.id });
 */
export class Eip extends CustomResource {
  /** The allocation id (`eipalloc-…`), the same as `id`. */
  readonly allocationId: Output<string> = this.getOutput("allocationId");
  readonly publicIp: Output<string> = this.getOutput("publicIp");
  readonly arn: Output<string> = this.getOutput("arn");
  readonly domain: Output<string> = this.getOutput("domain");
  /** The association's id while something uses the address. */
  readonly associationId: Output<string | undefined> = this.getOutput("associationId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: EipArgs = {}, opts: CustomResourceOptions = {}) {
    super(EIP, name, args as unknown as Record<string, unknown>, opts);
  }
}
