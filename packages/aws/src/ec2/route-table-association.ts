import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ROUTE_TABLE_ASSOCIATION: ResourceType = { token: "aws:ec2/RouteTableAssociation", package: cairnPackage };

/** The arguments of {@link RouteTableAssociation}: a route table and one subnet or gateway. */
export interface RouteTableAssociationArgs {
  /** The route table; changing it re-associates in place. */
  readonly routeTableId: Input<string>;
  /** The subnet; changing it replaces the association. @default none (give this or gatewayId) */
  readonly subnetId?: Input<string>;
  /** An internet or virtual private gateway (edge association); changing it replaces the association. @default none */
  readonly gatewayId?: Input<string>;
}

/**
 * Makes a subnet (or a gateway) use a route table instead of the VPC's main
 * one. Pointing it at another table is an in-place change
 * (ReplaceRouteTableAssociation); deleting it returns the subnet to the main
 * table.
 *
 * @example
 * new aws.ec2.RouteTableAssociation("public-a", { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });
 */
export class RouteTableAssociation extends CustomResource {
  /** EC2's association id (`rtbassoc-…`); it changes when the table does. */
  readonly associationId: Output<string> = this.getOutput("associationId");

  constructor(name: string, args: RouteTableAssociationArgs, opts: CustomResourceOptions = {}) {
    super(ROUTE_TABLE_ASSOCIATION, name, args as unknown as Record<string, unknown>, opts);
  }
}
