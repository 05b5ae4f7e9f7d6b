import type { AutoScalingGroup } from "@aws-sdk/client-auto-scaling";
import { deepEqual, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { awsMessage, hasAwsCode } from "../errors.js";
import { isGeneratedFor, physicalName, type NameRules } from "../naming.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { AutoScalingHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { runWaiter } from "../runtime/waiter.js";
import { checkTagged, tagChanges } from "../tags.js";
import { apiLimit } from "../runtime/rates.js";
import { asCall, asPrimary, AUTOSCALING_RATES, isScalingInProgress } from "./common.js";
import { GROUP_FIELDS, groupTags, inputsOfGroup, type GroupInputs } from "./group-inputs.js";
import { refreshInstances } from "./instance-refresh.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

const GROUP_NAMES: NameRules = { maxLength: 255, allowed: /[\w .:/()#,@[\]+=&;{}!$*-]/ };

const SORTED = ["vpcZoneIdentifiers", "targetGroupArns"] as const;

/** The provider side of `aws:autoscaling/Group`; the id is the group's name. */
export const groupHandler: ResourceHandler = {
  token: "aws:autoscaling/Group",
  schema: {
    derivedFrom: echoingInputs(GROUP_FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES }),
    replaceOnChanges: ["name", "namePrefix"], stableOutputs: ["id", "arn", "name"], idempotentCreate: true,
  },
  nameProperty: "name",
  parameterHints: { MinSize: "minSize", MaxSize: "maxSize", DesiredCapacity: "desiredCapacity", VPCZoneIdentifier: "vpcZoneIdentifiers", subnet: "vpcZoneIdentifiers", LaunchTemplate: "launchTemplate", TargetGroup: "targetGroupArns" },
  check: (inputs, env) => {
    const result = checkTagged(GROUP_FIELDS, inputs, env.settings.defaultTags);
    const out: Record<string, unknown> = { ...result.inputs };
    for (const key of SORTED) if (Array.isArray(out[key]) && (out[key] as unknown[]).every((v) => typeof v === "string")) out[key] = [...(out[key] as string[])].sort();
    const failures = [...(result.failures ?? [])];
    const { minSize, maxSize, desiredCapacity } = out as Record<string, unknown>;
    if (typeof minSize === "number" && typeof maxSize === "number" && minSize > maxSize) failures.push({ property: "minSize", reason: `minSize ${minSize} is above maxSize ${maxSize}` });
    if (typeof desiredCapacity === "number" && typeof maxSize === "number" && typeof minSize === "number" && (desiredCapacity < minSize || desiredCapacity > maxSize)) {
      failures.push({ property: "desiredCapacity", reason: `desiredCapacity ${desiredCapacity} is outside ${minSize}..${maxSize}` });
    }
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: out as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<GroupInputs>(raw);
    const as = await ctx.clients.autoscaling();
    const name = physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, GROUP_NAMES);
    const request = {
      AutoScalingGroupName: name,
      ...sizes(inputs),
      VPCZoneIdentifier: inputs.vpcZoneIdentifiers.join(","),
      LaunchTemplate: { LaunchTemplateId: inputs.launchTemplate.id, Version: inputs.launchTemplate.version },
      TargetGroupARNs: inputs.targetGroupArns.length > 0 ? [...inputs.targetGroupArns] : undefined,
      HealthCheckType: inputs.healthCheckType,
      HealthCheckGracePeriod: inputs.healthCheckGracePeriod,
      Tags: groupTags(name, inputs.tags),
    };
    try {
      await asPrimary(ctx, "CreateAutoScalingGroup", () => as.client.send(new as.sdk.CreateAutoScalingGroupCommand(request)))();
    } catch (error) {
      // A retried create whose first attempt went through finds its own group under the token's name.
      if (!(hasAwsCode(error, ["AlreadyExists", "AlreadyExistsFault"]) && isGeneratedFor(name, inputs.name, token))) throw error;
    }
    if (inputs.waitForCapacity) {
      await runWaiter(ctx, { what: `${inputs.minSize} instance(s) InService`, wait: (settings) => as.sdk.waitUntilGroupInService({ client: as.client, ...settings }, { AutoScalingGroupNames: [name] }) });
    }
    return { id: name, outputs: outputsOf(inputs, await readConfirmed(ctx, () => describeGroup(ctx, as, name))) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const as = await ctx.clients.autoscaling();
    const group = await readConfirmed(ctx, () => describeGroup(ctx, as, id));
    if (group === undefined) return undefined;
    const current = inputsOfGroup(group, typed<GroupInputs>(inputs), Object.keys(inputs).length === 0);
    return { id, inputs: plain(current as never), outputs: outputsOf(current, group) };
  },
  update: async (ctx, id, olds, news) => {
    const as = await ctx.clients.autoscaling();
    const was = typed<GroupInputs>(olds);
    const now = typed<GroupInputs>(news);
    await updateGroup(ctx, as, id, was, now);
    await syncTargetGroups(ctx, as, id, was.targetGroupArns, now.targetGroupArns);
    await syncTags(ctx, as, id, was, now);
    if (!deepEqual(was.launchTemplate, now.launchTemplate) && now.instanceRefresh !== undefined) await refreshInstances(ctx, as, id, now.instanceRefresh);
    return outputsOf(now, await retrying(ctx, () => describeGroup(ctx, as, id)));
  },
  delete: async (ctx, id) => {
    const as = await ctx.clients.autoscaling();
    const send = asPrimary(ctx, "DeleteAutoScalingGroup", () => as.client.send(new as.sdk.DeleteAutoScalingGroupCommand({ AutoScalingGroupName: id, ForceDelete: true })));
    try {
      await retrying(ctx, send, { retryIf: isScalingInProgress });
    } catch (error) {
      if (isGroupNotFound(error)) return;
      throw error;
    }
    // Its instances are terminated first; the group goes once they are.
    await runWaiter(ctx, { what: "deleted", wait: (settings) => as.sdk.waitUntilGroupNotExists({ client: as.client, ...settings }, { AutoScalingGroupNames: [id] }) });
  },
  limits: (operation) =>
    operation === "create" ? apiLimit(AUTOSCALING_RATES, "CreateAutoScalingGroup") : operation === "delete" ? apiLimit(AUTOSCALING_RATES, "DeleteAutoScalingGroup") : undefined,
};

function sizes(inputs: GroupInputs) {
  return { MinSize: inputs.minSize, MaxSize: inputs.maxSize, DesiredCapacity: inputs.desiredCapacity };
}

/** One UpdateAutoScalingGroup with what changed among the settings it takes. */
async function updateGroup(ctx: AwsContext, as: AutoScalingHandle, name: string, was: GroupInputs, now: GroupInputs): Promise<void> {
  const changed = (key: keyof GroupInputs) => !deepEqual(was[key], now[key]);
  const keys: (keyof GroupInputs)[] = ["minSize", "maxSize", "desiredCapacity", "vpcZoneIdentifiers", "launchTemplate", "healthCheckType", "healthCheckGracePeriod"];
  if (!keys.some(changed)) return;
  const request = {
    AutoScalingGroupName: name,
    ...sizes(now),
    VPCZoneIdentifier: changed("vpcZoneIdentifiers") ? now.vpcZoneIdentifiers.join(",") : undefined,
    LaunchTemplate: changed("launchTemplate") ? { LaunchTemplateId: now.launchTemplate.id, Version: now.launchTemplate.version } : undefined,
    HealthCheckType: now.healthCheckType,
    HealthCheckGracePeriod: now.healthCheckGracePeriod,
  };
  await retrying(ctx, () => asCall(ctx, "UpdateAutoScalingGroup", () => as.client.send(new as.sdk.UpdateAutoScalingGroupCommand(request))), { retryIf: isScalingInProgress });
}

async function syncTargetGroups(ctx: AwsContext, as: AutoScalingHandle, name: string, was: readonly string[], now: readonly string[]): Promise<void> {
  const attach = now.filter((arn) => !was.includes(arn));
  const detach = was.filter((arn) => !now.includes(arn));
  if (attach.length > 0) {
    const request = { AutoScalingGroupName: name, TargetGroupARNs: attach };
    await retrying(ctx, () => asCall(ctx, "AttachLoadBalancerTargetGroups", () => as.client.send(new as.sdk.AttachLoadBalancerTargetGroupsCommand(request))));
  }
  if (detach.length > 0) {
    const request = { AutoScalingGroupName: name, TargetGroupARNs: detach };
    await retrying(ctx, () => asCall(ctx, "DetachLoadBalancerTargetGroups", () => as.client.send(new as.sdk.DetachLoadBalancerTargetGroupsCommand(request))));
  }
}

async function syncTags(ctx: AwsContext, as: AutoScalingHandle, name: string, was: GroupInputs, now: GroupInputs): Promise<void> {
  const { set, remove } = tagChanges(was.tags, now.tags);
  if (Object.keys(set).length > 0) {
    const request = { Tags: groupTags(name, set) };
    await retrying(ctx, () => asCall(ctx, "CreateOrUpdateTags", () => as.client.send(new as.sdk.CreateOrUpdateTagsCommand(request))));
  }
  if (remove.length > 0) {
    const request = { Tags: remove.map((Key) => ({ ResourceId: name, ResourceType: "auto-scaling-group", Key })) };
    await retrying(ctx, () => asCall(ctx, "DeleteTags", () => as.client.send(new as.sdk.DeleteTagsCommand(request))));
  }
}

function isGroupNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["ValidationError"]) && /not found/i.test(awsMessage(error));
}

async function describeGroup(ctx: AwsContext, as: AutoScalingHandle, name: string): Promise<AutoScalingGroup | undefined> {
  const out = await asCall(ctx, "DescribeAutoScalingGroups", () => as.client.send(new as.sdk.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] })));
  const group = out.AutoScalingGroups?.[0];
  // A group being force-deleted is as good as gone.
  return group === undefined || group.Status === "Delete in progress" ? undefined : group;
}

function outputsOf(inputs: GroupInputs, group: AutoScalingGroup | undefined): PropertyMap {
  return plain({ ...inputs, name: group?.AutoScalingGroupName, arn: group?.AutoScalingGroupARN });
}
