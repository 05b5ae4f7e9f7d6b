/** @cairn-ml/network — the ML platform's VPC, subnets, gateways, endpoints and security groups. */
export { Network, type NetworkArgs } from "./network.js";
export { subnetCidr } from "./cidr.js";
export type { TierSecurityGroups } from "./security-groups.js";
