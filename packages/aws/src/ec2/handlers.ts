import type { ServiceHandlers } from "../provider/registry.js";
import { instanceHandler } from "./instance-handler.js";
import { getAmiHandler, getSubnetsHandler, getVpcHandler } from "./lookup-handlers.js";
import { securityGroupHandler } from "./security-group-handler.js";
import { subnetHandler } from "./subnet-handler.js";
import { vpcHandler } from "./vpc-handler.js";

/** EC2's resource types and data sources. */
export const ec2Handlers: ServiceHandlers = {
  service: "ec2",
  resources: [vpcHandler, subnetHandler, securityGroupHandler, instanceHandler],
  dataSources: [getVpcHandler, getSubnetsHandler, getAmiHandler],
};
