import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ZONE: ResourceType = { token: "aws:route53/Zone", package: cairnPackage };

/** The arguments of {@link Zone}. */
export interface ZoneArgs {
  /** The domain, such as `ml.example.com`; changing it replaces the zone. */
  readonly name: Input<string>;
  /** Changed in place. @default "Managed by Cairn" */
  readonly comment?: Input<string>;
  /**
   * VPCs of a private zone; associated and disassociated in place. Giving
   * VPCs to a public zone, or taking all of them from a private one,
   * replaces the zone. @default none (a public zone)
   */
  readonly vpcs?: Input<readonly Input<{ readonly vpcId: Input<string>; readonly vpcRegion?: Input<string> }>[]>;
  /** A reusable delegation set; changing it replaces the zone. @default a new set of name servers */
  readonly delegationSetId?: Input<string>;
  /** Delete the zone's records (except its own SOA and NS) when the zone is deleted. @default false */
  readonly forceDestroy?: Input<boolean>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A Route 53 hosted zone, public or private (Pulumi's `aws.route53.Zone`).
 * Create and delete wait until Route 53 reports the change INSYNC.
 *
 * @example
 * const zone = new aws.route53.Zone("ml", { name: "ml.example.com" });
 * export const nameServers = zone.nameServers;
 */
export class Zone extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The zone's id, such as `Z0123456789ABC` (the resource's `id` as well). */
  readonly zoneId: Output<string> = this.getOutput("zoneId");
  readonly name: Output<string> = this.getOutput("name");
  /** The name servers to delegate the domain to. */
  readonly nameServers: Output<string[]> = this.getOutput("nameServers");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: ZoneArgs, opts: CustomResourceOptions = {}) {
    super(ZONE, name, args as unknown as Record<string, unknown>, opts);
  }
}
