import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ROUTE: ResourceType = { token: "aws:ec2/Route", package: cairnPackage };

/** The arguments of {@link Route}: a destination and exactly one target. */
export interface RouteArgs {
  /** The route table; changing it replaces the route. */
  readonly routeTableId: Input<string>;
  /** The IPv4 destination, such as "0.0.0.0/0"; changing it replaces the route. @default none (give this or the IPv6 one) */
  readonly destinationCidrBlock?: Input<string>;
  /** The IPv6 destination, such as "::/0"; changing it replaces the route. @default none */
  readonly destinationIpv6CidrBlock?: Input<string>;
  /** An internet gateway (or virtual private gateway) id. Targets change in place. @default none */
  readonly gatewayId?: Input<string>;
  /** A NAT gateway id. @default none */
  readonly natGatewayId?: Input<string>;
  /** A network interface id. @default none */
  readonly networkInterfaceId?: Input<string>;
  /** A transit gateway id. @default none */
  readonly transitGatewayId?: Input<string>;
  /** A VPC peering connection id. @default none */
  readonly vpcPeeringConnectionId?: Input<string>;
  /** A Gateway Load Balancer endpoint id. @default none */
  readonly vpcEndpointId?: Input<string>;
}

/**
 * One route in a route table. A change of target is made in place
 * (ReplaceRoute); a change of table or destination replaces the route.
 *
 * @example
 * new aws.ec2.Route("private-egress", { routeTableId: privateRoutes.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
 */
export class Route extends CustomResource {
  /** "active", or "blackhole" when the target is gone. */
  readonly state: Output<string> = this.getOutput("state");
  readonly origin: Output<string> = this.getOutput("origin");

  constructor(name: string, args: RouteArgs, opts: CustomResourceOptions = {}) {
    super(ROUTE, name, args as unknown as Record<string, unknown>, opts);
  }
}
