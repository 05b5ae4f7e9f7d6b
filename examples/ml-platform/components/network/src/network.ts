import { CairnError, ComponentResource, all, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import * as aws from "@cairn/aws";
import { subnetCidr } from "./cidr.js";
import { addSecurityGroups, type TierSecurityGroups } from "./security-groups.js";

/** The arguments of a {@link Network}. */
export interface NetworkArgs {
  /** The VPC's block; subnets are its /20s (public first, then private). @default "10.0.0.0/16" */
  readonly cidrBlock?: string;
  /** The zones, at least two, such as `["us-west-2a", "us-west-2b"]`: one public and one private subnet in each. */
  readonly availabilityZones: readonly string[];
  /** One NAT gateway for every zone (`"perZone"`, survives a zone outage) or one shared (`"single"`, cheaper). @default "single" */
  readonly natGateways?: "single" | "perZone";
  /** Private endpoints for S3 (gateway) and SageMaker API and runtime, ECR API and ECR images (interface). @default true */
  readonly vpcEndpoints?: boolean;
  /** The port every service instance listens on, opened from the load balancer's group to the app group. @default 8080 */
  readonly appPort?: number;
  /** Tags of every resource, over the provider's default tags; `Name` tags are added per resource. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The platform's long-lived network: a VPC with a public and a private subnet
 * in each zone, an internet gateway, NAT for the private subnets, private
 * endpoints for S3, SageMaker and ECR, and a security group per tier (load
 * balancer, app, inference, training, endpoints).
 *
 * @example
 * const net = new Network("net", { availabilityZones: ["us-west-2a", "us-west-2b"], natGateways: "perZone" });
 * export const vpcId = net.vpcId;
 */
export class Network extends ComponentResource {
  readonly vpcId: Output<string>;
  readonly cidrBlock: Output<string>;
  /** One per zone, in the zones' order. */
  readonly publicSubnetIds: Output<string[]>;
  /** One per zone, in the zones' order. */
  readonly privateSubnetIds: Output<string[]>;
  /** The security group of each tier. */
  readonly securityGroupIds: Output<{ [K in keyof TierSecurityGroups]: string }>;

  constructor(name: string, args: NetworkArgs, opts: ComponentResourceOptions = {}) {
    super("cairn-ml:network/Network", name, {}, opts);
    const zones = args.availabilityZones;
    if (zones.length < 2) throw new CairnError("INVALID_ARGUMENT", `Network "${name}": availabilityZones needs at least two zones, got ${JSON.stringify(zones)}.`);
    const cidr = args.cidrBlock ?? "10.0.0.0/16";
    const region = zones[0]!.replace(/[a-z]$/, "");
    const tags = (suffix: string): Record<string, string> => ({ ...args.tags, Name: `${name}-${suffix}` });
    const child = { parent: this };

    const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: cidr, enableDnsSupport: true, enableDnsHostnames: true, tags: tags("vpc") }, child);
    const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tags("igw") }, child);
    const publicRoutes = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: vpc.id, tags: tags("public") }, child);
    new aws.ec2.Route(`${name}-public-internet`, { routeTableId: publicRoutes.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id }, child);

    const publicSubnets = zones.map((zone, i) => {
      const subnet = new aws.ec2.Subnet(
        `${name}-public-${zone}`,
        { vpcId: vpc.id, cidrBlock: subnetCidr(cidr, 4, i), availabilityZone: zone, mapPublicIpOnLaunch: true, tags: { ...tags(`public-${zone}`), tier: "public" } },
        child,
      );
      new aws.ec2.RouteTableAssociation(`${name}-public-${zone}-assoc`, { subnetId: subnet.id, routeTableId: publicRoutes.id }, child);
      return subnet;
    });

    const natCount = args.natGateways === "perZone" ? zones.length : 1;
    const nats = zones.slice(0, natCount).map((zone, i) => {
      const ip = new aws.ec2.Eip(`${name}-nat-${zone}-ip`, { tags: tags(`nat-${zone}`) }, child);
      return new aws.ec2.NatGateway(`${name}-nat-${zone}`, { subnetId: publicSubnets[i]!.id, allocationId: ip.id, tags: tags(`nat-${zone}`) }, { ...child, dependsOn: [igw] });
    });

    const privateRouteTables: Output<string>[] = [];
    const privateSubnets = zones.map((zone, i) => {
      const subnet = new aws.ec2.Subnet(
        `${name}-private-${zone}`,
        { vpcId: vpc.id, cidrBlock: subnetCidr(cidr, 4, zones.length + i), availabilityZone: zone, tags: { ...tags(`private-${zone}`), tier: "private" } },
        child,
      );
      const routes = new aws.ec2.RouteTable(`${name}-private-${zone}-rt`, { vpcId: vpc.id, tags: tags(`private-${zone}`) }, child);
      new aws.ec2.Route(`${name}-private-${zone}-egress`, { routeTableId: routes.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nats[Math.min(i, nats.length - 1)]!.id }, child);
      new aws.ec2.RouteTableAssociation(`${name}-private-${zone}-assoc`, { subnetId: subnet.id, routeTableId: routes.id }, child);
      privateRouteTables.push(routes.id);
      return subnet;
    });

    const groups = addSecurityGroups(this, name, { vpcId: vpc.id, cidrBlock: cidr, appPort: args.appPort ?? 8080, tags: args.tags ?? {} });
    if (args.vpcEndpoints ?? true) {
      const privateSubnetIds = privateSubnets.map((s) => s.id);
      new aws.ec2.VpcEndpoint(`${name}-s3`, { vpcId: vpc.id, serviceName: `com.amazonaws.${region}.s3`, routeTableIds: privateRouteTables, tags: tags("s3") }, child);
      for (const service of ["sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr"]) {
        const label = service.replace(".", "-");
        new aws.ec2.VpcEndpoint(
          `${name}-${label}`,
          { vpcId: vpc.id, serviceName: `com.amazonaws.${region}.${service}`, vpcEndpointType: "Interface", subnetIds: privateSubnetIds, securityGroupIds: [groups.endpoints.id], privateDnsEnabled: true, tags: tags(label) },
          child,
        );
      }
    }

    this.vpcId = vpc.id;
    this.cidrBlock = vpc.cidrBlock;
    this.publicSubnetIds = all(publicSubnets.map((s) => s.id));
    this.privateSubnetIds = all(privateSubnets.map((s) => s.id));
    this.securityGroupIds = all({ lb: groups.lb.id, app: groups.app.id, inference: groups.inference.id, training: groups.training.id, endpoints: groups.endpoints.id });
    this.registerOutputs({ vpcId: this.vpcId, publicSubnetIds: this.publicSubnetIds, privateSubnetIds: this.privateSubnetIds, securityGroupIds: this.securityGroupIds });
  }
}
