import { DescribeImagesCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { testProvider } from "../support/fakes.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());
afterAll(() => ec2.restore());

const signal = new AbortController().signal;

describe("EC2 data sources", () => {
  test("getVpc turns default and tags into filters and returns the one VPC found", async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: "vpc-9", CidrBlock: "172.31.0.0/16", IsDefault: true, OwnerId: "123456789012", InstanceTenancy: "default" }] });
    const { provider } = testProvider();
    const vpc = await provider.invoke("aws:ec2/getVpc", { default: true, tags: { env: "dev" } }, signal);
    expect(ec2.commandCalls(DescribeVpcsCommand)[0]?.args[0].input).toEqual({
      Filters: [
        { Name: "tag:env", Values: ["dev"] },
        { Name: "is-default", Values: ["true"] },
      ],
    });
    expect(vpc).toEqual({ id: "vpc-9", arn: "arn:aws:ec2:us-west-2:123456789012:vpc/vpc-9", cidrBlock: "172.31.0.0/16", isDefault: true, ownerId: "123456789012", instanceTenancy: "default", tags: {} });
  });

  test("getVpc fails clearly when nothing or too much matches", async () => {
    ec2.on(DescribeVpcsCommand).resolvesOnce({ Vpcs: [] }).resolves({ Vpcs: [{ VpcId: "a" }, { VpcId: "b" }] });
    const { provider } = testProvider();
    await expect(provider.invoke("aws:ec2/getVpc", { tags: { env: "x" } }, signal)).rejects.toThrow('aws:ec2/getVpc: no VPC matched {"tags":{"env":"x"}}');
    await expect(provider.invoke("aws:ec2/getVpc", {}, signal)).rejects.toThrow("2 VPCs matched, but exactly one must");
  });

  test("getSubnets follows every page and returns sorted ids", async () => {
    ec2
      .on(DescribeSubnetsCommand)
      .resolvesOnce({ Subnets: [{ SubnetId: "subnet-b", AvailabilityZone: "us-west-2b", CidrBlock: "10.0.2.0/24", VpcId: "vpc-1" }], NextToken: "p2" })
      .resolves({ Subnets: [{ SubnetId: "subnet-a", AvailabilityZone: "us-west-2a", CidrBlock: "10.0.1.0/24", VpcId: "vpc-1" }] });
    const { provider } = testProvider();
    const result = await provider.invoke("aws:ec2/getSubnets", { vpcId: "vpc-1" }, signal);
    expect(result.ids).toEqual(["subnet-a", "subnet-b"]);
    expect(ec2.commandCalls(DescribeSubnetsCommand)[1]?.args[0].input).toEqual({ Filters: [{ Name: "vpc-id", Values: ["vpc-1"] }], NextToken: "p2" });
  });

  test("getAmi picks the most recent match of the name pattern, and refuses several without mostRecent", async () => {
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: "ami-old", Name: "ml-base-1", CreationDate: "2024-01-01T00:00:00.000Z", Architecture: "x86_64", OwnerId: "137112412989" },
        { ImageId: "ami-new", Name: "ml-base-2", CreationDate: "2025-06-01T00:00:00.000Z", Architecture: "x86_64", OwnerId: "137112412989" },
        { ImageId: "ami-gpu", Name: "ml-gpu-1", CreationDate: "2026-01-01T00:00:00.000Z", Architecture: "x86_64", OwnerId: "137112412989" },
      ],
    });
    const { provider } = testProvider();
    const ami = await provider.invoke("aws:ec2/getAmi", { owners: ["amazon"], nameRegex: "^ml-base-", mostRecent: true }, signal);
    expect(ami).toMatchObject({ id: "ami-new", name: "ml-base-2" });
    expect(ec2.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toEqual({ Owners: ["amazon"] });
    await expect(provider.invoke("aws:ec2/getAmi", { owners: ["amazon"], nameRegex: "^ml-base-" }, signal)).rejects.toThrow("or set mostRecent: true");
  });

  test("invalid arguments to a data source are reported before any call", async () => {
    const { provider } = testProvider();
    await expect(provider.invoke("aws:ec2/getAmi", { owner: "amazon" }, signal)).rejects.toThrow(/Invalid arguments to aws:ec2\/getAmi:\n {2}- owner: unknown property/);
    expect(ec2.calls()).toHaveLength(0);
  });
});
