import type { VpcEndpoint as AwsVpcEndpoint } from "@aws-sdk/client-ec2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { bool, list, str, type Fields } from "../check/spec.js";
import { policyField, samePolicy, type PolicyDocument } from "../iam/policy-document.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, fromTagList, tagsField, type Tags } from "../tags.js";
import { ec2Arn, ec2Call, isEc2NotFound, primaryCall, tagSpecifications, updateEc2Tags } from "./common.js";
import { clientTokenOf } from "./instance-inputs.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";

interface VpcEndpointInputs {
  readonly vpcId: string;
  readonly serviceName: string;
  readonly vpcEndpointType: "Gateway" | "Interface";
  readonly routeTableIds: readonly string[];
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly privateDnsEnabled?: boolean;
  readonly policy?: PolicyDocument;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  vpcId: str({ required: true }),
  serviceName: str({ required: true }),
  vpcEndpointType: str({ oneOf: ["Gateway", "Interface"], default: "Gateway" }),
  routeTableIds: list(str(), { default: [] }),
  subnetIds: list(str(), { default: [] }),
  securityGroupIds: list(str(), { default: [] }),
  privateDnsEnabled: bool(),
  policy: policyField(),
  tags: tagsField(),
};

const SETS = ["routeTableIds", "subnetIds", "securityGroupIds"] as const;

/** The provider side of `aws:ec2/VpcEndpoint`; the id is the endpoint id. */
export const vpcEndpointHandler: ResourceHandler = {
  token: "aws:ec2/VpcEndpoint",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { state: [], arn: [], dnsEntries: ["serviceName"], networkInterfaceIds: [] }),
    replaceOnChanges: ["vpcId", "serviceName", "vpcEndpointType"], stableOutputs: ["id", "arn"], idempotentCreate: true,
  },
  parameterHints: { ServiceName: "serviceName", RouteTableId: "routeTableIds", SubnetId: "subnetIds", SecurityGroupId: "securityGroupIds", PolicyDocument: "policy", vpc: "vpcId" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const out: Record<string, unknown> = { ...result.inputs };
    // Order does not matter to EC2, so it must not show as a change.
    for (const key of SETS) if (Array.isArray(out[key]) && (out[key] as unknown[]).every((v) => typeof v === "string")) out[key] = [...(out[key] as string[])].sort();
    const failures = [...(result.failures ?? [])];
    if (out.vpcEndpointType === "Gateway" && Array.isArray(out.subnetIds) && out.subnetIds.length > 0) failures.push({ property: "subnetIds", reason: "a Gateway endpoint takes route tables, not subnets" });
    if (out.vpcEndpointType === "Interface" && Array.isArray(out.routeTableIds) && out.routeTableIds.length > 0) failures.push({ property: "routeTableIds", reason: "an Interface endpoint takes subnets, not route tables" });
    return { inputs: out as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<VpcEndpointInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const request = {
      VpcId: inputs.vpcId,
      ServiceName: inputs.serviceName,
      VpcEndpointType: inputs.vpcEndpointType,
      RouteTableIds: nonEmpty(inputs.routeTableIds),
      SubnetIds: nonEmpty(inputs.subnetIds),
      SecurityGroupIds: nonEmpty(inputs.securityGroupIds),
      PrivateDnsEnabled: inputs.privateDnsEnabled,
      PolicyDocument: inputs.policy === undefined ? undefined : JSON.stringify(inputs.policy),
      ClientToken: clientTokenOf(token),
      TagSpecifications: tagSpecifications("vpc-endpoint", inputs.tags),
    };
    const send = primaryCall(ctx, "CreateVpcEndpoint", () => ec2.client.send(new ec2.sdk.CreateVpcEndpointCommand(request)));
    const created = await retrying(ctx, send, { retryIf: isEc2NotFound });
    const id = created.VpcEndpoint?.VpcEndpointId as string;
    const endpoint = await waitAvailable(ctx, ec2, id);
    return { id, outputs: outputsOf(inputs, endpoint, await ec2.client.config.region()) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const endpoint = await readConfirmed(ctx, () => describe(ctx, ec2, id));
    if (endpoint === undefined) return undefined;
    const recorded = typed<VpcEndpointInputs>(inputs);
    const policy = endpoint.PolicyDocument === undefined ? undefined : (JSON.parse(endpoint.PolicyDocument) as PolicyDocument);
    const current: VpcEndpointInputs = {
      ...recorded,
      vpcId: endpoint.VpcId as string,
      serviceName: endpoint.ServiceName as string,
      vpcEndpointType: (endpoint.VpcEndpointType ?? "Gateway") as VpcEndpointInputs["vpcEndpointType"],
      routeTableIds: [...(endpoint.RouteTableIds ?? [])].sort(),
      subnetIds: [...(endpoint.SubnetIds ?? [])].sort(),
      securityGroupIds: recorded.securityGroupIds?.length === 0 ? [] : (endpoint.Groups ?? []).map((g) => g.GroupId as string).sort(),
      privateDnsEnabled: recorded.privateDnsEnabled === undefined ? undefined : endpoint.PrivateDnsEnabled,
      // AWS fills in a full-access policy when none was given; that is not drift.
      policy: recorded.policy === undefined || (policy !== undefined && samePolicy(policy, recorded.policy)) ? recorded.policy : policy,
      tags: fromTagList(endpoint.Tags),
    };
    return { id, inputs: plain(current as never), outputs: outputsOf(current, endpoint, await ec2.client.config.region()) };
  },
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    const was = typed<VpcEndpointInputs>(olds);
    const now = typed<VpcEndpointInputs>(news);
    await modify(ctx, ec2, id, was, now);
    await updateEc2Tags(ctx, ec2, id, was.tags, now.tags);
    return outputsOf(now, await waitAvailable(ctx, ec2, id), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    const out = await primaryCall(ctx, "DeleteVpcEndpoints", () => ec2.client.send(new ec2.sdk.DeleteVpcEndpointsCommand({ VpcEndpointIds: [id] })))();
    // This API reports failures per endpoint instead of throwing.
    const failure = out.Unsuccessful?.find((u) => u.ResourceId === id)?.Error;
    if (failure !== undefined && !/NotFound/i.test(failure.Code ?? "")) throw new Error(`${failure.Code}: ${failure.Message}`);
    await pollUntil(ctx, {
      what: "deleted",
      describe: () => describe(ctx, ec2, id),
      evaluate: (found) => (found === undefined ? { done: true, value: undefined } : { status: found.State ?? "deleting" }),
      delays: { baseMs: 2_000, maxMs: 15_000 },
    });
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateVpcEndpoint") : operation === "delete" ? ec2Limit("DeleteVpcEndpoints") : undefined),
};

/** Sends one ModifyVpcEndpoint with every difference, if there is any. */
async function modify(ctx: AwsContext, ec2: Ec2Handle, VpcEndpointId: string, was: VpcEndpointInputs, now: VpcEndpointInputs): Promise<void> {
  const add = (key: (typeof SETS)[number]) => nonEmpty(now[key].filter((v) => !was[key].includes(v)));
  const remove = (key: (typeof SETS)[number]) => nonEmpty(was[key].filter((v) => !now[key].includes(v)));
  const policyChanged = !samePolicy(was.policy, now.policy);
  const request = {
    VpcEndpointId,
    AddRouteTableIds: add("routeTableIds"),
    RemoveRouteTableIds: remove("routeTableIds"),
    AddSubnetIds: add("subnetIds"),
    RemoveSubnetIds: remove("subnetIds"),
    AddSecurityGroupIds: add("securityGroupIds"),
    RemoveSecurityGroupIds: remove("securityGroupIds"),
    PrivateDnsEnabled: now.privateDnsEnabled !== was.privateDnsEnabled ? now.privateDnsEnabled : undefined,
    PolicyDocument: policyChanged && now.policy !== undefined ? JSON.stringify(now.policy) : undefined,
    ResetPolicy: policyChanged && now.policy === undefined ? true : undefined,
  };
  if (Object.values(request).filter((v) => v !== undefined).length === 1) return;
  await retrying(ctx, () => ec2Call(ctx, "ModifyVpcEndpoint", () => ec2.client.send(new ec2.sdk.ModifyVpcEndpointCommand(request))), { retryIf: isEc2NotFound });
}

function waitAvailable(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsVpcEndpoint> {
  // EC2 has no waiter for endpoints, so this polls.
  return pollUntil(ctx, {
    what: "available",
    describe: () => describe(ctx, ec2, id),
    evaluate: (found) => {
      const state = found?.State?.toLowerCase();
      if (state === "available" || state === "pendingacceptance") return { done: true, value: found as AwsVpcEndpoint };
      if (state === "failed" || state === "rejected") return { failed: found?.LastError?.Message ?? `the endpoint is ${found?.State}` };
      return { status: found?.State ?? "not visible yet" };
    },
    delays: { baseMs: 2_000, maxMs: 15_000 },
  });
}

async function describe(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsVpcEndpoint | undefined> {
  const out = await orMissing(ec2Call(ctx, "DescribeVpcEndpoints", () => ec2.client.send(new ec2.sdk.DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }))), isEc2NotFound);
  const endpoint = out?.VpcEndpoints?.[0];
  return endpoint === undefined || endpoint.State?.toLowerCase() === "deleted" ? undefined : endpoint;
}

function nonEmpty(values: readonly string[] | undefined): string[] | undefined {
  return values === undefined || values.length === 0 ? undefined : [...values];
}

function outputsOf(inputs: VpcEndpointInputs, endpoint: AwsVpcEndpoint | undefined, region: string): PropertyMap {
  const id = endpoint?.VpcEndpointId as string;
  return plain({
    ...inputs,
    state: endpoint?.State,
    arn: ec2Arn(region, endpoint?.OwnerId, `vpc-endpoint/${id}`),
    dnsEntries: (endpoint?.DnsEntries ?? []).map((d) => ({ dnsName: d.DnsName, hostedZoneId: d.HostedZoneId })),
    networkInterfaceIds: endpoint?.NetworkInterfaceIds ?? [],
  });
}
