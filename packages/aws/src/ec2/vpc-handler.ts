import type { Filter, Vpc as AwsVpc } from "@aws-sdk/client-ec2";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
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

interface VpcInputs {
  readonly cidrBlock: string;
  readonly instanceTenancy: "default" | "dedicated";
  readonly enableDnsSupport: boolean;
  readonly enableDnsHostnames: boolean;
  readonly tags: Tags;
}

const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

const FIELDS: Fields = {
  cidrBlock: str({ required: true, pattern: CIDR, expected: "an IPv4 CIDR block such as 10.0.0.0/16" }),
  instanceTenancy: str({ oneOf: ["default", "dedicated"], default: "default" }),
  enableDnsSupport: bool({ default: true }),
  enableDnsHostnames: bool({ default: false }),
  tags: tagsField(),
};

/** The provider side of `aws:ec2/Vpc`; the id is the VPC id. */
export const vpcHandler: ResourceHandler = {
  token: "aws:ec2/Vpc",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { vpcId: [], arn: [], ownerId: [], isDefault: [], dhcpOptionsId: [] }),
    replaceOnChanges: ["cidrBlock", "instanceTenancy"],
    stableOutputs: ["id", "arn", "ownerId", "cidrBlock"],
  },
  parameterHints: { CidrBlock: "cidrBlock", cidr: "cidrBlock", tenancy: "instanceTenancy" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createVpc,
  findCreated: async (ctx, raw, token) => {
    const ec2 = await ctx.clients.ec2();
    const list = (Filters: Filter[]) => ec2Call(ctx, "DescribeVpcs", () => ec2.client.send(new ec2.sdk.DescribeVpcsCommand({ Filters })));
    return findTagged(ctx, token, async (filters) => (await list(filters)).Vpcs?.map((vpc) => vpc.VpcId), (id) => readVpc(ctx, id, raw));
  },
  read: readVpc,
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    await applyDns(ctx, ec2, id, typed<VpcInputs>(news), typed<VpcInputs>(olds));
    await updateEc2Tags(ctx, ec2, id, typed<VpcInputs>(olds).tags, typed<VpcInputs>(news).tags);
    return outputsOf(typed<VpcInputs>(news), await describeVpc(ctx, ec2, id), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    await deleteEc2(ctx, primaryCall(ctx, "DeleteVpc", () => ec2.client.send(new ec2.sdk.DeleteVpcCommand({ VpcId: id }))));
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateVpc") : operation === "delete" ? ec2Limit("DeleteVpc") : undefined),
};

async function createVpc(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<VpcInputs>(raw);
  const ec2 = await ctx.clients.ec2();
  const input = { CidrBlock: inputs.cidrBlock, InstanceTenancy: inputs.instanceTenancy, TagSpecifications: tokenTagSpecifications("vpc", inputs.tags, token) };
  const created = await primaryCall(ctx, "CreateVpc", () => ec2.client.send(new ec2.sdk.CreateVpcCommand(input)))();
  const id = created.Vpc?.VpcId as string;
  // Not the SDK's VpcAvailable waiter: the VPC found is returned for outputs, and each look goes through call() (see pollUntil).
  const vpc = await pollUntil(ctx, {
    what: "available",
    describe: () => describeVpc(ctx, ec2, id),
    evaluate: (found) => (found?.State === "available" ? { done: true, value: found } : { status: found?.State ?? "not visible yet" }),
    delays: { baseMs: 1_000, maxMs: 10_000 },
  });
  await applyDns(ctx, ec2, id, inputs, { enableDnsSupport: true, enableDnsHostnames: false });
  return { id, outputs: outputsOf(inputs, vpc, await ec2.client.config.region()) };
}

/** Sets the DNS attributes that differ from `was` (EC2 takes one attribute per call). */
async function applyDns(ctx: AwsContext, ec2: Ec2Handle, VpcId: string, inputs: VpcInputs, was: Pick<VpcInputs, "enableDnsSupport" | "enableDnsHostnames">): Promise<void> {
  const modify = (attribute: "EnableDnsSupport" | "EnableDnsHostnames", Value: boolean) =>
    retrying(ctx, () => ec2Call(ctx, "ModifyVpcAttribute", () => ec2.client.send(new ec2.sdk.ModifyVpcAttributeCommand({ VpcId, [attribute]: { Value } }))), {
      retryIf: isEc2NotFound,
    });
  if (inputs.enableDnsSupport !== was.enableDnsSupport) await modify("EnableDnsSupport", inputs.enableDnsSupport);
  if (inputs.enableDnsHostnames !== was.enableDnsHostnames) await modify("EnableDnsHostnames", inputs.enableDnsHostnames);
}

async function describeVpc(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsVpc | undefined> {
  const out = await orMissing(
    ec2Call(ctx, "DescribeVpcs", () => ec2.client.send(new ec2.sdk.DescribeVpcsCommand({ VpcIds: [id] }))),
    isEc2NotFound,
  );
  return out?.Vpcs?.[0];
}

async function readVpc(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const ec2 = await ctx.clients.ec2();
  const vpc = await readConfirmed(ctx, () => describeVpc(ctx, ec2, id));
  if (vpc === undefined) return undefined;
  const attribute = (Attribute: "enableDnsSupport" | "enableDnsHostnames") =>
    ec2Call(ctx, "DescribeVpcAttribute", () => ec2.client.send(new ec2.sdk.DescribeVpcAttributeCommand({ VpcId: id, Attribute })));
  const [support, hostnames] = await Promise.all([attribute("enableDnsSupport"), attribute("enableDnsHostnames")]);
  const current: VpcInputs = {
    ...typed<VpcInputs>(inputs),
    cidrBlock: vpc.CidrBlock as string,
    instanceTenancy: (vpc.InstanceTenancy ?? "default") as VpcInputs["instanceTenancy"],
    enableDnsSupport: support.EnableDnsSupport?.Value ?? true,
    enableDnsHostnames: hostnames.EnableDnsHostnames?.Value ?? false,
    tags: fromTagList(vpc.Tags),
  };
  return { id, inputs: plain(current as never), outputs: outputsOf(current, vpc, await ec2.client.config.region()) };
}

function outputsOf(inputs: VpcInputs, vpc: AwsVpc | undefined, region: string): PropertyMap {
  const id = vpc?.VpcId as string;
  return plain({
    ...inputs,
    arn: ec2Arn(region, vpc?.OwnerId, `vpc/${id}`),
    ownerId: vpc?.OwnerId,
    isDefault: vpc?.IsDefault ?? false,
    dhcpOptionsId: vpc?.DhcpOptionsId,
  });
}
