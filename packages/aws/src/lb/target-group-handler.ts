import type { TargetGroup as AwsTargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { deepEqual, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { bool, num, record, str, type Fields } from "../check/spec.js";
import { physicalName } from "../naming.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Elbv2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, tagsField, type Tags } from "../tags.js";
import { arnSuffix, elbCall, elbLimit, elbPrimary, elbTags, isElbInUse, isElbNotFound, readElbTags, updateElbTags } from "./common.js";
import { ELB_NAMES } from "./load-balancer-handler.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface HealthCheck {
  readonly enabled?: boolean;
  readonly path?: string;
  readonly port?: string;
  readonly protocol?: string;
  readonly interval?: number;
  readonly timeout?: number;
  readonly healthyThreshold?: number;
  readonly unhealthyThreshold?: number;
  readonly matcher?: string;
}

interface TargetGroupInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly port?: number;
  readonly protocol?: string;
  readonly vpcId?: string;
  readonly targetType: "instance" | "ip" | "lambda" | "alb";
  readonly healthCheck?: HealthCheck;
  readonly deregistrationDelay?: number;
  readonly tags: Tags;
}

const PROTOCOLS = ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"];

const FIELDS: Fields = {
  name: str({ pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/, expected: "at most 32 letters, digits and hyphens" }),
  namePrefix: str({ maxLength: 24 }),
  port: num({ integer: true, min: 1, max: 65535 }),
  protocol: str({ oneOf: PROTOCOLS }),
  vpcId: str(),
  targetType: str({ oneOf: ["instance", "ip", "lambda", "alb"], default: "instance" }),
  healthCheck: record({
    enabled: bool(),
    path: str({ pattern: /^\//, expected: "a path starting with /" }),
    port: str(),
    protocol: str({ oneOf: PROTOCOLS }),
    interval: num({ integer: true, min: 5, max: 300 }),
    timeout: num({ integer: true, min: 2, max: 120 }),
    healthyThreshold: num({ integer: true, min: 2, max: 10 }),
    unhealthyThreshold: num({ integer: true, min: 2, max: 10 }),
    matcher: str(),
  }),
  deregistrationDelay: num({ integer: true, min: 0, max: 3600 }),
  tags: tagsField(),
};

/** The provider side of `aws:lb/TargetGroup`; the id is its ARN. */
export const targetGroupHandler: ResourceHandler = {
  token: "aws:lb/TargetGroup",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES, arnSuffix: NAME_SOURCES, loadBalancerArns: [] }),
    replaceOnChanges: ["name", "namePrefix", "port", "protocol", "vpcId", "targetType"], stableOutputs: ["id", "arn", "arnSuffix", "name"], idempotentCreate: true,
  },
  nameProperty: "name",
  parameterHints: { Port: "port", Protocol: "protocol", VpcId: "vpcId", HealthCheck: "healthCheck", Matcher: "healthCheck", Name: "name" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const failures = [...(result.failures ?? [])];
    if (result.inputs.targetType !== "lambda") {
      for (const key of ["port", "protocol", "vpcId"]) if (inputs[key] === undefined) failures.push({ property: key, reason: `is required for targetType "${String(result.inputs.targetType)}"` });
    }
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: result.inputs, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<TargetGroupInputs>(raw);
    const elb = await ctx.clients.elbv2();
    const Name = physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, ELB_NAMES);
    const request = {
      Name,
      Port: inputs.port,
      Protocol: inputs.protocol as never,
      VpcId: inputs.vpcId,
      TargetType: inputs.targetType,
      ...healthCheckRequest(inputs.healthCheck),
      Tags: elbTags(inputs.tags),
    };
    const send = elbPrimary(ctx, "CreateTargetGroup", () => elb.client.send(new elb.sdk.CreateTargetGroupCommand(request)));
    const created = await send();
    const arn = created.TargetGroups?.[0]?.TargetGroupArn as string;
    if (inputs.deregistrationDelay !== undefined) await setDeregistrationDelay(ctx, elb, arn, inputs.deregistrationDelay);
    const found = (await readConfirmed(ctx, () => describeTargetGroup(ctx, elb, arn))) ?? created.TargetGroups?.[0];
    return { id: arn, outputs: outputsOf(inputs, found) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const elb = await ctx.clients.elbv2();
    const found = await readConfirmed(ctx, () => describeTargetGroup(ctx, elb, id));
    if (found === undefined) return undefined;
    const recorded = typed<TargetGroupInputs>(inputs);
    const imported = Object.keys(inputs).length === 0;
    const current: TargetGroupInputs = {
      ...recorded,
      name: recorded.name !== undefined || imported ? found.TargetGroupName : undefined,
      port: found.Port,
      protocol: found.Protocol,
      vpcId: found.VpcId,
      targetType: (found.TargetType ?? "instance") as TargetGroupInputs["targetType"],
      healthCheck: healthCheckOf(found, recorded.healthCheck, imported),
      deregistrationDelay: recorded.deregistrationDelay === undefined && !imported ? undefined : await deregistrationDelayOf(ctx, elb, id),
      tags: await readElbTags(ctx, elb, id),
    };
    return { id, inputs: plain(current as never), outputs: outputsOf(current, found) };
  },
  update: async (ctx, id, olds, news) => {
    const elb = await ctx.clients.elbv2();
    const was = typed<TargetGroupInputs>(olds);
    const now = typed<TargetGroupInputs>(news);
    if (!deepEqual(was.healthCheck ?? {}, now.healthCheck ?? {})) {
      const request = { TargetGroupArn: id, ...healthCheckRequest(now.healthCheck ?? {}) };
      await retrying(ctx, () => elbCall(ctx, "ModifyTargetGroup", () => elb.client.send(new elb.sdk.ModifyTargetGroupCommand(request))));
    }
    if (was.deregistrationDelay !== now.deregistrationDelay) await setDeregistrationDelay(ctx, elb, id, now.deregistrationDelay ?? 300);
    await updateElbTags(ctx, elb, id, was.tags, now.tags);
    return outputsOf(now, await retrying(ctx, () => describeTargetGroup(ctx, elb, id)));
  },
  delete: async (ctx, id) => {
    const elb = await ctx.clients.elbv2();
    // ResourceInUse while a listener or rule that forwards here is still being deleted.
    const send = elbPrimary(ctx, "DeleteTargetGroup", () => elb.client.send(new elb.sdk.DeleteTargetGroupCommand({ TargetGroupArn: id })));
    try {
      await retrying(ctx, send, { retryIf: isElbInUse, budgetMs: 5 * 60_000 });
    } catch (error) {
      if (!isElbNotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? elbLimit("CreateTargetGroup") : operation === "delete" ? elbLimit("DeleteTargetGroup") : undefined),
};

function healthCheckRequest(check: HealthCheck | undefined) {
  if (check === undefined) return {};
  return {
    HealthCheckEnabled: check.enabled,
    HealthCheckPath: check.path,
    HealthCheckPort: check.port,
    HealthCheckProtocol: check.protocol as never,
    HealthCheckIntervalSeconds: check.interval,
    HealthCheckTimeoutSeconds: check.timeout,
    HealthyThresholdCount: check.healthyThreshold,
    UnhealthyThresholdCount: check.unhealthyThreshold,
    Matcher: check.matcher === undefined ? undefined : { HttpCode: check.matcher },
  };
}

/** The health check as ELB has it, limited to the fields the program sets (ELB fills in the rest). */
function healthCheckOf(found: AwsTargetGroup, recorded: HealthCheck | undefined, imported: boolean): HealthCheck | undefined {
  if (recorded === undefined && !imported) return undefined;
  const all: HealthCheck = {
    enabled: found.HealthCheckEnabled,
    path: found.HealthCheckPath,
    port: found.HealthCheckPort,
    protocol: found.HealthCheckProtocol,
    interval: found.HealthCheckIntervalSeconds,
    timeout: found.HealthCheckTimeoutSeconds,
    healthyThreshold: found.HealthyThresholdCount,
    unhealthyThreshold: found.UnhealthyThresholdCount,
    matcher: found.Matcher?.HttpCode,
  };
  if (imported) return plain(all as never) as HealthCheck;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(recorded ?? {})) out[key] = all[key as keyof HealthCheck];
  return plain(out) as HealthCheck;
}

async function setDeregistrationDelay(ctx: AwsContext, elb: Elbv2Handle, TargetGroupArn: string, seconds: number): Promise<void> {
  const Attributes = [{ Key: "deregistration_delay.timeout_seconds", Value: String(seconds) }];
  await retrying(ctx, () => elbCall(ctx, "ModifyTargetGroupAttributes", () => elb.client.send(new elb.sdk.ModifyTargetGroupAttributesCommand({ TargetGroupArn, Attributes }))), {
    retryIf: isElbNotFound,
  });
}

async function deregistrationDelayOf(ctx: AwsContext, elb: Elbv2Handle, TargetGroupArn: string): Promise<number | undefined> {
  const out = await retrying(ctx, () => elbCall(ctx, "DescribeTargetGroupAttributes", () => elb.client.send(new elb.sdk.DescribeTargetGroupAttributesCommand({ TargetGroupArn }))));
  const value = out.Attributes?.find((a) => a.Key === "deregistration_delay.timeout_seconds")?.Value;
  return value === undefined ? undefined : Number(value);
}

async function describeTargetGroup(ctx: AwsContext, elb: Elbv2Handle, arn: string): Promise<AwsTargetGroup | undefined> {
  const out = await orMissing(elbCall(ctx, "DescribeTargetGroups", () => elb.client.send(new elb.sdk.DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }))), isElbNotFound);
  return out?.TargetGroups?.[0];
}

function outputsOf(inputs: TargetGroupInputs, found: AwsTargetGroup | undefined): PropertyMap {
  const arn = found?.TargetGroupArn as string;
  return plain({ ...inputs, arn, arnSuffix: arn === undefined ? undefined : arnSuffix(arn), name: found?.TargetGroupName, loadBalancerArns: found?.LoadBalancerArns ?? [] });
}
