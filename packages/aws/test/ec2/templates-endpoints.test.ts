import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateTagsCommand,
  CreateVpcEndpointCommand,
  DeleteVpcEndpointsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
  ModifyLaunchTemplateCommand,
  ModifyVpcEndpointCommand,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());
afterAll(() => ec2.restore());

describe("aws:ec2/LaunchTemplate", () => {
  const TYPE = "aws:ec2/LaunchTemplate";
  const template = { LaunchTemplateId: "lt-1", LaunchTemplateName: "ranker-1", LatestVersionNumber: 2, DefaultVersionNumber: 2 };

  test("create sends a ClientToken and base64 user data", async () => {
    ec2.on(CreateLaunchTemplateCommand).resolves({ LaunchTemplate: { ...template, LatestVersionNumber: 1, DefaultVersionNumber: 1 } });
    ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [{ ...template, LatestVersionNumber: 1, DefaultVersionNumber: 1 }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "ranker-1", imageId: "ami-0abc", instanceType: "t3.micro", userData: "#!/bin/sh\necho hi" });
    const result = await provider.create(inputs as never, "token-7", callContext(TYPE, "ranker"));
    expect(ec2.commandCalls(CreateLaunchTemplateCommand)[0]?.args[0].input).toMatchObject({
      LaunchTemplateName: "ranker-1",
      ClientToken: "token-7",
      LaunchTemplateData: { ImageId: "ami-0abc", InstanceType: "t3.micro", UserData: Buffer.from("#!/bin/sh\necho hi").toString("base64") },
    });
    expect(result.outputs).toMatchObject({ latestVersion: 1, defaultVersion: 1, name: "ranker-1" });
  });

  test("a launch setting change makes a new version and makes it the default; a retried update sends the same ClientToken", async () => {
    ec2.on(CreateLaunchTemplateVersionCommand).resolves({ LaunchTemplateVersion: { VersionNumber: 2 } });
    ec2.on(ModifyLaunchTemplateCommand).resolves({});
    ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [template] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { imageId: "ami-0abc", instanceType: "t3.micro" });
    const news = await checked(provider, TYPE, { imageId: "ami-0abc", instanceType: "t3.large" });
    expect(provider.diff(TYPE, "lt-1", olds as never, news as never, {})).toEqual({ changes: ["instanceType"] });
    const outputs = await provider.update("lt-1", olds as never, news as never, {}, callContext(TYPE, "ranker"));
    await provider.update("lt-1", olds as never, news as never, {}, callContext(TYPE, "ranker"));
    expect(commandNames(ec2)).toEqual(["CreateLaunchTemplateVersion", "ModifyLaunchTemplate", "DescribeLaunchTemplates", "CreateLaunchTemplateVersion", "ModifyLaunchTemplate", "DescribeLaunchTemplates"]);
    const tokens = ec2.commandCalls(CreateLaunchTemplateVersionCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens[0]).toBe(tokens[1]);
    expect(ec2.commandCalls(ModifyLaunchTemplateCommand)[0]?.args[0].input).toEqual({ LaunchTemplateId: "lt-1", DefaultVersion: "2" });
    expect(outputs).toMatchObject({ latestVersion: 2 });
  });

  test("a tag change makes no version, and a name change replaces the template", async () => {
    ec2.on(CreateTagsCommand).resolves({});
    ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [template] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { imageId: "ami-0abc" });
    const news = await checked(provider, TYPE, { imageId: "ami-0abc", tags: { team: "ml" } });
    await provider.update("lt-1", olds as never, news as never, {}, callContext(TYPE, "ranker"));
    expect(commandNames(ec2)).toEqual(["CreateTags", "DescribeLaunchTemplates"]);
    expect(provider.diff(TYPE, "lt-1", olds as never, { ...olds, name: "other" } as never, {}).replaces).toEqual(["name"]);
  });

  test("refresh shows a launch setting changed outside Cairn, property by property", async () => {
    ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [template] });
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({ LaunchTemplateVersions: [{ VersionNumber: 2, LaunchTemplateData: { ImageId: "ami-0abc", InstanceType: "t3.xlarge", EbsOptimized: true } }] });
    const { provider } = testProvider();
    const recorded = await checked(provider, TYPE, { imageId: "ami-0abc", instanceType: "t3.micro" });
    const read = await provider.read("lt-1", recorded as never, {}, callContext(TYPE, "ranker"));
    expect(read?.inputs).toEqual({ ...recorded, instanceType: "t3.xlarge" });
  });
});

describe("aws:ec2/VpcEndpoint", () => {
  const TYPE = "aws:ec2/VpcEndpoint";

  test("create sends a ClientToken and polls until available (EC2 has no waiter for endpoints)", async () => {
    ec2.on(CreateVpcEndpointCommand).resolves({ VpcEndpoint: { VpcEndpointId: "vpce-1", State: "pending" } });
    ec2
      .on(DescribeVpcEndpointsCommand)
      .resolvesOnce({ VpcEndpoints: [{ VpcEndpointId: "vpce-1", State: "pending" }] })
      .resolves({ VpcEndpoints: [{ VpcEndpointId: "vpce-1", State: "available", VpcEndpointType: "Interface", NetworkInterfaceIds: ["eni-1"], DnsEntries: [{ DnsName: "vpce-1.example", HostedZoneId: "Z1" }] }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { vpcId: "vpc-1", serviceName: "com.amazonaws.us-west-2.sagemaker.runtime", vpcEndpointType: "Interface", subnetIds: ["subnet-2", "subnet-1"] });
    const ctx = callContext(TYPE, "runtime");
    const result = await provider.create(inputs as never, "token-3", ctx);
    expect(ec2.commandCalls(CreateVpcEndpointCommand)[0]?.args[0].input).toMatchObject({ ClientToken: "token-3", SubnetIds: ["subnet-1", "subnet-2"], VpcEndpointType: "Interface" });
    expect(commandNames(ec2)).toEqual(["CreateVpcEndpoint", "DescribeVpcEndpoints", "DescribeVpcEndpoints"]);
    expect(ctx.progressMessages[0]).toMatch(/^pending/);
    expect(result.outputs).toMatchObject({ networkInterfaceIds: ["eni-1"], dnsEntries: [{ dnsName: "vpce-1.example", hostedZoneId: "Z1" }] });
  });

  test("route tables, subnets and the policy change in place with one ModifyVpcEndpoint", async () => {
    ec2.on(ModifyVpcEndpointCommand).resolves({ Return: true });
    ec2.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [{ VpcEndpointId: "vpce-1", State: "available" }] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { vpcId: "vpc-1", serviceName: "com.amazonaws.us-west-2.s3", routeTableIds: ["rtb-1", "rtb-2"] });
    const news = await checked(provider, TYPE, { vpcId: "vpc-1", serviceName: "com.amazonaws.us-west-2.s3", routeTableIds: ["rtb-3", "rtb-2"], policy: '{"Statement":[]}' });
    expect(provider.diff(TYPE, "vpce-1", olds as never, news as never, {})).toEqual({ changes: ["policy", "routeTableIds"] });
    await provider.update("vpce-1", olds as never, news as never, {}, callContext(TYPE, "s3"));
    expect(ec2.commandCalls(ModifyVpcEndpointCommand)[0]?.args[0].input).toEqual({
      VpcEndpointId: "vpce-1",
      AddRouteTableIds: ["rtb-3"],
      RemoveRouteTableIds: ["rtb-1"],
      PolicyDocument: '{"Statement":[]}',
    });
  });

  test("delete reports a refusal the API returns in its answer, and waits until the endpoint is gone", async () => {
    ec2.on(DeleteVpcEndpointsCommand).resolvesOnce({ Unsuccessful: [{ ResourceId: "vpce-1", Error: { Code: "InvalidParameter", Message: "Operation is not allowed" } }] }).resolves({});
    ec2.on(DescribeVpcEndpointsCommand).resolvesOnce({ VpcEndpoints: [{ VpcEndpointId: "vpce-1", State: "deleting" }] }).resolves({ VpcEndpoints: [] });
    const { provider } = testProvider();
    await expect(provider.delete("vpce-1", {}, {}, callContext(TYPE, "s3"))).rejects.toThrow(/InvalidParameter: Operation is not allowed/);
    await provider.delete("vpce-1", {}, {}, callContext(TYPE, "s3"));
    expect(commandNames(ec2)).toEqual(["DeleteVpcEndpoints", "DeleteVpcEndpoints", "DescribeVpcEndpoints", "DescribeVpcEndpoints"]);
  });
});

describe("aws:ec2/getSecurityGroup", () => {
  test("finds exactly one group by VPC and name, and says so when several match", async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolvesOnce({ SecurityGroups: [{ GroupId: "sg-1", GroupName: "default", VpcId: "vpc-1", OwnerId: "1", Description: "d" }] }).resolves({ SecurityGroups: [{}, {}] });
    const { provider } = testProvider();
    const found = await provider.invoke("aws:ec2/getSecurityGroup", { vpcId: "vpc-1", name: "default" }, new AbortController().signal);
    expect(found).toMatchObject({ id: "sg-1", name: "default", arn: "arn:aws:ec2:us-west-2:1:security-group/sg-1" });
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)[0]?.args[0].input.Filters).toEqual([
      { Name: "group-name", Values: ["default"] },
      { Name: "vpc-id", Values: ["vpc-1"] },
    ]);
    await expect(provider.invoke("aws:ec2/getSecurityGroup", { vpcId: "vpc-1" }, new AbortController().signal)).rejects.toThrow(/2 security groups matched, but exactly one must/);
  });
});
