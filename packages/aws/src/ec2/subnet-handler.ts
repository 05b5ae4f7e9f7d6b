import type { Filter, Subnet as AwsSubnet } from "@aws-sdk/client-ec2";
import { deepEqual, type CheckResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { bool, checkFields, str, type Fields } from "../check/spec.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagsField, withDefaultTags, type Tags } from "../tags.js";
import { deleteEc2, ec2Arn, ec2Call, isEc2NotFound, primaryCall, updateEc2Tags } from "./common.js";
import { findTagged, tokenTagSpecifications } from "./create-token.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";
import { diffInputs } from "../provider/diff.js";

interface SubnetInputs {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone?: string;
  readonly mapPublicIpOnLaunch: boolean;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  vpcId: str({ required: true }),
  cidrBlock: str({ required: true, pattern: /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, expected: "an IPv4 CIDR block such as 10.0.1.0/24" }),
  availabilityZone: str({ pattern: /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/, expected: "an availability zone such as us-west-2a" }),
  mapPublicIpOnLaunch: bool({ default: false }),
  tags: tagsField(),
};

/** The provider side of `aws:ec2/Subnet`; the id is the subnet id. */
export const subnetHandler: ResourceHandler = {
  token: "aws:ec2/Subnet",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { subnetId: [], arn: [], availabilityZone: ["availabilityZone"], availabilityZoneId: ["availabilityZone"], ownerId: [] }),
    replaceOnChanges: ["vpcId", "cidrBlock", "availabilityZone"],
    stableOutputs: ["id", "arn", "vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId"],
  },
  parameterHints: { CidrBlock: "cidrBlock", cidr: "cidrBlock", AvailabilityZone: "availabilityZone", "vpc": "vpcId" },
  diff: (olds, news, oldOutputs) => {
    // Writing down the zone EC2 had chosen changes nothing.
    const chosen = olds.availabilityZone === undefined && news.availabilityZone !== undefined && oldOutputs.availabilityZone === news.availabilityZone;
    const result = diffInputs(subnetHandler, chosen ? { ...olds, availabilityZone: news.availabilityZone } : olds, news);
    // Two subnets cannot hold one CIDR block: a replacement that keeps it (a new zone) deletes the old subnet first.
    const keepsBlock = deepEqual(olds.cidrBlock, news.cidrBlock) && deepEqual(olds.vpcId, news.vpcId);
    return result.replaces !== undefined && result.replaces.length > 0 && keepsBlock ? { ...result, deleteBeforeReplace: true } : result;
  },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createSubnet,
  findCreated: async (ctx, raw, token) => {
    const ec2 = await ctx.clients.ec2();
    const list = (Filters: Filter[]) => ec2Call(ctx, "DescribeSubnets", () => ec2.client.send(new ec2.sdk.DescribeSubnetsCommand({ Filters })));
    return findTagged(ctx, token, async (filters) => (await list(filters)).Subnets?.map((subnet) => subnet.SubnetId), (id) => readSubnet(ctx, id, raw));
  },
  read: readSubnet,
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    const was = typed<SubnetInputs>(olds);
    const now = typed<SubnetInputs>(news);
    if (was.mapPublicIpOnLaunch !== now.mapPublicIpOnLaunch) await setPublicIp(ctx, ec2, id, now.mapPublicIpOnLaunch);
    await updateEc2Tags(ctx, ec2, id, was.tags, now.tags);
    return outputsOf(now, await describeSubnet(ctx, ec2, id), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    await deleteEc2(ctx, primaryCall(ctx, "DeleteSubnet", () => ec2.client.send(new ec2.sdk.DeleteSubnetCommand({ SubnetId: id }))));
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateSubnet") : operation === "delete" ? ec2Limit("DeleteSubnet") : undefined),
};

async function createSubnet(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<SubnetInputs>(raw);
  const ec2 = await ctx.clients.ec2();
  const input = { VpcId: inputs.vpcId, CidrBlock: inputs.cidrBlock, AvailabilityZone: inputs.availabilityZone, TagSpecifications: tokenTagSpecifications("subnet", inputs.tags, token) };
  // A VPC made a moment ago may not be visible to CreateSubnet yet.
  const send = primaryCall(ctx, "CreateSubnet", () => ec2.client.send(new ec2.sdk.CreateSubnetCommand(input)));
  const created = await retrying(ctx, send, { retryIf: isEc2NotFound, budgetMs: 60_000 });
  const id = created.Subnet?.SubnetId as string;
  // Not the SDK's SubnetAvailable waiter: the subnet found is returned for outputs, and each look goes through call() (see pollUntil).
  const subnet = await pollUntil(ctx, {
    what: "available",
    describe: () => describeSubnet(ctx, ec2, id),
    evaluate: (found) => (found?.State === "available" ? { done: true, value: found } : { status: found?.State ?? "not visible yet" }),
    delays: { baseMs: 1_000, maxMs: 10_000 },
  });
  if (inputs.mapPublicIpOnLaunch) await setPublicIp(ctx, ec2, id, true);
  return { id, outputs: outputsOf(inputs, subnet, await ec2.client.config.region()) };
}

function setPublicIp(ctx: AwsContext, ec2: Ec2Handle, SubnetId: string, Value: boolean): Promise<unknown> {
  return retrying(ctx, () => ec2Call(ctx, "ModifySubnetAttribute", () => ec2.client.send(new ec2.sdk.ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value } }))), {
    retryIf: isEc2NotFound,
  });
}

async function describeSubnet(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsSubnet | undefined> {
  const out = await orMissing(ec2Call(ctx, "DescribeSubnets", () => ec2.client.send(new ec2.sdk.DescribeSubnetsCommand({ SubnetIds: [id] }))), isEc2NotFound);
  return out?.Subnets?.[0];
}

async function readSubnet(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const ec2 = await ctx.clients.ec2();
  const subnet = await readConfirmed(ctx, () => describeSubnet(ctx, ec2, id));
  if (subnet === undefined) return undefined;
  const imported = Object.keys(inputs).length === 0;
  const current: SubnetInputs = {
    ...typed<SubnetInputs>(inputs),
    vpcId: subnet.VpcId as string,
    cidrBlock: subnet.CidrBlock as string,
    // A zone EC2 chose is an output, not an input the program gave.
    availabilityZone: inputs.availabilityZone !== undefined || imported ? subnet.AvailabilityZone : undefined,
    mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
    tags: fromTagList(subnet.Tags),
  };
  return { id, inputs: plain(current as never), outputs: outputsOf(current, subnet, await ec2.client.config.region()) };
}

function outputsOf(inputs: SubnetInputs, subnet: AwsSubnet | undefined, region: string): PropertyMap {
  const id = subnet?.SubnetId as string;
  return plain({
    ...inputs,
    arn: subnet?.SubnetArn ?? ec2Arn(region, subnet?.OwnerId, `subnet/${id}`),
    availabilityZone: subnet?.AvailabilityZone,
    availabilityZoneId: subnet?.AvailabilityZoneId,
    ownerId: subnet?.OwnerId,
  });
}
