import type { GetScheduleGroupCommandOutput } from "@aws-sdk/client-scheduler";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { isSchedulerConflict, isSchedulerNotFound, scheduler, SCHEDULER_RATES, type SchedulerHandle } from "./client.js";
import { echoingInputs } from "../provider/secrecy.js";

interface GroupInputs {
  readonly name?: string;
  readonly tags: Tags;
}

/** Scheduler names: letters, digits and `._-`, at most 64. */
export const SCHEDULER_NAMES: NameRules = { maxLength: 64, allowed: /[\w.-]/ };

const FIELDS: Fields = {
  name: str({ pattern: /^[0-9a-zA-Z-_.]{1,64}$/, expected: "a name of 1–64 letters, digits and ._-" }),
  tags: tagsField(),
};

/** The provider side of `aws:scheduler/ScheduleGroup`; the id is the group name. */
export const scheduleGroupHandler: ResourceHandler = {
  token: "aws:scheduler/ScheduleGroup",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["name"] }),
    replaceOnChanges: ["name"], stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { Name: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (out.name === "default") failures.push({ property: "name", reason: 'the "default" group exists in every account; leave groupName unset on a Schedule to use it' });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<GroupInputs>(raw);
    const s = await scheduler(ctx);
    const Name = createdName(ctx, inputs, token);
    const input = { Name, ClientToken: token.slice(0, 64), Tags: Object.keys(inputs.tags).length ? toTagList(inputs.tags) : undefined };
    try {
      await primaryCall(ctx, SCHEDULER_RATES, "CreateScheduleGroup", () => s.client.send(new s.sdk.CreateScheduleGroupCommand(input)))();
    } catch (error) {
      if (!isSchedulerConflict(error) || inputs.name === undefined) throw error;
      throw new CairnError("PROVIDER_ERROR", `A schedule group named "${Name}" [property "name"] already exists. Adopt it with the import option (import: "${Name}"), or choose another name.`, { cause: error });
    }
    const group = await readConfirmed(ctx, () => getGroup(ctx, s, Name));
    return { id: Name, outputs: plain({ ...inputs, name: Name, arn: group?.Arn }) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<GroupInputs>(raw), token), typed<GroupInputs>(raw).name, token, (name) => readGroup(ctx, name, raw)),
  read: readGroup,
  update: async (ctx, name, olds, news, oldOutputs) => {
    const s = await scheduler(ctx);
    await syncSchedulerTags(ctx, s, String(oldOutputs.arn), typed<GroupInputs>(olds).tags, typed<GroupInputs>(news).tags);
    return plain({ ...news, name, arn: oldOutputs.arn });
  },
  delete: async (ctx, Name) => {
    const s = await scheduler(ctx);
    const deleted = await orMissing(primaryCall(ctx, SCHEDULER_RATES, "DeleteScheduleGroup", () => s.client.send(new s.sdk.DeleteScheduleGroupCommand({ Name, ClientToken: ctx.call.urn.slice(-64) })))(), isSchedulerNotFound);
    if (deleted === undefined) return;
    // A group deletes its schedules first and stays DELETING meanwhile; the SDK has no waiter for it.
    await pollUntil(ctx, {
      what: "deletion",
      describe: () => getGroup(ctx, s, Name),
      evaluate: (group) => (group === undefined ? { done: true, value: undefined } : { status: group.State ?? "DELETING" }),
      delays: { baseMs: 1_000, maxMs: 10_000 },
    });
  },
  limits: operationLimits(SCHEDULER_RATES, { create: "CreateScheduleGroup", delete: "DeleteScheduleGroup" }),
};

function getGroup(ctx: AwsContext, s: SchedulerHandle, Name: string): Promise<GetScheduleGroupCommandOutput | undefined> {
  return orMissing(limitedCall(ctx, SCHEDULER_RATES, "GetScheduleGroup", () => s.client.send(new s.sdk.GetScheduleGroupCommand({ Name }))), isSchedulerNotFound);
}

async function readGroup(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const s = await scheduler(ctx);
  const group = await readConfirmed(ctx, () => getGroup(ctx, s, name));
  if (group === undefined || group.State === "DELETING") return undefined;
  const recorded = typed<GroupInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const tags = await retrying(ctx, () => limitedCall(ctx, SCHEDULER_RATES, "ListTagsForResource", () => s.client.send(new s.sdk.ListTagsForResourceCommand({ ResourceArn: group.Arn }))));
  const current = { ...recorded, name: recorded.name !== undefined || imported ? group.Name : undefined, tags: fromTagList(tags.Tags) };
  return { id: name, inputs: plain(current), outputs: plain({ ...current, name, arn: group.Arn }) };
}

/** Brings a Scheduler resource's tags from `olds` to `news`. */
export async function syncSchedulerTags(ctx: AwsContext, s: SchedulerHandle, ResourceArn: string, olds: Tags, news: Tags): Promise<void> {
  const { set, remove } = tagChanges(olds, news);
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, SCHEDULER_RATES, api, fn));
  if (Object.keys(set).length) await send("TagResource", () => s.client.send(new s.sdk.TagResourceCommand({ ResourceArn, Tags: toTagList(set) })));
  if (remove.length) await send("UntagResource", () => s.client.send(new s.sdk.UntagResourceCommand({ ResourceArn, TagKeys: remove })));
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: GroupInputs, token: string): string {
  return physicalName(inputs.name, undefined, ctx.call.name, token, SCHEDULER_NAMES);
}
