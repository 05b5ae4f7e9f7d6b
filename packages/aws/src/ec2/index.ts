/** EC2: networks, security groups, instances, and look-ups of existing ones. */
export { Vpc, type VpcArgs } from "./vpc.js";
export { Subnet, type SubnetArgs } from "./subnet.js";
export { SecurityGroup, type SecurityGroupArgs, type SecurityGroupRuleArgs } from "./security-group.js";
export { Instance, type InstanceArgs } from "./instance.js";
export { getVpc, type GetVpcArgs, type GetVpcResult } from "./get-vpc.js";
export { getSubnets, type GetSubnetsArgs, type GetSubnetsResult } from "./get-subnets.js";
export { getAmi, type GetAmiArgs, type GetAmiResult } from "./get-ami.js";
export { getSecurityGroup, type GetSecurityGroupArgs, type GetSecurityGroupResult } from "./get-security-group.js";
export { InternetGateway, type InternetGatewayArgs } from "./internet-gateway.js";
export { Eip, type EipArgs } from "./eip.js";
export { NatGateway, type NatGatewayArgs } from "./nat-gateway.js";
export { RouteTable, type RouteTableArgs } from "./route-table.js";
export { Route, type RouteArgs } from "./route.js";
export { RouteTableAssociation, type RouteTableAssociationArgs } from "./route-table-association.js";
export { VpcEndpoint, type VpcEndpointArgs } from "./vpc-endpoint.js";
export { KeyPair, type KeyPairArgs } from "./key-pair.js";
export { LaunchTemplate, type LaunchTemplateArgs } from "./launch-template.js";
export type { Ec2Filter } from "./filter.js";
