import type { DescribeRuleCommandOutput } from "@aws-sdk/client-eventbridge";
import { CairnError } from "@cairn/core";
import { deepEqual, type CheckResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { jsonDocumentField, parseDocument } from "../check/json-document.js";
import { checkFields, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { events, EVENTS_RATES, isNotFound, type EventsHandle } from "./clients.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface RuleInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly eventBusName: string;
  readonly description?: string;
  readonly eventPattern?: Record<string, unknown>;
  readonly scheduleExpression?: string;
  readonly state: "ENABLED" | "DISABLED";
  readonly roleArn?: string;
  readonly tags: Tags;
}

const RULE_NAMES: NameRules = { maxLength: 64, allowed: /[\w.-]/ };
const FIELDS: Fields = {
  name: str({ pattern: /^[\w.-]{1,64}$/, expected: "a name of 1–64 letters, digits and ._-" }),
  namePrefix: str({ pattern: /^[\w.-]{1,55}$/, expected: "a prefix of 1–55 letters, digits and ._-" }),
  eventBusName: str({ default: "default" }),
  description: str({ maxLength: 512 }),
  eventPattern: jsonDocumentField("an event pattern", { maxLength: 4096 }),
  scheduleExpression: str({ pattern: /^(cron|rate)\(.+\)$/, expected: "cron(...) or rate(...)" }),
  state: str({ oneOf: ["ENABLED", "DISABLED"], default: "ENABLED" }),
  roleArn: str({ pattern: /^arn:/, expected: "a role ARN" }),
  tags: tagsField(),
};

/** The id of a rule: its name on the default bus, `<bus>/<name>` on another. */
export function ruleId(bus: string, name: string): string {
  return bus === "default" ? name : `${bus}/${name}`;
}

function splitRuleId(id: string): { bus: string; name: string } {
  const at = id.lastIndexOf("/");
  return at < 0 ? { bus: "default", name: id } : { bus: id.slice(0, at), name: id.slice(at + 1) };
}

/** The provider side of `aws:cloudwatch/EventRule`; the id is the rule's name (`<bus>/<name>` off the default bus). */
export const eventRuleHandler: ResourceHandler = {
  token: "aws:cloudwatch/EventRule",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: [...NAME_SOURCES, "eventBusName"] }),
    replaceOnChanges: ["name", "namePrefix", "eventBusName"], stableOutputs: ["id", "arn", "name", "eventBusName"],
  },
  nameProperty: "name",
  parameterHints: { EventPattern: "eventPattern", ScheduleExpression: "scheduleExpression", RoleArn: "roleArn" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (inputs.eventPattern == null && inputs.scheduleExpression == null) failures.push({ property: "eventPattern", reason: "give an eventPattern or a scheduleExpression" });
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    if (typeof out.scheduleExpression === "string" && out.eventBusName !== "default") failures.push({ property: "scheduleExpression", reason: "scheduled rules run on the default event bus only" });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<RuleInputs>(raw);
    const ev = await events(ctx);
    const Name = createdName(ctx, inputs, token);
    // PutRule overwrites a rule of the same name: refuse to take over one this stack did not make.
    if (inputs.name !== undefined && (await describeRule(ctx, ev, inputs.eventBusName, Name)) !== undefined) {
      throw new CairnError("PROVIDER_ERROR", `An EventBridge rule named "${Name}" [property "name"] already exists. Adopt it with the import option (import: "${ruleId(inputs.eventBusName, Name)}"), or choose another name.`);
    }
    const out = await primaryCall(ctx, EVENTS_RATES, "PutRule", () => ev.client.send(new ev.sdk.PutRuleCommand({ ...requestOf(inputs, Name), Tags: Object.keys(inputs.tags).length ? toTagList(inputs.tags) : undefined })))();
    return { id: ruleId(inputs.eventBusName, Name), outputs: plain({ ...inputs, name: Name, arn: out.RuleArn }) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<RuleInputs>(raw), token), typed<RuleInputs>(raw).name, token, (name) => readRule(ctx, ruleId(typed<RuleInputs>(raw).eventBusName, name), raw)),
  read: readRule,
  update: async (ctx, id, olds, news, oldOutputs) => {
    const was = typed<RuleInputs>(olds);
    const now = typed<RuleInputs>(news);
    const ev = await events(ctx);
    const { name } = splitRuleId(id);
    const { tags: _a, ...wasRest } = was;
    const { tags: _b, ...nowRest } = now;
    if (!deepEqual(wasRest, nowRest)) await retrying(ctx, primaryCall(ctx, EVENTS_RATES, "PutRule", () => ev.client.send(new ev.sdk.PutRuleCommand(requestOf(now, name)))));
    const { set, remove } = tagChanges(was.tags, now.tags);
    const ResourceARN = String(oldOutputs.arn);
    const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, EVENTS_RATES, api, fn));
    if (Object.keys(set).length) await send("TagResource", () => ev.client.send(new ev.sdk.TagResourceCommand({ ResourceARN, Tags: toTagList(set) })));
    if (remove.length) await send("UntagResource", () => ev.client.send(new ev.sdk.UntagResourceCommand({ ResourceARN, TagKeys: remove })));
    return plain({ ...now, name, arn: oldOutputs.arn });
  },
  delete: async (ctx, id) => {
    const ev = await events(ctx);
    const { bus, name } = splitRuleId(id);
    try {
      await orMissing(primaryCall(ctx, EVENTS_RATES, "DeleteRule", () => ev.client.send(new ev.sdk.DeleteRuleCommand({ Name: name, EventBusName: bus })))(), isNotFound);
    } catch (error) {
      if (!(hasAwsCode(error, ["ValidationException"]) && /target/i.test(String((error as Error).message)))) throw error;
      throw new CairnError("PROVIDER_ERROR", `${ctx.label}: rule ${name} still has targets that this stack does not manage. Remove them (aws events remove-targets), or adopt them as EventTarget resources, then destroy again.`, { urn: ctx.call.urn, cause: error });
    }
  },
  limits: operationLimits(EVENTS_RATES, { create: "PutRule", update: "PutRule", delete: "DeleteRule" }),
};

function requestOf(r: RuleInputs, Name: string) {
  return {
    Name,
    EventBusName: r.eventBusName,
    Description: r.description,
    EventPattern: r.eventPattern === undefined ? undefined : JSON.stringify(r.eventPattern),
    ScheduleExpression: r.scheduleExpression,
    State: r.state,
    RoleArn: r.roleArn,
  };
}

function describeRule(ctx: AwsContext, ev: EventsHandle, EventBusName: string, Name: string): Promise<DescribeRuleCommandOutput | undefined> {
  return orMissing(limitedCall(ctx, EVENTS_RATES, "DescribeRule", () => ev.client.send(new ev.sdk.DescribeRuleCommand({ Name, EventBusName }))), isNotFound);
}

async function readRule(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const ev = await events(ctx);
  const { bus, name } = splitRuleId(id);
  const found = await readConfirmed(ctx, () => describeRule(ctx, ev, bus, name));
  if (found === undefined) return undefined;
  const recorded = typed<RuleInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const tags = await retrying(ctx, () => limitedCall(ctx, EVENTS_RATES, "ListTagsForResource", () => ev.client.send(new ev.sdk.ListTagsForResourceCommand({ ResourceARN: found.Arn }))));
  const pattern = parseDocument(found.EventPattern);
  const current: RuleInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? found.Name : undefined,
    eventBusName: found.EventBusName ?? bus,
    description: found.Description || undefined,
    eventPattern: pattern !== undefined && deepEqual(pattern, recorded.eventPattern) ? recorded.eventPattern : pattern,
    scheduleExpression: found.ScheduleExpression || undefined,
    state: found.State === "DISABLED" ? "DISABLED" : "ENABLED",
    roleArn: found.RoleArn,
    tags: fromTagList(tags.Tags),
  };
  return { id, inputs: plain(current as never), outputs: plain({ ...current, name, arn: found.Arn }) };
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: RuleInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, RULE_NAMES);
}
