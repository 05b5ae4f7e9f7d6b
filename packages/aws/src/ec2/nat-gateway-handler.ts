import type { NatGateway as AwsNatGateway } from "@aws-sdk/client-ec2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { runWaiter } from "../runtime/waiter.js";
import { checkTagged, fromTagList, tagsField, type Tags } from "../tags.js";
import { ec2Arn, ec2Call, isEc2NotFound, primaryCall, tagSpecifications, updateEc2Tags } from "./common.js";
import { clientTokenOf } from "./instance-inputs.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";

interface NatGatewayInputs {
  readonly subnetId: string;
  readonly allocationId?: string;
  readonly connectivityType: "public" | "private";
  readonly privateIp?: string;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  subnetId: str({ required: true }),
  allocationId: str({ pattern: /^eipalloc-/, expected: "an Elastic IP allocation id such as eipalloc-0abc" }),
  connectivityType: str({ oneOf: ["public", "private"], default: "public" }),
  privateIp: str(),
  tags: tagsField(),
};

/** The provider side of `aws:ec2/NatGateway`; the id is the gateway id. */
export const natGatewayHandler: ResourceHandler = {
  token: "aws:ec2/NatGateway",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { vpcId: ["subnetId"], publicIp: ["allocationId"], networkInterfaceId: [], arn: [] }),
    replaceOnChanges: ["subnetId", "allocationId", "connectivityType", "privateIp"], stableOutputs: ["id", "arn", "subnetId", "vpcId", "publicIp", "privateIp", "networkInterfaceId"], idempotentCreate: true,
  },
  parameterHints: { SubnetId: "subnetId", subnet: "subnetId", AllocationId: "allocationId", ConnectivityType: "connectivityType", PrivateIpAddress: "privateIp" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const out = result.inputs;
    const failures = [...(result.failures ?? [])];
    if (out.connectivityType === "private" && typeof out.allocationId === "string") failures.push({ property: "allocationId", reason: "a private NAT gateway takes no Elastic IP" });
    return { inputs: out, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<NatGatewayInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const input = {
      SubnetId: inputs.subnetId,
      AllocationId: inputs.allocationId,
      ConnectivityType: inputs.connectivityType,
      PrivateIpAddress: inputs.privateIp,
      // A retried create returns the gateway the first attempt made.
      ClientToken: clientTokenOf(token),
      TagSpecifications: tagSpecifications("natgateway", inputs.tags),
    };
    const send = primaryCall(ctx, "CreateNatGateway", () => ec2.client.send(new ec2.sdk.CreateNatGatewayCommand(input)));
    const created = await retrying(ctx, send, { retryIf: isEc2NotFound });
    const id = created.NatGateway?.NatGatewayId as string;
    await runWaiter(ctx, {
      what: "available",
      wait: (settings) => ec2.sdk.waitUntilNatGatewayAvailable({ client: ec2.client, ...settings }, { NatGatewayIds: [id] }),
      reason: async () => (await describe(ctx, ec2, id))?.FailureMessage,
    });
    return { id, outputs: outputsOf(inputs, await readConfirmed(ctx, () => describe(ctx, ec2, id)), await ec2.client.config.region()) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const gateway = await readConfirmed(ctx, () => describe(ctx, ec2, id));
    if (gateway === undefined) return undefined;
    const recorded = typed<NatGatewayInputs>(inputs);
    const address = gateway.NatGatewayAddresses?.[0];
    const imported = Object.keys(inputs).length === 0;
    const current: NatGatewayInputs = {
      ...recorded,
      subnetId: gateway.SubnetId as string,
      allocationId: address?.AllocationId,
      connectivityType: (gateway.ConnectivityType ?? "public") as NatGatewayInputs["connectivityType"],
      privateIp: recorded.privateIp !== undefined || imported ? address?.PrivateIp : undefined,
      tags: fromTagList(gateway.Tags),
    };
    return { id, inputs: plain(current as never), outputs: outputsOf(current, gateway, await ec2.client.config.region()) };
  },
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    await updateEc2Tags(ctx, ec2, id, typed<NatGatewayInputs>(olds).tags, typed<NatGatewayInputs>(news).tags);
    return outputsOf(typed<NatGatewayInputs>(news), await retrying(ctx, () => describe(ctx, ec2, id)), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    try {
      await primaryCall(ctx, "DeleteNatGateway", () => ec2.client.send(new ec2.sdk.DeleteNatGatewayCommand({ NatGatewayId: id })))();
    } catch (error) {
      if (isEc2NotFound(error)) return;
      throw error;
    }
    // Its Elastic IP and subnet are free only once the gateway is really gone.
    await runWaiter(ctx, { what: "deleted", wait: (settings) => ec2.sdk.waitUntilNatGatewayDeleted({ client: ec2.client, ...settings }, { NatGatewayIds: [id] }) });
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateNatGateway") : operation === "delete" ? ec2Limit("DeleteNatGateway") : undefined),
};

async function describe(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsNatGateway | undefined> {
  const out = await orMissing(ec2Call(ctx, "DescribeNatGateways", () => ec2.client.send(new ec2.sdk.DescribeNatGatewaysCommand({ NatGatewayIds: [id] }))), isEc2NotFound);
  const gateway = out?.NatGateways?.[0];
  // A deleted gateway stays visible for about an hour in the state "deleted".
  return gateway?.State === "deleted" ? undefined : gateway;
}

function outputsOf(inputs: NatGatewayInputs, gateway: AwsNatGateway | undefined, region: string): PropertyMap {
  const id = gateway?.NatGatewayId as string;
  const address = gateway?.NatGatewayAddresses?.[0];
  return plain({
    ...inputs,
    vpcId: gateway?.VpcId,
    publicIp: address?.PublicIp,
    privateIp: address?.PrivateIp,
    networkInterfaceId: address?.NetworkInterfaceId,
    arn: ec2Arn(region, undefined, `natgateway/${id}`),
  });
}
