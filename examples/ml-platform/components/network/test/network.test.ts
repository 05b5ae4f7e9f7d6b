import { testProgram, type TestResult } from "@cairn/core/testing";
import { Network, subnetCidr, type NetworkArgs } from "../src/index.js";

const zones = ["us-west-2a", "us-west-2b"];
// Ids the way EC2 would give them: a short type and the logical name.
const mocks = { newResource: ({ type, name }: { type: string; name: string }) => ({ id: `${type.split("/")[1]!.toLowerCase()}-${name}` }) };

function network(args: Partial<NetworkArgs> = {}): Promise<TestResult> {
  return testProgram(
    () => {
      const net = new Network("net", { availabilityZones: zones, tags: { team: "ml" }, ...args });
      return { vpcId: net.vpcId, publicSubnetIds: net.publicSubnetIds, privateSubnetIds: net.privateSubnetIds, securityGroupIds: net.securityGroupIds };
    },
    { mocks },
  );
}

describe("Network", () => {
  it("puts a public and a private /20 in each zone and exports their ids in the zones' order", async () => {
    const result = await network();
    const subnets = result.ofType("aws:ec2/Subnet").map((s) => [s.name, s.inputs.cidrBlock, s.inputs.availabilityZone, s.inputs.mapPublicIpOnLaunch ?? false]);
    expect(subnets).toEqual([
      ["net-public-us-west-2a", "10.0.0.0/20", "us-west-2a", true],
      ["net-public-us-west-2b", "10.0.16.0/20", "us-west-2b", true],
      ["net-private-us-west-2a", "10.0.32.0/20", "us-west-2a", false],
      ["net-private-us-west-2b", "10.0.48.0/20", "us-west-2b", false],
    ]);
    expect(result.outputs).toMatchObject({
      vpcId: "vpc-net-vpc",
      publicSubnetIds: ["subnet-net-public-us-west-2a", "subnet-net-public-us-west-2b"],
      privateSubnetIds: ["subnet-net-private-us-west-2a", "subnet-net-private-us-west-2b"],
    });
  });

  it("routes public subnets to the internet gateway and private ones through one shared NAT gateway by default", async () => {
    const result = await network();
    expect(result.ofType("aws:ec2/NatGateway").map((n) => n.inputs)).toEqual([
      expect.objectContaining({ subnetId: "subnet-net-public-us-west-2a", allocationId: "eip-net-nat-us-west-2a-ip" }),
    ]);
    const routes = Object.fromEntries(result.ofType("aws:ec2/Route").map((r) => [r.name, r.inputs.gatewayId ?? r.inputs.natGatewayId]));
    expect(routes).toEqual({
      "net-public-internet": "internetgateway-net-igw",
      "net-private-us-west-2a-egress": "natgateway-net-nat-us-west-2a",
      "net-private-us-west-2b-egress": "natgateway-net-nat-us-west-2a",
    });
    const associations = result.ofType("aws:ec2/RouteTableAssociation").map((a) => `${String(a.inputs.subnetId)} -> ${String(a.inputs.routeTableId)}`);
    expect(associations).toEqual([
      "subnet-net-public-us-west-2a -> routetable-net-public-rt",
      "subnet-net-public-us-west-2b -> routetable-net-public-rt",
      "subnet-net-private-us-west-2a -> routetable-net-private-us-west-2a-rt",
      "subnet-net-private-us-west-2b -> routetable-net-private-us-west-2b-rt",
    ]);
  });

  it("gives every zone its own NAT gateway when asked, each private subnet using its zone's", async () => {
    const result = await network({ natGateways: "perZone" });
    expect(result.ofType("aws:ec2/NatGateway").map((n) => n.inputs.subnetId)).toEqual(["subnet-net-public-us-west-2a", "subnet-net-public-us-west-2b"]);
    expect(result.resource("net-private-us-west-2b-egress").inputs.natGatewayId).toBe("natgateway-net-nat-us-west-2b");
    expect(result.ofType("aws:ec2/Eip")).toHaveLength(2);
  });

  it("reaches S3 through a gateway endpoint on the private route tables and SageMaker and ECR through interface endpoints", async () => {
    const result = await network();
    const endpoints = result.ofType("aws:ec2/VpcEndpoint").map((e) => [e.inputs.serviceName, e.inputs.vpcEndpointType ?? "Gateway"]);
    expect(endpoints).toEqual([
      ["com.amazonaws.us-west-2.s3", "Gateway"],
      ["com.amazonaws.us-west-2.sagemaker.api", "Interface"],
      ["com.amazonaws.us-west-2.sagemaker.runtime", "Interface"],
      ["com.amazonaws.us-west-2.ecr.api", "Interface"],
      ["com.amazonaws.us-west-2.ecr.dkr", "Interface"],
    ]);
    expect(result.resource("net-s3").inputs.routeTableIds).toEqual(["routetable-net-private-us-west-2a-rt", "routetable-net-private-us-west-2b-rt"]);
    expect(result.resource("net-sagemaker-runtime").inputs).toMatchObject({
      subnetIds: ["subnet-net-private-us-west-2a", "subnet-net-private-us-west-2b"],
      securityGroupIds: ["securitygroup-net-endpoints"],
    });
    expect((await network({ vpcEndpoints: false })).ofType("aws:ec2/VpcEndpoint")).toEqual([]);
  });

  it("opens each tier only to the tier in front of it", async () => {
    const result = await network({ appPort: 9000 });
    expect(result.resource("net-app").inputs.ingress).toEqual([
      expect.objectContaining({ protocol: "tcp", fromPort: 9000, toPort: 9000, securityGroupIds: ["securitygroup-net-lb"] }),
      expect.objectContaining({ protocol: "tcp", fromPort: 9000, toPort: 9000, self: true }),
    ]);
    expect(result.resource("net-inference").inputs.ingress).toEqual([expect.objectContaining({ fromPort: 443, securityGroupIds: ["securitygroup-net-app"] })]);
    expect(result.resource("net-endpoints").inputs.ingress).toEqual([expect.objectContaining({ fromPort: 443, cidrBlocks: ["10.0.0.0/16"] })]);
    expect(result.outputs.securityGroupIds).toEqual({
      lb: "securitygroup-net-lb",
      app: "securitygroup-net-app",
      inference: "securitygroup-net-inference",
      training: "securitygroup-net-training",
      endpoints: "securitygroup-net-endpoints",
    });
  });

  it("tags every resource that takes tags with the caller's tags and a Name, and parents everything to the component", async () => {
    const result = await network({ cidrBlock: "10.8.0.0/16" });
    const component = result.resource("net");
    const children = result.resources.filter((r) => r.kind !== "component");
    expect(children.every((r) => r.parent === component.urn)).toBe(true);
    expect(result.resource("net-vpc").inputs).toMatchObject({ cidrBlock: "10.8.0.0/16", tags: { team: "ml", Name: "net-vpc" } });
    expect(result.resource("net-private-us-west-2a").inputs.tags).toEqual({ team: "ml", Name: "net-private-us-west-2a", tier: "private" });
  });

  it("passes protect on to every resource, so a prod network cannot be deleted by accident", async () => {
    const result = await testProgram(() => void new Network("net", { availabilityZones: zones }, { protect: true }), { mocks });
    expect(result.resources.filter((r) => !r.protect).map((r) => r.name)).toEqual([]);
    expect(result.resources).toHaveLength(29);
  });

  it("refuses fewer than two zones, naming the component", async () => {
    await expect(network({ availabilityZones: ["us-west-2a"] })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      message: expect.stringMatching(/Network "net": availabilityZones needs at least two zones/),
    });
  });
});

describe("subnetCidr", () => {
  it("splits a block as cidrsubnet does and refuses what AWS would", () => {
    expect(subnetCidr("10.0.0.0/16", 4, 0)).toBe("10.0.0.0/20");
    expect(subnetCidr("10.0.0.0/16", 4, 15)).toBe("10.0.240.0/20");
    expect(subnetCidr("172.16.0.0/12", 8, 3)).toBe("172.16.48.0/20");
    expect(() => subnetCidr("10.0.0.0/16", 4, 16)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", message: expect.stringMatching(/index 16 is outside/) }));
    expect(() => subnetCidr("10.0.0.0/24", 6, 0)).toThrow(/\/28 at the smallest/);
    expect(() => subnetCidr("10.0.0/16", 4, 0)).toThrow(/Expected an IPv4 CIDR block/);
  });
});
