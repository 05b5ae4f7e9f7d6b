import type { MetricAlarm as AwsAlarm, PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { CairnError } from "@cairn/core";
import { deepEqual, type CheckResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { bool, checkFields, list, num, str, stringMap, type Fields } from "../check/spec.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { sdkWait } from "../runtime/sdk-waiter.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { cloudWatch, CLOUDWATCH_RATES, type CloudWatchHandle } from "./clients.js";
import { echoingInputs } from "../provider/secrecy.js";

interface AlarmInputs {
  readonly name?: string;
  readonly comparisonOperator: string;
  readonly evaluationPeriods: number;
  readonly metricName: string;
  readonly namespace: string;
  readonly period: number;
  readonly threshold: number;
  readonly statistic?: string;
  readonly extendedStatistic?: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly alarmDescription?: string;
  readonly actionsEnabled: boolean;
  readonly alarmActions: readonly string[];
  readonly okActions: readonly string[];
  readonly insufficientDataActions: readonly string[];
  readonly treatMissingData: string;
  readonly datapointsToAlarm?: number;
  readonly unit?: string;
  readonly tags: Tags;
}

const ALARM_NAMES: NameRules = { maxLength: 255, allowed: /[^\x00-\x1f]/ };
const arns = () => list(str({ pattern: /^arn:/, expected: "an ARN" }), { default: [], maxItems: 5 });
const FIELDS: Fields = {
  name: str({ maxLength: 255 }),
  comparisonOperator: str({ required: true, oneOf: ["GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"] }),
  evaluationPeriods: num({ required: true, integer: true, min: 1 }),
  metricName: str({ required: true, maxLength: 255 }),
  namespace: str({ required: true, maxLength: 255 }),
  period: num({ required: true, integer: true, min: 10 }),
  threshold: num({ required: true }),
  statistic: str({ oneOf: ["Average", "Sum", "Minimum", "Maximum", "SampleCount"] }),
  extendedStatistic: str({ pattern: /^(p|tm|tc|ts|wm|PR|TM|TC|TS)/, expected: "a percentile such as p99" }),
  dimensions: stringMap({ maxEntries: 30, default: {} }),
  alarmDescription: str({ maxLength: 1024 }),
  actionsEnabled: bool({ default: true }),
  alarmActions: arns(),
  okActions: arns(),
  insufficientDataActions: arns(),
  treatMissingData: str({ oneOf: ["missing", "ignore", "breaching", "notBreaching"], default: "missing" }),
  datapointsToAlarm: num({ integer: true, min: 1 }),
  unit: str(),
  tags: tagsField(),
};

/** The provider side of `aws:cloudwatch/MetricAlarm`; the id is the alarm's name. */
export const metricAlarmHandler: ResourceHandler = {
  token: "aws:cloudwatch/MetricAlarm",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["name"] }),
    replaceOnChanges: ["name"], stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { Period: "period", Statistic: "statistic", ExtendedStatistic: "extendedStatistic", Dimensions: "dimensions", AlarmActions: "alarmActions", Threshold: "threshold" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if ((inputs.statistic == null) === (inputs.extendedStatistic == null)) failures.push({ property: "statistic", reason: "give exactly one of statistic and extendedStatistic" });
    if (typeof out.period === "number" && ![10, 20, 30].includes(out.period) && out.period % 60 !== 0) failures.push({ property: "period", reason: `expected 10, 20, 30 or a multiple of 60, got ${out.period}` });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<AlarmInputs>(raw);
    const cw = await cloudWatch(ctx);
    const AlarmName = createdName(ctx, inputs, token);
    // PutMetricAlarm overwrites an alarm of the same name: refuse to take over one this stack did not make.
    if (inputs.name !== undefined && (await describeAlarm(ctx, cw, AlarmName)) !== undefined) {
      throw new CairnError("PROVIDER_ERROR", `A CloudWatch alarm named "${AlarmName}" [property "name"] already exists. Adopt it with the import option (import: "${AlarmName}"), or choose another name.`);
    }
    const input = { ...requestOf(inputs, AlarmName), Tags: Object.keys(inputs.tags).length ? toTagList(inputs.tags) : undefined };
    await primaryCall(ctx, CLOUDWATCH_RATES, "PutMetricAlarm", () => cw.client.send(new cw.sdk.PutMetricAlarmCommand(input)))();
    await sdkWait(ctx, `alarm ${AlarmName} to exist`, (timing) => cw.sdk.waitUntilAlarmExists({ client: cw.client, ...timing }, { AlarmNames: [AlarmName] }), { minDelay: 1, maxDelay: 5 });
    const alarm = await readConfirmed(ctx, () => describeAlarm(ctx, cw, AlarmName));
    return { id: AlarmName, outputs: plain({ ...inputs, name: AlarmName, arn: alarm?.AlarmArn }) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<AlarmInputs>(raw), token), typed<AlarmInputs>(raw).name, token, (name) => readAlarm(ctx, name, raw)),
  read: readAlarm,
  update: async (ctx, AlarmName, olds, news, oldOutputs) => {
    const was = typed<AlarmInputs>(olds);
    const now = typed<AlarmInputs>(news);
    const cw = await cloudWatch(ctx);
    const { tags: _a, ...wasRest } = was;
    const { tags: _b, ...nowRest } = now;
    if (!deepEqual(wasRest, nowRest)) await retrying(ctx, primaryCall(ctx, CLOUDWATCH_RATES, "PutMetricAlarm", () => cw.client.send(new cw.sdk.PutMetricAlarmCommand(requestOf(now, AlarmName)))));
    const { set, remove } = tagChanges(was.tags, now.tags);
    const ResourceARN = String(oldOutputs.arn);
    const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, CLOUDWATCH_RATES, api, fn));
    if (Object.keys(set).length) await send("TagResource", () => cw.client.send(new cw.sdk.TagResourceCommand({ ResourceARN, Tags: toTagList(set) })));
    if (remove.length) await send("UntagResource", () => cw.client.send(new cw.sdk.UntagResourceCommand({ ResourceARN, TagKeys: remove })));
    return plain({ ...now, name: AlarmName, arn: oldOutputs.arn });
  },
  delete: async (ctx, AlarmName) => {
    const cw = await cloudWatch(ctx);
    // DeleteAlarms succeeds for names that do not exist.
    await primaryCall(ctx, CLOUDWATCH_RATES, "DeleteAlarms", () => cw.client.send(new cw.sdk.DeleteAlarmsCommand({ AlarmNames: [AlarmName] })))();
  },
  limits: operationLimits(CLOUDWATCH_RATES, { create: "PutMetricAlarm", update: "PutMetricAlarm", delete: "DeleteAlarms" }),
};

function requestOf(a: AlarmInputs, AlarmName: string): PutMetricAlarmCommandInput {
  return {
    AlarmName,
    AlarmDescription: a.alarmDescription,
    ActionsEnabled: a.actionsEnabled,
    AlarmActions: [...a.alarmActions],
    OKActions: [...a.okActions],
    InsufficientDataActions: [...a.insufficientDataActions],
    MetricName: a.metricName,
    Namespace: a.namespace,
    Statistic: a.statistic as PutMetricAlarmCommandInput["Statistic"],
    ExtendedStatistic: a.extendedStatistic,
    Dimensions: Object.entries(a.dimensions).map(([Name, Value]) => ({ Name, Value })),
    Period: a.period,
    Unit: a.unit as PutMetricAlarmCommandInput["Unit"],
    EvaluationPeriods: a.evaluationPeriods,
    DatapointsToAlarm: a.datapointsToAlarm,
    Threshold: a.threshold,
    ComparisonOperator: a.comparisonOperator as PutMetricAlarmCommandInput["ComparisonOperator"],
    TreatMissingData: a.treatMissingData,
  };
}

async function describeAlarm(ctx: AwsContext, cw: CloudWatchHandle, name: string): Promise<AwsAlarm | undefined> {
  const out = await limitedCall(ctx, CLOUDWATCH_RATES, "DescribeAlarms", () => cw.client.send(new cw.sdk.DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: ["MetricAlarm"] })));
  return out.MetricAlarms?.[0];
}

async function readAlarm(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const cw = await cloudWatch(ctx);
  const alarm = await readConfirmed(ctx, () => describeAlarm(ctx, cw, name));
  if (alarm === undefined) return undefined;
  const recorded = typed<AlarmInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const tags = await retrying(ctx, () => limitedCall(ctx, CLOUDWATCH_RATES, "ListTagsForResource", () => cw.client.send(new cw.sdk.ListTagsForResourceCommand({ ResourceARN: alarm.AlarmArn }))));
  const current: AlarmInputs = {
    name: recorded.name !== undefined || imported ? name : undefined,
    comparisonOperator: alarm.ComparisonOperator ?? "",
    evaluationPeriods: alarm.EvaluationPeriods ?? 1,
    metricName: alarm.MetricName ?? "",
    namespace: alarm.Namespace ?? "",
    period: alarm.Period ?? 60,
    threshold: alarm.Threshold ?? 0,
    statistic: alarm.Statistic,
    extendedStatistic: alarm.ExtendedStatistic,
    dimensions: Object.fromEntries((alarm.Dimensions ?? []).map((d) => [d.Name ?? "", d.Value ?? ""])),
    alarmDescription: alarm.AlarmDescription || undefined,
    actionsEnabled: alarm.ActionsEnabled ?? true,
    alarmActions: alarm.AlarmActions ?? [],
    okActions: alarm.OKActions ?? [],
    insufficientDataActions: alarm.InsufficientDataActions ?? [],
    treatMissingData: alarm.TreatMissingData ?? "missing",
    datapointsToAlarm: recorded.datapointsToAlarm !== undefined || alarm.DatapointsToAlarm !== alarm.EvaluationPeriods ? alarm.DatapointsToAlarm : undefined,
    unit: alarm.Unit,
    tags: fromTagList(tags.Tags),
  };
  return { id: name, inputs: plain(current as never), outputs: plain({ ...current, name, arn: alarm.AlarmArn }) };
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: AlarmInputs, token: string): string {
  return physicalName(inputs.name, undefined, ctx.call.name, token, ALARM_NAMES);
}
