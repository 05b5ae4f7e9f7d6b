import type { Address, Filter } from "@aws-sdk/client-ec2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, fromTagList, tagsField, type Tags } from "../tags.js";
import { DEPENDENCY_BUDGET_MS, ec2Arn, ec2Call, isEc2NotFound, primaryCall, updateEc2Tags } from "./common.js";
import { findTagged, tokenTagSpecifications } from "./create-token.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";

interface EipInputs {
  readonly domain: "vpc";
  readonly networkBorderGroup?: string;
  readonly publicIpv4Pool?: string;
  readonly tags: Tags;
}

const FIELDS: Fields = { domain: str({ oneOf: ["vpc"], default: "vpc" }), networkBorderGroup: str(), publicIpv4Pool: str(), tags: tagsField() };

/** The provider side of `aws:ec2/Eip`; the id is the allocation id. */
export const eipHandler: ResourceHandler = {
  token: "aws:ec2/Eip",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { allocationId: [], publicIp: [], associationId: [], arn: [] }),
    replaceOnChanges: ["domain", "networkBorderGroup", "publicIpv4Pool"], stableOutputs: ["id", "allocationId", "publicIp", "arn", "domain"],
  },
  parameterHints: { NetworkBorderGroup: "networkBorderGroup", PublicIpv4Pool: "publicIpv4Pool" },
  check: (inputs, env) => checkTagged(FIELDS, inputs, env.settings.defaultTags),
  create: async (ctx, raw, token) => {
    const inputs = typed<EipInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const input = {
      Domain: inputs.domain,
      NetworkBorderGroup: inputs.networkBorderGroup,
      PublicIpv4Pool: inputs.publicIpv4Pool,
      TagSpecifications: tokenTagSpecifications("elastic-ip", inputs.tags, token),
    };
    const created = await primaryCall(ctx, "AllocateAddress", () => ec2.client.send(new ec2.sdk.AllocateAddressCommand(input)))();
    const id = created.AllocationId as string;
    const address = await readConfirmed(ctx, () => describe(ctx, ec2, id));
    return { id, outputs: outputsOf(inputs, address ?? { AllocationId: id, PublicIp: created.PublicIp, Domain: created.Domain }, await ec2.client.config.region()) };
  },
  findCreated: async (ctx, raw, token) => {
    const ec2 = await ctx.clients.ec2();
    const list = (Filters: Filter[]) => ec2Call(ctx, "DescribeAddresses", () => ec2.client.send(new ec2.sdk.DescribeAddressesCommand({ Filters })));
    return findTagged(ctx, token, async (filters) => (await list(filters)).Addresses?.map((address) => address.AllocationId), (id) => eipHandler.read(ctx, id, raw, {}));
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const address = await readConfirmed(ctx, () => describe(ctx, ec2, id));
    if (address === undefined) return undefined;
    const recorded = typed<EipInputs>(inputs);
    const current: EipInputs = {
      ...recorded,
      domain: "vpc",
      networkBorderGroup: recorded.networkBorderGroup === undefined ? undefined : address.NetworkBorderGroup,
      publicIpv4Pool: recorded.publicIpv4Pool === undefined ? undefined : address.PublicIpv4Pool,
      tags: fromTagList(address.Tags),
    };
    return { id, inputs: plain(current as never), outputs: outputsOf(current, address, await ec2.client.config.region()) };
  },
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    await updateEc2Tags(ctx, ec2, id, typed<EipInputs>(olds).tags, typed<EipInputs>(news).tags);
    return outputsOf(typed<EipInputs>(news), await retrying(ctx, () => describe(ctx, ec2, id)), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    // While a NAT gateway that used the address is still being deleted, EC2 says it is in use.
    const send = primaryCall(ctx, "ReleaseAddress", () => ec2.client.send(new ec2.sdk.ReleaseAddressCommand({ AllocationId: id })));
    try {
      await retrying(ctx, send, { retryIf: isInUse, budgetMs: DEPENDENCY_BUDGET_MS });
    } catch (error) {
      if (!isEc2NotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? ec2Limit("AllocateAddress") : operation === "delete" ? ec2Limit("ReleaseAddress") : undefined),
};

function isInUse(error: unknown): boolean {
  return hasAwsCode(error, ["InvalidIPAddress.InUse", "AuthFailure", "DependencyViolation"]);
}

async function describe(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<Address | undefined> {
  const out = await orMissing(ec2Call(ctx, "DescribeAddresses", () => ec2.client.send(new ec2.sdk.DescribeAddressesCommand({ AllocationIds: [id] }))), isEc2NotFound);
  return out?.Addresses?.[0];
}

function outputsOf(inputs: EipInputs, address: Address | undefined, region: string): PropertyMap {
  const id = address?.AllocationId as string;
  return plain({
    ...inputs,
    allocationId: id,
    publicIp: address?.PublicIp,
    domain: address?.Domain ?? inputs.domain,
    associationId: address?.AssociationId,
    arn: ec2Arn(region, undefined, `elastic-ip/${id}`),
  });
}
