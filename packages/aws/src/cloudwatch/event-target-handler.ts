import type { Target } from "@aws-sdk/client-eventbridge";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, list, num, record, str, type Fields } from "../check/spec.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { events, EVENTS_RATES, isNotFound, type EventsHandle } from "./clients.js";
import { echoingInputs } from "../provider/secrecy.js";

interface TargetInputs {
  readonly rule: string;
  readonly eventBusName: string;
  readonly targetId?: string;
  readonly arn: string;
  readonly roleArn?: string;
  readonly input?: string;
  readonly inputPath?: string;
  readonly sagemakerPipelineParameters?: readonly { readonly name: string; readonly value: string }[];
  readonly retryPolicy?: { readonly maximumEventAgeInSeconds?: number; readonly maximumRetryAttempts?: number };
  readonly deadLetterArn?: string;
}

const TARGET_IDS: NameRules = { maxLength: 64, allowed: /[\w.-]/ };
const FIELDS: Fields = {
  rule: str({ required: true }),
  eventBusName: str({ default: "default" }),
  targetId: str({ pattern: /^[\w.-]{1,64}$/, expected: "an id of 1–64 letters, digits and ._-" }),
  arn: str({ required: true, pattern: /^arn:/, expected: "an ARN" }),
  roleArn: str({ pattern: /^arn:/, expected: "a role ARN" }),
  input: str(),
  inputPath: str(),
  sagemakerPipelineParameters: list(record({ name: str({ required: true }), value: str({ required: true }) }), { maxItems: 200 }),
  retryPolicy: record({ maximumEventAgeInSeconds: num({ integer: true, min: 60, max: 86400 }), maximumRetryAttempts: num({ integer: true, min: 0, max: 185 }) }),
  deadLetterArn: str({ pattern: /^arn:/, expected: "an SQS queue ARN" }),
};

/** The provider side of `aws:cloudwatch/EventTarget`; the id is `<bus>/<rule>/<targetId>`. */
export const eventTargetHandler: ResourceHandler = {
  token: "aws:cloudwatch/EventTarget",
  schema: {
    derivedFrom: echoingInputs(FIELDS, {}),
    replaceOnChanges: ["rule", "eventBusName", "targetId"], stableOutputs: ["id", "targetId", "rule"],
  },
  parameterHints: { Arn: "arn", RoleArn: "roleArn", InputPath: "inputPath", Input: "input" },
  check: (inputs: PropertyMap): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (typeof out.input === "string" && typeof out.inputPath === "string") failures.push({ property: "inputPath", reason: "give either input or inputPath, not both" });
    return { inputs: out, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<TargetInputs>(raw);
    const targetId = createdName(ctx, inputs, token);
    await putTarget(ctx, inputs, targetId, true);
    return { id: `${inputs.eventBusName}/${inputs.rule}/${targetId}`, outputs: plain({ ...inputs, targetId }) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<TargetInputs>(raw), token), typed<TargetInputs>(raw).targetId, token, (name) => readTarget(ctx, `${typed<TargetInputs>(raw).eventBusName}/${typed<TargetInputs>(raw).rule}/${name}`, raw)),
  read: readTarget,
  update: async (ctx, id, _olds, news) => {
    const inputs = typed<TargetInputs>(news);
    const { targetId } = splitTargetId(id);
    await putTarget(ctx, inputs, targetId, false);
    return plain({ ...inputs, targetId });
  },
  delete: async (ctx, id) => {
    const ev = await events(ctx);
    const { bus, rule, targetId } = splitTargetId(id);
    // A rule already gone took its targets with it.
    const out = await orMissing(primaryCall(ctx, EVENTS_RATES, "RemoveTargets", () => ev.client.send(new ev.sdk.RemoveTargetsCommand({ Rule: rule, EventBusName: bus, Ids: [targetId] })))(), isNotFound);
    const failed = out?.FailedEntries?.find((f) => f.ErrorCode !== "ResourceNotFoundException");
    if (failed !== undefined) throw new CairnError("PROVIDER_ERROR", `${ctx.label}: RemoveTargets failed: ${failed.ErrorCode}: ${failed.ErrorMessage}`, { urn: ctx.call.urn });
  },
  limits: operationLimits(EVENTS_RATES, { create: "PutTargets", update: "PutTargets", delete: "RemoveTargets" }),
};

function splitTargetId(id: string): { bus: string; rule: string; targetId: string } {
  const parts = id.split("/");
  if (parts.length < 3) throw new CairnError("PROVIDER_ERROR", `An event target id is "<bus>/<rule>/<target id>" (such as "default/nightly/pipeline"), got "${id}".`);
  const targetId = parts.pop()!;
  const rule = parts.pop()!;
  return { bus: parts.join("/"), rule, targetId };
}

function targetOf(t: TargetInputs, Id: string): Target {
  return {
    Id,
    Arn: t.arn,
    RoleArn: t.roleArn,
    Input: t.input,
    InputPath: t.inputPath,
    SageMakerPipelineParameters: t.sagemakerPipelineParameters ? { PipelineParameterList: t.sagemakerPipelineParameters.map((p) => ({ Name: p.name, Value: p.value })) } : undefined,
    RetryPolicy: t.retryPolicy ? { MaximumEventAgeInSeconds: t.retryPolicy.maximumEventAgeInSeconds, MaximumRetryAttempts: t.retryPolicy.maximumRetryAttempts } : undefined,
    DeadLetterConfig: t.deadLetterArn ? { Arn: t.deadLetterArn } : undefined,
  };
}

async function putTarget(ctx: AwsContext, t: TargetInputs, targetId: string, first: boolean): Promise<void> {
  const ev = await events(ctx);
  const input = { Rule: t.rule, EventBusName: t.eventBusName, Targets: [targetOf(t, targetId)] };
  // A rule created a moment ago may not be visible to PutTargets yet.
  const send = primaryCall(ctx, EVENTS_RATES, "PutTargets", () => ev.client.send(new ev.sdk.PutTargetsCommand(input)));
  const out = await retrying(ctx, send, { retryIf: isNotFound, budgetMs: first ? 30_000 : 0 });
  const failed = out.FailedEntries?.[0];
  if (failed !== undefined) throw new CairnError("PROVIDER_ERROR", `${ctx.label}: PutTargets failed [property "arn"]: ${failed.ErrorCode}: ${failed.ErrorMessage}`, { urn: ctx.call.urn });
}

async function findTarget(ctx: AwsContext, ev: EventsHandle, bus: string, rule: string, targetId: string): Promise<Target | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await orMissing(limitedCall(ctx, EVENTS_RATES, "ListTargetsByRule", () => ev.client.send(new ev.sdk.ListTargetsByRuleCommand({ Rule: rule, EventBusName: bus, NextToken }))), isNotFound);
    const found = page?.Targets?.find((t) => t.Id === targetId);
    if (found !== undefined || page === undefined) return found;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

async function readTarget(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const ev = await events(ctx);
  const { bus, rule, targetId } = splitTargetId(id);
  const found = await readConfirmed(ctx, () => retrying(ctx, () => findTarget(ctx, ev, bus, rule, targetId)));
  if (found === undefined) return undefined;
  const recorded = typed<TargetInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const current: TargetInputs = {
    rule,
    eventBusName: bus,
    targetId: recorded.targetId !== undefined || imported ? targetId : undefined,
    arn: found.Arn ?? "",
    roleArn: found.RoleArn,
    input: found.Input,
    inputPath: found.InputPath,
    sagemakerPipelineParameters: found.SageMakerPipelineParameters?.PipelineParameterList?.map((p) => ({ name: p.Name ?? "", value: p.Value ?? "" })),
    retryPolicy: recorded.retryPolicy === undefined ? undefined : { maximumEventAgeInSeconds: found.RetryPolicy?.MaximumEventAgeInSeconds, maximumRetryAttempts: found.RetryPolicy?.MaximumRetryAttempts },
    deadLetterArn: found.DeadLetterConfig?.Arn,
  };
  return { id, inputs: plain(current as never), outputs: plain({ ...current, targetId }) };
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: TargetInputs, token: string): string {
  return physicalName(inputs.targetId, undefined, ctx.call.name, token, TARGET_IDS);
}
