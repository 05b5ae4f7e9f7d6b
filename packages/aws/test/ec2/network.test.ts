import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteVpcCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { createTokenValue } from "../../src/ec2/create-token.js";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());
afterAll(() => ec2.restore());

describe("aws:ec2/Vpc", () => {
  const TYPE = "aws:ec2/Vpc";

  test("create waits for a pending VPC to become available, then turns on DNS hostnames", async () => {
    ec2.on(CreateVpcCommand).resolves({ Vpc: { VpcId: "vpc-1", State: "pending" } });
    ec2
      .on(DescribeVpcsCommand)
      .rejectsOnce(awsError("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist"))
      .resolvesOnce({ Vpcs: [{ VpcId: "vpc-1", State: "pending" }] })
      .resolves({ Vpcs: [{ VpcId: "vpc-1", State: "available", OwnerId: "123456789012", CidrBlock: "10.0.0.0/16" }] });
    ec2.on(ModifyVpcAttributeCommand).resolves({});
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const ctx = callContext(TYPE, "main");
    const inputs = await checked(provider, TYPE, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });
    const result = await provider.create(inputs as never, "t", ctx);
    expect(commandNames(ec2)).toEqual(["CreateVpc", "DescribeVpcs", "DescribeVpcs", "DescribeVpcs", "ModifyVpcAttribute"]);
    expect(ec2.commandCalls(CreateVpcCommand)[0]?.args[0].input).toEqual({
      CidrBlock: "10.0.0.0/16",
      InstanceTenancy: "default",
      TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "team", Value: "ml" }, { Key: "cairn:create-token", Value: createTokenValue("t") }] }],
    });
    expect(ec2.commandCalls(ModifyVpcAttributeCommand)[0]?.args[0].input).toEqual({ VpcId: "vpc-1", EnableDnsHostnames: { Value: true } });
    expect(result.outputs).toMatchObject({ arn: "arn:aws:ec2:us-west-2:123456789012:vpc/vpc-1", ownerId: "123456789012" });
    expect(ctx.progressMessages[0]).toMatch(/^not visible yet/);
    expect(ctx.limited).toEqual(["ec2:DescribeVpcs", "ec2:DescribeVpcs", "ec2:DescribeVpcs", "ec2:ModifyVpcAttribute"]);
  });

  test("delete keeps trying while EC2 says something still depends on the VPC", async () => {
    ec2
      .on(DeleteVpcCommand)
      .rejectsOnce(awsError("DependencyViolation", "The vpc 'vpc-1' has dependencies and cannot be deleted."))
      .resolves({});
    const { provider } = testProvider();
    const ctx = callContext(TYPE, "main");
    await provider.delete("vpc-1", {}, {}, ctx);
    expect(commandNames(ec2)).toEqual(["DeleteVpc", "DeleteVpc"]);
    // The first call was admitted by the engine; the retry waits for its own token.
    expect(ctx.limited).toEqual(["ec2:DeleteVpc"]);
  });

  test("a VPC deleted outside Cairn reads as gone", async () => {
    ec2.on(DescribeVpcsCommand).rejects(awsError("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist"));
    const { provider } = testProvider();
    expect(await provider.read("vpc-1", { cidrBlock: "10.0.0.0/16" }, {}, callContext(TYPE, "main"))).toBeUndefined();
  });

  test("read reports DNS settings and tags so drift is visible", async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: "vpc-1", State: "available", CidrBlock: "10.0.0.0/16", InstanceTenancy: "default", Tags: [{ Key: "team", Value: "data" }] }] });
    ec2.on(DescribeVpcAttributeCommand, { Attribute: "enableDnsSupport" }).resolves({ EnableDnsSupport: { Value: true } });
    ec2.on(DescribeVpcAttributeCommand, { Attribute: "enableDnsHostnames" }).resolves({ EnableDnsHostnames: { Value: false } });
    const { provider } = testProvider();
    const recorded = await checked(provider, "aws:ec2/Vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags: { team: "ml" } });
    const read = await provider.read("vpc-1", recorded as never, {}, callContext(TYPE, "main"));
    expect(provider.diff(TYPE, "vpc-1", read?.inputs as never, recorded as never, {})).toEqual({ changes: ["enableDnsHostnames", "tags"] });
  });
});

describe("aws:ec2/Subnet", () => {
  const TYPE = "aws:ec2/Subnet";

  test("create retries while a fresh VPC is not visible yet, and a zone EC2 chose is not an input on read", async () => {
    ec2.on(CreateSubnetCommand).rejectsOnce(awsError("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist")).resolves({ Subnet: { SubnetId: "subnet-1" } });
    const subnet = { SubnetId: "subnet-1", State: "available" as const, VpcId: "vpc-1", CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-west-2b", MapPublicIpOnLaunch: false };
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [subnet] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24" });
    const created = await provider.create(inputs as never, "t", callContext(TYPE, "a"));
    expect(commandNames(ec2)).toEqual(["CreateSubnet", "CreateSubnet", "DescribeSubnets"]);
    expect(created.outputs.availabilityZone).toBe("us-west-2b");
    const read = await provider.read("subnet-1", inputs as never, created.outputs, callContext(TYPE, "a"));
    expect(read?.inputs).toEqual(inputs);
  });
});

describe("aws:ec2/Subnet zones", () => {
  const TYPE = "aws:ec2/Subnet";
  test("a new zone for the same block replaces the subnet deleting the old one first; writing down the zone EC2 chose changes nothing", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { vpcId: "vpc-1", cidrBlock: "10.6.1.0/24" });
    const chosen = await checked(provider, TYPE, { vpcId: "vpc-1", cidrBlock: "10.6.1.0/24", availabilityZone: "us-west-2c" });
    const moved = await checked(provider, TYPE, { vpcId: "vpc-1", cidrBlock: "10.6.1.0/24", availabilityZone: "us-west-2b" });
    const outputs = { availabilityZone: "us-west-2c" };
    expect(await provider.diff(TYPE, "subnet-1", olds as never, chosen as never, outputs)).toEqual({ changes: [] });
    expect(await provider.diff(TYPE, "subnet-1", olds as never, moved as never, outputs)).toEqual({ changes: ["availabilityZone"], replaces: ["availabilityZone"], deleteBeforeReplace: true });
    const elsewhere = await checked(provider, TYPE, { vpcId: "vpc-1", cidrBlock: "10.6.2.0/24", availabilityZone: "us-west-2b" });
    expect(await provider.diff(TYPE, "subnet-1", olds as never, elsewhere as never, outputs)).toEqual({ changes: ["availabilityZone", "cidrBlock"], replaces: ["availabilityZone", "cidrBlock"] });
  });
});

describe("aws:ec2/SecurityGroup", () => {
  const TYPE = "aws:ec2/SecurityGroup";
  const allowAllEgress = [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }];

  test("create keeps EC2's default egress and authorizes the ingress rules, one permission per source", async () => {
    ec2.on(CreateSecurityGroupCommand).resolves({ GroupId: "sg-1" });
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({ SecurityGroups: [{ GroupId: "sg-1", GroupName: "web-x", IpPermissions: [], IpPermissionsEgress: allowAllEgress }] })
      .resolves({ SecurityGroups: [{ GroupId: "sg-1", GroupName: "web-x", IpPermissions: [], IpPermissionsEgress: allowAllEgress }] });
    ec2.on(AuthorizeSecurityGroupIngressCommand).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, {
      vpcId: "vpc-1",
      ingress: [{ protocol: "TCP", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"], description: "https" }, { protocol: "all", self: true }],
    });
    await provider.create(inputs as never, "tok", callContext(TYPE, "web"));
    expect(commandNames(ec2)).toEqual(["CreateSecurityGroup", "DescribeSecurityGroups", "AuthorizeSecurityGroupIngress", "DescribeSecurityGroups"]);
    expect(ec2.commandCalls(CreateSecurityGroupCommand)[0]?.args[0].input).toMatchObject({ GroupName: expect.stringMatching(/^web-[0-9a-f]{8}$/), Description: "Managed by Cairn", VpcId: "vpc-1" });
    expect(ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)[0]?.args[0].input.IpPermissions).toEqual([
      { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "10.0.0.0/16", Description: "https" }] },
      { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "10.1.0.0/16", Description: "https" }] },
      { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-1", Description: undefined }] },
    ]);
  });

  test("update revokes a rule added outside Cairn before authorizing the new one", async () => {
    const before = [
      { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] },
      { IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "0.0.0.0/0" }] },
    ];
    const after = [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }];
    ec2.onAnyCommand().resolves({});
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({ SecurityGroups: [{ GroupId: "sg-1", IpPermissions: before, IpPermissionsEgress: allowAllEgress }] })
      .resolves({ SecurityGroups: [{ GroupId: "sg-1", IpPermissions: after, IpPermissionsEgress: allowAllEgress }] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "web", ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }] });
    const news = await checked(provider, TYPE, { name: "web", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
    await provider.update("sg-1", olds as never, news as never, {}, callContext(TYPE, "web"));
    expect(commandNames(ec2)).toEqual(["DescribeSecurityGroups", "RevokeSecurityGroupIngress", "AuthorizeSecurityGroupIngress", "DescribeSecurityGroups"]);
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)[0]?.args[0].input.IpPermissions?.map((p) => p.FromPort)).toEqual([22, 80]);
  });

  test("a replacement that keeps an explicit name deletes the old group first", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "web", vpcId: "vpc-1" });
    const news = await checked(provider, TYPE, { name: "web", vpcId: "vpc-2" });
    expect(provider.diff(TYPE, "sg-1", olds as never, news as never, {})).toEqual({ changes: ["vpcId"], replaces: ["vpcId"], deleteBeforeReplace: true });
  });

  test("a generated name never starts with sg-, which EC2 refuses (it is how group ids start)", async () => {
    ec2.on(CreateSecurityGroupCommand).resolves({ GroupId: "sg-1" });
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-1", IpPermissions: [], IpPermissionsEgress: allowAllEgress }] });
    const { provider } = testProvider();
    await provider.create((await checked(provider, TYPE, { vpcId: "vpc-1" })) as never, "tok", callContext(TYPE, "sg"));
    expect(ec2.commandCalls(CreateSecurityGroupCommand)[0]?.args[0].input.GroupName).toMatch(/^group-sg-[0-9a-f]{8}$/);
    expect((await provider.check(TYPE, { namePrefix: "SG-web-" })).failures).toEqual([{ property: "namePrefix", reason: expect.stringContaining("does not start with sg-") }]);
  });

  test("a protocol given by the number EC2 reports by name is recorded by that name, so it never reads back as drift", async () => {
    const { provider } = testProvider();
    const inputs = (await checked(provider, TYPE, { ingress: [17, 6, 1, 58, 50].map((n) => ({ protocol: String(n), fromPort: 53, toPort: 53, cidrBlocks: ["10.0.0.0/8"] })) })) as { ingress: { protocol: string }[] };
    expect(inputs.ingress.map((rule) => rule.protocol)).toEqual(["udp", "tcp", "icmp", "icmpv6", "50"]);
  });

  test("check names the rule that lacks ports or a source", async () => {
    const { provider } = testProvider();
    const result = await provider.check(TYPE, { ingress: [{ protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }, { protocol: "udp", fromPort: 53, toPort: 53 }] });
    expect(result.failures).toEqual([
      { property: "ingress.0.fromPort", reason: 'protocol "tcp" needs fromPort and toPort' },
      { property: "ingress.1", reason: "a rule needs a source: cidrBlocks, ipv6CidrBlocks, securityGroupIds, prefixListIds or self" },
    ]);
  });

  test("delete waits out instances that still use the group, and a group already gone is deleted", async () => {
    ec2
      .on(DeleteSecurityGroupCommand)
      .rejectsOnce(awsError("DependencyViolation", "resource sg-1 has a dependent object"))
      .rejects(awsError("InvalidGroup.NotFound", "The security group 'sg-1' does not exist"));
    const { provider } = testProvider();
    await provider.delete("sg-1", {}, {}, callContext(TYPE, "web"));
    expect(commandNames(ec2)).toEqual(["DeleteSecurityGroup", "DeleteSecurityGroup"]);
  });
});

describe("checks while planning", () => {
  test("values known only after apply pass check untouched", async () => {
    const { UNKNOWN } = await import("@cairn/core/provider");
    const { provider } = testProvider();
    const group = await provider.check("aws:ec2/SecurityGroup", { vpcId: UNKNOWN, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: UNKNOWN }] });
    expect(group.failures).toEqual([]);
    expect(group.inputs.vpcId).toBe(UNKNOWN);
    const subnet = await provider.check("aws:ec2/Subnet", { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24", tags: UNKNOWN });
    expect(subnet.failures).toEqual([]);
    expect(subnet.inputs.tags).toBe(UNKNOWN);
  });
});
