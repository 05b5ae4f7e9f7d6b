import type { Filter, InternetGateway as AwsInternetGateway } from "@aws-sdk/client-ec2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, fromTagList, tagsField, type Tags } from "../tags.js";
import { DEPENDENCY_BUDGET_MS, deleteEc2, ec2Arn, ec2Call, isDependencyViolation, isEc2NotFound, primaryCall, updateEc2Tags } from "./common.js";
import { findTagged, tokenTagSpecifications } from "./create-token.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";

interface InternetGatewayInputs {
  readonly vpcId?: string;
  readonly tags: Tags;
}

const FIELDS: Fields = { vpcId: str({ pattern: /^vpc-/, expected: "a VPC id such as vpc-0abc" }), tags: tagsField() };

/** The provider side of `aws:ec2/InternetGateway`; the id is the gateway id. */
export const internetGatewayHandler: ResourceHandler = {
  token: "aws:ec2/InternetGateway",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: [], ownerId: [] }),
    stableOutputs: ["id", "arn", "ownerId"],
  },
  parameterHints: { vpc: "vpcId" },
  check: (inputs, env) => checkTagged(FIELDS, inputs, env.settings.defaultTags),
  create: async (ctx, raw, token) => {
    const inputs = typed<InternetGatewayInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const input = { TagSpecifications: tokenTagSpecifications("internet-gateway", inputs.tags, token) };
    const created = await primaryCall(ctx, "CreateInternetGateway", () => ec2.client.send(new ec2.sdk.CreateInternetGatewayCommand(input)))();
    const id = created.InternetGateway?.InternetGatewayId as string;
    if (inputs.vpcId !== undefined) await attach(ctx, ec2, id, inputs.vpcId);
    return { id, outputs: outputsOf(inputs, await readConfirmed(ctx, () => describe(ctx, ec2, id)), await ec2.client.config.region()) };
  },
  findCreated: async (ctx, raw, token) => {
    const ec2 = await ctx.clients.ec2();
    const list = (Filters: Filter[]) => ec2Call(ctx, "DescribeInternetGateways", () => ec2.client.send(new ec2.sdk.DescribeInternetGatewaysCommand({ Filters })));
    return findTagged(ctx, token, async (filters) => (await list(filters)).InternetGateways?.map((gateway) => gateway.InternetGatewayId), (id) => readGateway(ctx, id, raw));
  },
  read: readGateway,
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    const was = typed<InternetGatewayInputs>(olds);
    const now = typed<InternetGatewayInputs>(news);
    if (was.vpcId !== now.vpcId) {
      if (was.vpcId !== undefined) await detach(ctx, ec2, id, was.vpcId);
      if (now.vpcId !== undefined) await attach(ctx, ec2, id, now.vpcId);
    }
    await updateEc2Tags(ctx, ec2, id, was.tags, now.tags);
    return outputsOf(now, await describe(ctx, ec2, id), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    const gateway = await retrying(ctx, () => describe(ctx, ec2, id));
    for (const attachment of gateway?.Attachments ?? []) if (attachment.VpcId) await detach(ctx, ec2, id, attachment.VpcId);
    await deleteEc2(ctx, primaryCall(ctx, "DeleteInternetGateway", () => ec2.client.send(new ec2.sdk.DeleteInternetGatewayCommand({ InternetGatewayId: id }))));
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateInternetGateway") : operation === "delete" ? ec2Limit("DeleteInternetGateway") : undefined),
};

/** Attaches, retrying while a VPC made a moment ago is not visible yet. */
function attach(ctx: AwsContext, ec2: Ec2Handle, InternetGatewayId: string, VpcId: string): Promise<unknown> {
  const send = () => ec2Call(ctx, "AttachInternetGateway", () => ec2.client.send(new ec2.sdk.AttachInternetGatewayCommand({ InternetGatewayId, VpcId })));
  return retrying(ctx, send, { retryIf: isEc2NotFound });
}

/**
 * Detaches. EC2 refuses (DependencyViolation) while the VPC still has public
 * addresses mapped (a NAT gateway's, an instance's); those go first, so this
 * waits for them. A gateway already detached counts as done.
 */
async function detach(ctx: AwsContext, ec2: Ec2Handle, InternetGatewayId: string, VpcId: string): Promise<void> {
  const send = () => ec2Call(ctx, "DetachInternetGateway", () => ec2.client.send(new ec2.sdk.DetachInternetGatewayCommand({ InternetGatewayId, VpcId })));
  try {
    await retrying(ctx, send, { retryIf: isDependencyViolation, budgetMs: DEPENDENCY_BUDGET_MS });
  } catch (error) {
    if (!isEc2NotFound(error) && !hasAwsCode(error, ["Gateway.NotAttached"])) throw error;
  }
}

async function describe(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsInternetGateway | undefined> {
  const out = await orMissing(
    ec2Call(ctx, "DescribeInternetGateways", () => ec2.client.send(new ec2.sdk.DescribeInternetGatewaysCommand({ InternetGatewayIds: [id] }))),
    isEc2NotFound,
  );
  return out?.InternetGateways?.[0];
}

async function readGateway(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const ec2 = await ctx.clients.ec2();
  const gateway = await readConfirmed(ctx, () => describe(ctx, ec2, id));
  if (gateway === undefined) return undefined;
  const current: InternetGatewayInputs = { ...typed<InternetGatewayInputs>(inputs), vpcId: attachedVpc(gateway), tags: fromTagList(gateway.Tags) };
  return { id, inputs: plain(current as never), outputs: outputsOf(current, gateway, await ec2.client.config.region()) };
}

function attachedVpc(gateway: AwsInternetGateway | undefined): string | undefined {
  // EC2 reports an attached internet gateway as "available".
  return gateway?.Attachments?.find((a) => ["attached", "available"].includes(a.State as string))?.VpcId;
}

function outputsOf(inputs: InternetGatewayInputs, gateway: AwsInternetGateway | undefined, region: string): PropertyMap {
  const id = gateway?.InternetGatewayId as string;
  return plain({ ...inputs, vpcId: attachedVpc(gateway) ?? inputs.vpcId, arn: ec2Arn(region, gateway?.OwnerId, `internet-gateway/${id}`), ownerId: gateway?.OwnerId });
}
