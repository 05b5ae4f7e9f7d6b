import type { ServiceHandlers } from "../provider/registry.js";
import { instanceHandler } from "./instance-handler.js";
import { eipHandler } from "./eip-handler.js";
import { internetGatewayHandler } from "./internet-gateway-handler.js";
import { keyPairHandler } from "./key-pair-handler.js";
import { launchTemplateHandler } from "./launch-template-handler.js";
import { getAmiHandler, getSecurityGroupHandler, getSubnetsHandler, getVpcHandler } from "./lookup-handlers.js";
import { natGatewayHandler } from "./nat-gateway-handler.js";
import { routeHandler } from "./route-handler.js";
import { routeTableAssociationHandler } from "./route-table-association-handler.js";
import { routeTableHandler } from "./route-table-handler.js";
import { securityGroupHandler } from "./security-group-handler.js";
import { subnetHandler } from "./subnet-handler.js";
import { vpcEndpointHandler } from "./vpc-endpoint-handler.js";
import { vpcHandler } from "./vpc-handler.js";

/** EC2's resource types and data sources. */
export const ec2Handlers: ServiceHandlers = {
  service: "ec2",
  resources: [
    vpcHandler,
    subnetHandler,
    securityGroupHandler,
    instanceHandler,
    internetGatewayHandler,
    eipHandler,
    natGatewayHandler,
    routeTableHandler,
    routeHandler,
    routeTableAssociationHandler,
    vpcEndpointHandler,
    keyPairHandler,
    launchTemplateHandler,
  ],
  dataSources: [getVpcHandler, getSubnetsHandler, getAmiHandler, getSecurityGroupHandler],
};
