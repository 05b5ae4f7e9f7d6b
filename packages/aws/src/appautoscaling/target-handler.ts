import type { ScalableTarget } from "@aws-sdk/client-application-auto-scaling";
import type { ReadResult } from "@cairn/core/provider";
import { num, str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { AppAutoScalingHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, fromTagList, tagChanges, type Tags, tagsField } from "../tags.js";
import { aasCall, aasLimit, aasPrimary, isAasNotFound, isTargetNotReady } from "./common.js";
import { echoingInputs } from "../provider/secrecy.js";

interface TargetInputs {
  readonly serviceNamespace: string;
  readonly resourceId: string;
  readonly scalableDimension: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly roleArn?: string;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  serviceNamespace: str({ required: true }),
  resourceId: str({ required: true }),
  scalableDimension: str({ required: true, pattern: /^[a-z-]+:[\w-]+:\w+$/i, expected: "a dimension such as sagemaker:variant:DesiredInstanceCount" }),
  minCapacity: num({ required: true, integer: true, min: 0 }),
  maxCapacity: num({ required: true, integer: true, min: 0 }),
  roleArn: str(),
  tags: tagsField(),
};

/**
 * The provider side of `aws:appautoscaling/Target`. The id is
 * `<serviceNamespace>/<resourceId>/<scalableDimension>`, which `import` takes.
 */
export const targetHandler: ResourceHandler = {
  token: "aws:appautoscaling/Target",
  // The identity outputs stay known while the target is updated, so a policy built from them is not planned for replacement.
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: [] }),
    replaceOnChanges: ["serviceNamespace", "resourceId", "scalableDimension"],
    stableOutputs: ["id", "arn", "serviceNamespace", "resourceId", "scalableDimension"],
  },
  parameterHints: { MinCapacity: "minCapacity", MaxCapacity: "maxCapacity", ResourceId: "resourceId", ScalableDimension: "scalableDimension", RoleARN: "roleArn" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const failures = [...(result.failures ?? [])];
    const { minCapacity, maxCapacity } = result.inputs;
    if (typeof minCapacity === "number" && typeof maxCapacity === "number" && minCapacity > maxCapacity) failures.push({ property: "minCapacity", reason: `minCapacity ${minCapacity} is above maxCapacity ${maxCapacity}` });
    return { inputs: result.inputs, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<TargetInputs>(raw);
    const aas = await ctx.clients.applicationautoscaling();
    const send = aasPrimary(ctx, "RegisterScalableTarget", () => aas.client.send(new aas.sdk.RegisterScalableTargetCommand({ ...registration(inputs), Tags: nonEmpty(inputs.tags) })));
    const made = await retrying(ctx, send, { retryIf: isTargetNotReady, budgetMs: 10 * 60_000 });
    const found = await readConfirmed(ctx, () => describeTarget(ctx, aas, inputs));
    return { id: targetId(inputs), outputs: plain({ ...inputs, arn: made.ScalableTargetARN ?? found?.ScalableTargetARN }) };
  },
  read: async (ctx, id, raw): Promise<ReadResult | undefined> => {
    const aas = await ctx.clients.applicationautoscaling();
    const recorded = Object.keys(raw).length === 0 ? parseTargetId(id) : typed<TargetInputs>(raw);
    const found = await readConfirmed(ctx, () => describeTarget(ctx, aas, recorded));
    if (found === undefined) return undefined;
    const arn = found.ScalableTargetARN;
    const tags = arn === undefined ? recorded.tags : await readTags(ctx, aas, arn);
    const current: TargetInputs = {
      ...recorded,
      minCapacity: found.MinCapacity as number,
      maxCapacity: found.MaxCapacity as number,
      roleArn: recorded.roleArn === undefined ? undefined : found.RoleARN,
      tags: tags ?? {},
    };
    return { id, inputs: plain(current as never), outputs: plain({ ...current, arn }) };
  },
  update: async (ctx, _id, olds, news, oldOutputs) => {
    const inputs = typed<TargetInputs>(news);
    const aas = await ctx.clients.applicationautoscaling();
    // Registering an existing target again changes its capacity range in place.
    await retrying(ctx, () => aasCall(ctx, "RegisterScalableTarget", () => aas.client.send(new aas.sdk.RegisterScalableTargetCommand(registration(inputs)))), { retryIf: isTargetNotReady });
    const arn = oldOutputs.arn as string | undefined;
    if (arn !== undefined) await syncTags(ctx, aas, arn, typed<TargetInputs>(olds).tags, inputs.tags);
    return plain({ ...inputs, arn });
  },
  delete: async (ctx, _id, raw) => {
    const inputs = typed<TargetInputs>(raw);
    const aas = await ctx.clients.applicationautoscaling();
    const request = { ServiceNamespace: inputs.serviceNamespace as never, ResourceId: inputs.resourceId, ScalableDimension: inputs.scalableDimension as never };
    try {
      await aasPrimary(ctx, "DeregisterScalableTarget", () => aas.client.send(new aas.sdk.DeregisterScalableTargetCommand(request)))();
    } catch (error) {
      if (!isAasNotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? aasLimit("RegisterScalableTarget") : operation === "delete" ? aasLimit("DeregisterScalableTarget") : undefined),
};

function registration(inputs: TargetInputs) {
  return {
    ServiceNamespace: inputs.serviceNamespace as never,
    ResourceId: inputs.resourceId,
    ScalableDimension: inputs.scalableDimension as never,
    MinCapacity: inputs.minCapacity,
    MaxCapacity: inputs.maxCapacity,
    RoleARN: inputs.roleArn,
  };
}

function nonEmpty(tags: Tags): Record<string, string> | undefined {
  return Object.keys(tags).length === 0 ? undefined : { ...tags };
}

function targetId(inputs: Pick<TargetInputs, "serviceNamespace" | "resourceId" | "scalableDimension">): string {
  return `${inputs.serviceNamespace}/${inputs.resourceId}/${inputs.scalableDimension}`;
}

/** The parts of an id given to `import`: the namespace is the first segment, the dimension the last. */
function parseTargetId(id: string): TargetInputs {
  const first = id.indexOf("/");
  const last = id.lastIndexOf("/");
  return { serviceNamespace: id.slice(0, first), resourceId: id.slice(first + 1, last), scalableDimension: id.slice(last + 1), minCapacity: 0, maxCapacity: 0, tags: {} };
}

/** One scalable target, or `undefined` when it is not registered. */
export async function describeTarget(ctx: AwsContext, aas: AppAutoScalingHandle, inputs: Pick<TargetInputs, "serviceNamespace" | "resourceId" | "scalableDimension">): Promise<ScalableTarget | undefined> {
  const request = { ServiceNamespace: inputs.serviceNamespace as never, ResourceIds: [inputs.resourceId], ScalableDimension: inputs.scalableDimension as never };
  const out = await aasCall(ctx, "DescribeScalableTargets", () => aas.client.send(new aas.sdk.DescribeScalableTargetsCommand(request)));
  return out.ScalableTargets?.[0];
}

async function readTags(ctx: AwsContext, aas: AppAutoScalingHandle, ResourceARN: string): Promise<Tags | undefined> {
  const out = await retrying(ctx, () => aasCall(ctx, "ListTagsForResource", () => aas.client.send(new aas.sdk.ListTagsForResourceCommand({ ResourceARN }))));
  return out.Tags === undefined ? undefined : fromTagList(Object.entries(out.Tags).map(([Key, Value]) => ({ Key, Value })));
}

async function syncTags(ctx: AwsContext, aas: AppAutoScalingHandle, ResourceARN: string, olds: Tags, news: Tags): Promise<void> {
  const { set, remove } = tagChanges(olds, news);
  if (Object.keys(set).length > 0) await retrying(ctx, () => aasCall(ctx, "TagResource", () => aas.client.send(new aas.sdk.TagResourceCommand({ ResourceARN, Tags: set }))));
  if (remove.length > 0) await retrying(ctx, () => aasCall(ctx, "UntagResource", () => aas.client.send(new aas.sdk.UntagResourceCommand({ ResourceARN, TagKeys: remove }))));
}

