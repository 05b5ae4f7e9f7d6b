// The ML platform's network, one stack per environment (dev, staging, prod).
// The stacks differ only in their config (cairn.<stack>.yaml).
import { Config } from "@cairn/core";
import { Network } from "@cairn-ml/network";

const config = new Config();
const aws = new Config("aws");
const region = aws.require("region");
const zones = JSON.parse(config.get("availabilityZones") ?? JSON.stringify([`${region}a`, `${region}b`])) as string[];
// In prod the network must not be deleted by accident: `cairn destroy` refuses
// until `protect` is set to false and applied.
const protect = config.getBoolean("protect") ?? false;

const net = new Network(
  "net",
  {
    availabilityZones: zones,
    cidrBlock: config.get("cidrBlock") ?? "10.0.0.0/16",
    natGateways: (config.get("natGateways") ?? "single") as "single" | "perZone",
    vpcEndpoints: config.getBoolean("vpcEndpoints") ?? true,
  },
  { protect },
);

export const vpcId = net.vpcId;
export const publicSubnetIds = net.publicSubnetIds;
export const privateSubnetIds = net.privateSubnetIds;
export const securityGroupIds = net.securityGroupIds;
export const availabilityZones = zones;
