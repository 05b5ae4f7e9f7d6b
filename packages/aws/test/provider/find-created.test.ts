import {
  CreateVpcCommand,
  DeleteTagsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
} from "@aws-sdk/client-ec2";
import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { createTokenValue } from "../../src/ec2/create-token.js";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const s3 = mockClient(S3Client);
const ec2 = mockClient(EC2Client);
beforeEach(() => {
  s3.reset();
  ec2.reset();
});
afterAll(() => {
  s3.restore();
  ec2.restore();
});

describe("findCreated of a type named from the token (aws:s3/Bucket)", () => {
  const TYPE = "aws:s3/Bucket";

  test("finds the bucket a create with the same token made, under the name that create used", async () => {
    s3.onAnyCommand().resolves({});
    s3.on(HeadBucketCommand).resolves({ BucketRegion: "us-west-2" });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { bucketPrefix: "notes-" });
    await provider.create(inputs as never, "token-1", callContext(TYPE, "notes"));
    const made = s3.commandCalls(CreateBucketCommand)[0]!.args[0].input.Bucket!;
    s3.resetHistory();

    const found = await provider.findCreated(inputs as never, "token-1", callContext(TYPE, "notes"));
    expect(found?.id).toBe(made);
    expect(found?.outputs).toMatchObject({ bucket: made, arn: `arn:aws:s3:::${made}` });
    expect(s3.commandCalls(HeadBucketCommand)[0]!.args[0].input).toEqual({ Bucket: made });
    expect(commandNames(s3)).not.toContain("CreateBucket");
  });

  test("finds nothing when no bucket has the name a create with this token would use", async () => {
    s3.onAnyCommand().resolves({});
    s3.on(HeadBucketCommand).rejects(awsError("NotFound", "Not Found", 404));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, {});
    expect(await provider.findCreated(inputs as never, "token-2", callContext(TYPE, "notes"))).toBeUndefined();
    expect(commandNames(s3).every((name) => name === "HeadBucket")).toBe(true);
  });

  test("an explicitly named bucket is not adopted: it may have existed before this create, so the user decides", async () => {
    s3.onAnyCommand().resolves({});
    s3.on(HeadBucketCommand).resolves({ BucketRegion: "us-west-2" });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { bucket: "team-shared-data" });
    expect(await provider.findCreated(inputs as never, "token-3", callContext(TYPE, "data"))).toBeUndefined();
    expect(commandNames(s3)).toEqual([]);
  });
});

describe("findCreated of an EC2 object without a name (aws:ec2/Vpc)", () => {
  const TYPE = "aws:ec2/Vpc";
  const vpc = (VpcId: string, token: string) => ({
    VpcId,
    State: "available" as const,
    CidrBlock: "10.0.0.0/16",
    OwnerId: "123456789012",
    Tags: [{ Key: "team", Value: "ml" }, { Key: "cairn:create-token", Value: createTokenValue(token) }],
  });

  test("the create tags the VPC with a hash of its token, and findCreated finds it by that tag; the tag is not one of its tags", async () => {
    ec2.on(CreateVpcCommand).resolves({ Vpc: { VpcId: "vpc-1", State: "available" } });
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [vpc("vpc-1", "token-4")] });
    ec2.on(DescribeVpcAttributeCommand).resolves({ EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: false } });
    ec2.on(ModifyVpcAttributeCommand).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { cidrBlock: "10.0.0.0/16", tags: { team: "ml" } });
    const created = await provider.create(inputs as never, "token-4", callContext(TYPE, "net"));
    const tags = ec2.commandCalls(CreateVpcCommand)[0]!.args[0].input.TagSpecifications![0]!.Tags!;
    const tokenTag = tags.find((tag) => tag.Key === "cairn:create-token")!;
    expect(tokenTag.Value).toMatch(/^[0-9a-f]{20}$/);
    expect(tokenTag.Value).not.toContain("token-4");
    expect(created.outputs.tags).toEqual({ team: "ml" });
    ec2.resetHistory();

    const found = await provider.findCreated(inputs as never, "token-4", callContext(TYPE, "net"));
    expect(ec2.commandCalls(DescribeVpcsCommand)[0]!.args[0].input).toEqual({ Filters: [{ Name: "tag:cairn:create-token", Values: [tokenTag.Value] }] });
    expect(found?.id).toBe("vpc-1");
    expect(found?.outputs.tags).toEqual({ team: "ml" });
    expect(found?.inputs?.tags).toEqual({ team: "ml" });
  });

  test("finds nothing when no VPC carries the token's tag", async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { cidrBlock: "10.0.0.0/16" });
    expect(await provider.findCreated(inputs as never, "token-5", callContext(TYPE, "net"))).toBeUndefined();
    expect(commandNames(ec2)).toEqual(["DescribeVpcs"]);
  });

  test("two VPCs with one token's tag are reported, not guessed between", async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [vpc("vpc-1", "token-6"), vpc("vpc-2", "token-6")] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { cidrBlock: "10.0.0.0/16" });
    await expect(provider.findCreated(inputs as never, "token-6", callContext(TYPE, "net"))).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
      message: expect.stringContaining("vpc-1, vpc-2"),
    });
  });
});

test("an update that drops a VPC's tags leaves the create-token tag alone", async () => {
  ec2.onAnyCommand().resolves({});
  ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: "vpc-1", State: "available", OwnerId: "123456789012" }] });
  const { provider } = testProvider();
  const olds = await checked(provider, "aws:ec2/Vpc", { cidrBlock: "10.0.0.0/16", tags: { team: "ml" } });
  const news = await checked(provider, "aws:ec2/Vpc", { cidrBlock: "10.0.0.0/16" });
  await provider.update("vpc-1", olds as never, news as never, olds as never, callContext("aws:ec2/Vpc", "net"));
  expect(ec2.commandCalls(DeleteTagsCommand).map((c) => c.args[0].input)).toEqual([{ Resources: ["vpc-1"], Tags: [{ Key: "team" }] }]);
});

describe("findCreated elsewhere", () => {
  test("a security group is found by its generated name within its VPC", async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-1", GroupName: "x", VpcId: "vpc-1", IpPermissions: [], IpPermissionsEgress: [] }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, "aws:ec2/SecurityGroup", { namePrefix: "web-", vpcId: "vpc-1" });
    const found = await provider.findCreated(inputs as never, "token-7", callContext("aws:ec2/SecurityGroup", "web"));
    expect(found?.id).toBe("sg-1");
    const filters = ec2.commandCalls(DescribeSecurityGroupsCommand)[0]!.args[0].input.Filters;
    expect(filters).toEqual([{ Name: "group-name", Values: [expect.stringMatching(/^web-[0-9a-f]{8}$/)] }, { Name: "vpc-id", Values: ["vpc-1"] }]);
  });

  test("a type whose creates leave no name or tag to find says so in its schema, and refuses, so the engine never takes that for 'not made'", async () => {
    const { provider } = testProvider();
    expect(provider.schema("aws:route53/Record")?.findsCreated).toBe(false);
    expect(provider.schema("aws:s3/Bucket")?.findsCreated).toBe(true);
    await expect(provider.findCreated({} as never, "token-8", callContext("aws:route53/Record", "www"))).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
      message: expect.stringContaining("adopt:<id>"),
    });
  });
});

test("every hand-written type either finishes interrupted creates by token or can find what one made, except those docs/aws.md lists", async () => {
  const { AWS_SERVICES } = await import("../../src/services.js");
  const { HandlerRegistry } = await import("../../src/provider/registry.js");
  const registry = new HandlerRegistry(AWS_SERVICES);
  const cannot = registry.types.filter((type) => {
    const handler = registry.tryResource(type)!;
    return !type.startsWith("aws:native") && handler.findCreated === undefined && handler.schema.idempotentCreate !== true;
  });
  expect(cannot.sort()).toEqual([
    "aws:appautoscaling/Policy",
    "aws:appautoscaling/Target",
    "aws:ec2/Route",
    "aws:ec2/RouteTableAssociation",
    "aws:iam/RolePolicyAttachment",
    "aws:kms/Alias",
    "aws:kms/Key",
    "aws:lb/Listener",
    "aws:lb/ListenerRule",
    "aws:lb/TargetGroupAttachment",
    "aws:route53/Record",
    "aws:route53/Zone",
    "aws:s3/BucketObject",
  ]);
});
