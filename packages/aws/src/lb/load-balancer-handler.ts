import { isDeepStrictEqual } from "node:util";
import type { LoadBalancer as AwsLoadBalancer } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { bool, list, num, str, type Fields } from "../check/spec.js";
import { physicalName, type NameRules } from "../naming.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Elbv2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { runWaiter } from "../runtime/waiter.js";
import { checkTagged, type Tags, tagsField } from "../tags.js";
import { arnSuffix, elbCall, elbLimit, elbPrimary, elbTags, isElbNotFound, readElbTags, updateElbTags } from "./common.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface LoadBalancerInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly loadBalancerType: "application" | "network";
  readonly internal: boolean;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly ipAddressType: "ipv4" | "dualstack";
  readonly idleTimeout?: number;
  readonly tags: Tags;
}

/** Load balancer and target group names: 32 letters, digits and hyphens. */
export const ELB_NAMES: NameRules = { maxLength: 32, allowed: /[a-zA-Z0-9-]/ };

const FIELDS: Fields = {
  name: str({ pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/, expected: "at most 32 letters, digits and hyphens, not starting or ending with a hyphen" }),
  namePrefix: str({ maxLength: 24 }),
  loadBalancerType: str({ oneOf: ["application", "network"], default: "application" }),
  internal: bool({ default: false }),
  subnets: list(str(), { required: true, minItems: 1 }),
  securityGroups: list(str(), { default: [] }),
  ipAddressType: str({ oneOf: ["ipv4", "dualstack"], default: "ipv4" }),
  idleTimeout: num({ integer: true, min: 1, max: 4000 }),
  tags: tagsField(),
};

/** The provider side of `aws:lb/LoadBalancer`; the id is its ARN. */
export const loadBalancerHandler: ResourceHandler = {
  token: "aws:lb/LoadBalancer",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES, arnSuffix: NAME_SOURCES, dnsName: [...NAME_SOURCES, "internal"], zoneId: [], vpcId: ["subnets"] }),
    replaceOnChanges: ["name", "namePrefix", "loadBalancerType", "internal"], stableOutputs: ["id", "arn", "arnSuffix", "name", "dnsName", "zoneId", "vpcId"], idempotentCreate: true,
  },
  nameProperty: "name",
  parameterHints: { Subnets: "subnets", subnet: "subnets", SecurityGroups: "securityGroups", "security group": "securityGroups", Name: "name", idle_timeout: "idleTimeout" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const out: Record<string, unknown> = { ...result.inputs };
    for (const key of ["subnets", "securityGroups"]) if (Array.isArray(out[key]) && (out[key] as unknown[]).every((v) => typeof v === "string")) out[key] = [...(out[key] as string[])].sort();
    const failures = [...(result.failures ?? [])];
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: out as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<LoadBalancerInputs>(raw);
    const elb = await ctx.clients.elbv2();
    // ELB answers a create with the same name and settings with the existing load balancer, so a retry is safe.
    const Name = physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, ELB_NAMES);
    const request = {
      Name,
      Type: inputs.loadBalancerType,
      Scheme: inputs.internal ? ("internal" as const) : ("internet-facing" as const),
      Subnets: [...inputs.subnets],
      SecurityGroups: inputs.securityGroups.length > 0 ? [...inputs.securityGroups] : undefined,
      IpAddressType: inputs.ipAddressType,
      Tags: elbTags(inputs.tags),
    };
    const created = await elbPrimary(ctx, "CreateLoadBalancer", () => elb.client.send(new elb.sdk.CreateLoadBalancerCommand(request)))();
    const arn = created.LoadBalancers?.[0]?.LoadBalancerArn as string;
    await runWaiter(ctx, { what: "active", wait: (settings) => elb.sdk.waitUntilLoadBalancerAvailable({ client: elb.client, ...settings }, { LoadBalancerArns: [arn] }) });
    if (inputs.idleTimeout !== undefined) await setIdleTimeout(ctx, elb, arn, inputs.idleTimeout);
    const found = await readConfirmed(ctx, () => describeLoadBalancer(ctx, elb, arn));
    return { id: arn, outputs: outputsOf(inputs, found) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const elb = await ctx.clients.elbv2();
    const found = await readConfirmed(ctx, () => describeLoadBalancer(ctx, elb, id));
    if (found === undefined) return undefined;
    const recorded = typed<LoadBalancerInputs>(inputs);
    const imported = Object.keys(inputs).length === 0;
    const current: LoadBalancerInputs = {
      ...recorded,
      name: recorded.name !== undefined || imported ? found.LoadBalancerName : undefined,
      loadBalancerType: found.Type as LoadBalancerInputs["loadBalancerType"],
      internal: found.Scheme === "internal",
      subnets: (found.AvailabilityZones ?? []).map((z) => z.SubnetId as string).sort(),
      securityGroups: [...(found.SecurityGroups ?? [])].sort(),
      ipAddressType: (found.IpAddressType ?? "ipv4") as LoadBalancerInputs["ipAddressType"],
      idleTimeout: recorded.idleTimeout === undefined ? undefined : await idleTimeoutOf(ctx, elb, id),
      tags: await readElbTags(ctx, elb, id),
    };
    return { id, inputs: plain(current as never), outputs: outputsOf(current, found) };
  },
  update: async (ctx, id, olds, news) => {
    const elb = await ctx.clients.elbv2();
    const was = typed<LoadBalancerInputs>(olds);
    const now = typed<LoadBalancerInputs>(news);
    const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => elbCall(ctx, api, fn));
    if (!isDeepStrictEqual(was.subnets, now.subnets)) await send("SetSubnets", () => elb.client.send(new elb.sdk.SetSubnetsCommand({ LoadBalancerArn: id, Subnets: [...now.subnets] })));
    if (!isDeepStrictEqual(was.securityGroups, now.securityGroups)) {
      await send("SetSecurityGroups", () => elb.client.send(new elb.sdk.SetSecurityGroupsCommand({ LoadBalancerArn: id, SecurityGroups: [...now.securityGroups] })));
    }
    if (was.ipAddressType !== now.ipAddressType) await send("SetIpAddressType", () => elb.client.send(new elb.sdk.SetIpAddressTypeCommand({ LoadBalancerArn: id, IpAddressType: now.ipAddressType })));
    if (was.idleTimeout !== now.idleTimeout) await setIdleTimeout(ctx, elb, id, now.idleTimeout ?? 60);
    await updateElbTags(ctx, elb, id, was.tags, now.tags);
    return outputsOf(now, await retrying(ctx, () => describeLoadBalancer(ctx, elb, id)));
  },
  delete: async (ctx, id) => {
    const elb = await ctx.clients.elbv2();
    try {
      await elbPrimary(ctx, "DeleteLoadBalancer", () => elb.client.send(new elb.sdk.DeleteLoadBalancerCommand({ LoadBalancerArn: id })))();
    } catch (error) {
      if (isElbNotFound(error)) return;
      throw error;
    }
    await runWaiter(ctx, { what: "deleted", wait: (settings) => elb.sdk.waitUntilLoadBalancersDeleted({ client: elb.client, ...settings }, { LoadBalancerArns: [id] }) });
  },
  limits: (operation) => (operation === "create" ? elbLimit("CreateLoadBalancer") : operation === "delete" ? elbLimit("DeleteLoadBalancer") : undefined),
};

async function setIdleTimeout(ctx: AwsContext, elb: Elbv2Handle, LoadBalancerArn: string, seconds: number): Promise<void> {
  const Attributes = [{ Key: "idle_timeout.timeout_seconds", Value: String(seconds) }];
  await retrying(ctx, () => elbCall(ctx, "ModifyLoadBalancerAttributes", () => elb.client.send(new elb.sdk.ModifyLoadBalancerAttributesCommand({ LoadBalancerArn, Attributes }))));
}

async function idleTimeoutOf(ctx: AwsContext, elb: Elbv2Handle, LoadBalancerArn: string): Promise<number | undefined> {
  const out = await retrying(ctx, () => elbCall(ctx, "DescribeLoadBalancerAttributes", () => elb.client.send(new elb.sdk.DescribeLoadBalancerAttributesCommand({ LoadBalancerArn }))));
  const value = out.Attributes?.find((a) => a.Key === "idle_timeout.timeout_seconds")?.Value;
  return value === undefined ? undefined : Number(value);
}

/** One load balancer, or `undefined` when it is not there. */
export async function describeLoadBalancer(ctx: AwsContext, elb: Elbv2Handle, arn: string): Promise<AwsLoadBalancer | undefined> {
  const out = await orMissing(elbCall(ctx, "DescribeLoadBalancers", () => elb.client.send(new elb.sdk.DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }))), isElbNotFound);
  return out?.LoadBalancers?.[0];
}

function outputsOf(inputs: LoadBalancerInputs, found: AwsLoadBalancer | undefined): PropertyMap {
  const arn = found?.LoadBalancerArn as string;
  return plain({
    ...inputs,
    arn,
    arnSuffix: arn === undefined ? undefined : arnSuffix(arn),
    name: found?.LoadBalancerName,
    dnsName: found?.DNSName,
    zoneId: found?.CanonicalHostedZoneId,
    vpcId: found?.VpcId,
  });
}
