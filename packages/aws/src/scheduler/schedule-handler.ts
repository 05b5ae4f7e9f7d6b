import type { GetScheduleCommandOutput } from "@aws-sdk/client-scheduler";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, list, num, record, str, type Fields } from "../check/spec.js";
import { physicalName } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { hasAwsCode } from "../errors.js";
import { isSchedulerConflict, isSchedulerNotFound, scheduler, SCHEDULER_RATES, type SchedulerHandle } from "./client.js";
import { SCHEDULER_NAMES } from "./schedule-group-handler.js";
import { echoingInputs } from "../provider/secrecy.js";

interface TargetInputs {
  readonly arn: string;
  readonly roleArn: string;
  readonly input?: string;
  readonly sagemakerPipelineParameters?: readonly { readonly name: string; readonly value: string }[];
  readonly retryPolicy?: { readonly maximumEventAgeInSeconds?: number; readonly maximumRetryAttempts?: number };
  readonly deadLetterArn?: string;
}

interface ScheduleInputs {
  readonly name?: string;
  readonly groupName: string;
  readonly scheduleExpression: string;
  readonly scheduleExpressionTimezone?: string;
  readonly description?: string;
  readonly state: "ENABLED" | "DISABLED";
  readonly flexibleTimeWindowMinutes?: number;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly kmsKeyArn?: string;
  readonly target: TargetInputs;
}

const ARN = { pattern: /^arn:/, expected: "an ARN" };
const FIELDS: Fields = {
  name: str({ pattern: /^[0-9a-zA-Z-_.]{1,64}$/, expected: "a name of 1–64 letters, digits and ._-" }),
  groupName: str({ default: "default", pattern: /^[0-9a-zA-Z-_.]{1,64}$/, expected: "a group name" }),
  scheduleExpression: str({ required: true, pattern: /^(cron\(.+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\)|at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\))$/, expected: "cron(...), rate(N unit) or at(yyyy-mm-ddThh:mm:ss)" }),
  scheduleExpressionTimezone: str(),
  description: str({ maxLength: 512 }),
  state: str({ oneOf: ["ENABLED", "DISABLED"], default: "ENABLED" }),
  flexibleTimeWindowMinutes: num({ integer: true, min: 1, max: 1440 }),
  startDate: str({ pattern: /^\d{4}-\d\d-\d\dT/, expected: "an ISO 8601 time" }),
  endDate: str({ pattern: /^\d{4}-\d\d-\d\dT/, expected: "an ISO 8601 time" }),
  kmsKeyArn: str(ARN),
  target: record(
    {
      arn: str({ required: true, ...ARN }),
      roleArn: str({ required: true, ...ARN }),
      input: str(),
      sagemakerPipelineParameters: list(record({ name: str({ required: true }), value: str({ required: true }) }), { maxItems: 200 }),
      retryPolicy: record({ maximumEventAgeInSeconds: num({ integer: true, min: 60, max: 86400 }), maximumRetryAttempts: num({ integer: true, min: 0, max: 185 }) }),
      deadLetterArn: str(ARN),
    },
    { required: true },
  ),
};

/** The provider side of `aws:scheduler/Schedule`; the id is `<group>/<name>`. */
export const scheduleHandler: ResourceHandler = {
  token: "aws:scheduler/Schedule",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["name", "groupName"] }),
    replaceOnChanges: ["name", "groupName"], stableOutputs: ["id", "arn", "name", "groupName"],
  },
  nameProperty: "name",
  parameterHints: { ScheduleExpression: "scheduleExpression", "Target.Arn": "target", RoleArn: "target", Timezone: "scheduleExpressionTimezone", GroupName: "groupName" },
  check: (inputs: PropertyMap): CheckResult => checkFields(FIELDS, inputs),
  create: async (ctx, raw, token) => {
    const inputs = typed<ScheduleInputs>(raw);
    const s = await scheduler(ctx);
    const Name = createdName(ctx, inputs, token);
    try {
      await primaryCall(ctx, SCHEDULER_RATES, "CreateSchedule", () => s.client.send(new s.sdk.CreateScheduleCommand({ ...requestOf(inputs, Name), ClientToken: token.slice(0, 64) })))();
    } catch (error) {
      if (!isSchedulerConflict(error) || inputs.name === undefined) throw error;
      throw new CairnError("PROVIDER_ERROR", `A schedule named "${Name}" [property "name"] already exists in group ${inputs.groupName}. Adopt it with the import option (import: "${inputs.groupName}/${Name}"), or choose another name.`, { cause: error });
    }
    const found = await readConfirmed(ctx, () => getSchedule(ctx, s, inputs.groupName, Name));
    return { id: `${inputs.groupName}/${Name}`, outputs: plain({ ...inputs, name: Name, arn: found?.Arn }) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<ScheduleInputs>(raw), token), typed<ScheduleInputs>(raw).name, token, (name) => readSchedule(ctx, `${typed<ScheduleInputs>(raw).groupName}/${name}`, raw)),
  read: readSchedule,
  update: async (ctx, id, _olds, news, oldOutputs) => {
    const inputs = typed<ScheduleInputs>(news);
    const s = await scheduler(ctx);
    const [, name] = splitId(id);
    // UpdateSchedule replaces every setting: send them all.
    const input = requestOf(inputs, name);
    await retrying(ctx, primaryCall(ctx, SCHEDULER_RATES, "UpdateSchedule", () => s.client.send(new s.sdk.UpdateScheduleCommand(input))));
    return plain({ ...inputs, name, arn: oldOutputs.arn });
  },
  delete: async (ctx, id) => {
    const s = await scheduler(ctx);
    const [GroupName, Name] = splitId(id);
    // Deleting the group deletes its schedules: a schedule whose group went first is gone too.
    await orMissing(primaryCall(ctx, SCHEDULER_RATES, "DeleteSchedule", () => s.client.send(new s.sdk.DeleteScheduleCommand({ GroupName, Name })))(), isSchedulerNotFound);
  },
  limits: operationLimits(SCHEDULER_RATES, { create: "CreateSchedule", update: "UpdateSchedule", delete: "DeleteSchedule" }),
};

function splitId(id: string): [string, string] {
  const at = id.indexOf("/");
  if (at < 0) throw new CairnError("PROVIDER_ERROR", `A schedule id is "<group>/<name>" (such as "default/nightly"), got "${id}".`);
  return [id.slice(0, at), id.slice(at + 1)];
}

function requestOf(t: ScheduleInputs, Name: string) {
  const target = t.target;
  return {
    Name,
    GroupName: t.groupName,
    ScheduleExpression: t.scheduleExpression,
    ScheduleExpressionTimezone: t.scheduleExpressionTimezone,
    Description: t.description,
    State: t.state,
    FlexibleTimeWindow: t.flexibleTimeWindowMinutes === undefined ? { Mode: "OFF" as const } : { Mode: "FLEXIBLE" as const, MaximumWindowInMinutes: t.flexibleTimeWindowMinutes },
    StartDate: t.startDate === undefined ? undefined : new Date(t.startDate),
    EndDate: t.endDate === undefined ? undefined : new Date(t.endDate),
    KmsKeyArn: t.kmsKeyArn,
    Target: {
      Arn: target.arn,
      RoleArn: target.roleArn,
      Input: target.input,
      SageMakerPipelineParameters: target.sagemakerPipelineParameters ? { PipelineParameterList: target.sagemakerPipelineParameters.map((p) => ({ Name: p.name, Value: p.value })) } : undefined,
      RetryPolicy: target.retryPolicy ? { MaximumEventAgeInSeconds: target.retryPolicy.maximumEventAgeInSeconds, MaximumRetryAttempts: target.retryPolicy.maximumRetryAttempts } : undefined,
      DeadLetterConfig: target.deadLetterArn ? { Arn: target.deadLetterArn } : undefined,
    },
  };
}

function getSchedule(ctx: AwsContext, s: SchedulerHandle, GroupName: string, Name: string): Promise<GetScheduleCommandOutput | undefined> {
  // A schedule whose group is gone answers "group not found": gone all the same.
  const missing = (e: unknown) => isSchedulerNotFound(e) || hasAwsCode(e, ["ValidationException"]) && /group/i.test(String((e as Error).message));
  return orMissing(limitedCall(ctx, SCHEDULER_RATES, "GetSchedule", () => s.client.send(new s.sdk.GetScheduleCommand({ GroupName, Name }))), missing);
}

async function readSchedule(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const s = await scheduler(ctx);
  const [group, name] = splitId(id);
  const found = await readConfirmed(ctx, () => getSchedule(ctx, s, group, name));
  if (found === undefined) return undefined;
  const recorded = typed<ScheduleInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const t = found.Target;
  const iso = (d: Date | undefined, was: string | undefined) => (d === undefined ? undefined : was !== undefined && new Date(was).getTime() === d.getTime() ? was : d.toISOString());
  const current: ScheduleInputs = {
    name: recorded.name !== undefined || imported ? found.Name : undefined,
    groupName: found.GroupName ?? group,
    scheduleExpression: found.ScheduleExpression ?? "",
    scheduleExpressionTimezone: found.ScheduleExpressionTimezone && (recorded.scheduleExpressionTimezone !== undefined || found.ScheduleExpressionTimezone !== "UTC") ? found.ScheduleExpressionTimezone : undefined,
    description: found.Description || undefined,
    state: (found.State as ScheduleInputs["state"]) ?? "ENABLED",
    flexibleTimeWindowMinutes: found.FlexibleTimeWindow?.Mode === "FLEXIBLE" ? found.FlexibleTimeWindow.MaximumWindowInMinutes : undefined,
    startDate: iso(found.StartDate, recorded.startDate),
    endDate: iso(found.EndDate, recorded.endDate),
    kmsKeyArn: found.KmsKeyArn,
    target: {
      arn: t?.Arn ?? "",
      roleArn: t?.RoleArn ?? "",
      input: t?.Input,
      sagemakerPipelineParameters: t?.SageMakerPipelineParameters?.PipelineParameterList?.map((p) => ({ name: p.Name ?? "", value: p.Value ?? "" })),
      retryPolicy: recorded.target?.retryPolicy === undefined ? undefined : { maximumEventAgeInSeconds: t?.RetryPolicy?.MaximumEventAgeInSeconds, maximumRetryAttempts: t?.RetryPolicy?.MaximumRetryAttempts },
      deadLetterArn: t?.DeadLetterConfig?.Arn,
    },
  };
  return { id, inputs: plain(current as never), outputs: plain({ ...current, name, arn: found.Arn }) };
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: ScheduleInputs, token: string): string {
  return physicalName(inputs.name, undefined, ctx.call.name, token, SCHEDULER_NAMES);
}
