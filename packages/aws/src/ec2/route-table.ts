import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ROUTE_TABLE: ResourceType = { token: "aws:ec2/RouteTable", package: cairnPackage };

/** The arguments of {@link RouteTable}. */
export interface RouteTableArgs {
  /** The VPC; changing it replaces the table. */
  readonly vpcId: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A route table. Its routes are {@link Route} resources and the subnets that
 * use it {@link RouteTableAssociation}s; the table itself holds only the
 * VPC's local route.
 *
 * @example
 * const publicRoutes = new aws.ec2.RouteTable("public", { vpcId: vpc.id });
 * new aws.ec2.Route("internet", { routeTableId: publicRoutes.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
 */
export class RouteTable extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly vpcId: Output<string> = this.getOutput("vpcId");
  readonly ownerId: Output<string> = this.getOutput("ownerId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: RouteTableArgs, opts: CustomResourceOptions = {}) {
    super(ROUTE_TABLE, name, args as unknown as Record<string, unknown>, opts);
  }
}
