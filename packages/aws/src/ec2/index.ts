/** EC2: networks, security groups, instances, and look-ups of existing ones. */
export { Vpc, type VpcArgs } from "./vpc.js";
export { Subnet, type SubnetArgs } from "./subnet.js";
export { SecurityGroup, type SecurityGroupArgs, type SecurityGroupRuleArgs } from "./security-group.js";
export { Instance, type InstanceArgs } from "./instance.js";
export { getVpc, type GetVpcArgs, type GetVpcResult } from "./get-vpc.js";
export { getSubnets, type GetSubnetsArgs, type GetSubnetsResult } from "./get-subnets.js";
export { getAmi, type GetAmiArgs, type GetAmiResult } from "./get-ami.js";
export type { Ec2Filter } from "./filter.js";
