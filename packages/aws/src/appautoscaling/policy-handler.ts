import type { ScalingPolicy } from "@aws-sdk/client-application-auto-scaling";
import { CairnError } from "@cairn/core";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { bool, checkFields, list, num, record, str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { AppAutoScalingHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { aasCall, aasLimit, aasPrimary, isAasNotFound } from "./common.js";
import { echoingInputs } from "../provider/secrecy.js";

interface PolicyInputs {
  readonly name?: string;
  readonly serviceNamespace: string;
  readonly resourceId: string;
  readonly scalableDimension: string;
  readonly policyType: "TargetTrackingScaling" | "StepScaling";
  readonly targetTrackingScalingPolicyConfiguration?: {
    readonly targetValue: number;
    readonly predefinedMetricSpecification: { readonly predefinedMetricType: string; readonly resourceLabel?: string };
    readonly scaleInCooldown?: number;
    readonly scaleOutCooldown?: number;
    readonly disableScaleIn?: boolean;
  };
  readonly stepScalingPolicyConfiguration?: {
    readonly adjustmentType: string;
    readonly stepAdjustments: readonly { readonly scalingAdjustment: number; readonly metricIntervalLowerBound?: number; readonly metricIntervalUpperBound?: number }[];
    readonly cooldown?: number;
    readonly metricAggregationType?: string;
    readonly minAdjustmentMagnitude?: number;
  };
}

/** The inputs a policy's ARN (and its target-tracking alarms' ARNs) quote. */
const POLICY_SOURCES = ["name", "serviceNamespace", "resourceId", "scalableDimension"];

const FIELDS: Fields = {
  name: str({ maxLength: 256 }),
  serviceNamespace: str({ required: true }),
  resourceId: str({ required: true }),
  scalableDimension: str({ required: true }),
  policyType: str({ oneOf: ["TargetTrackingScaling", "StepScaling"], default: "TargetTrackingScaling" }),
  targetTrackingScalingPolicyConfiguration: record({
    targetValue: num({ required: true }),
    predefinedMetricSpecification: record({ predefinedMetricType: str({ required: true }), resourceLabel: str() }, { required: true }),
    scaleInCooldown: num({ integer: true, min: 0 }),
    scaleOutCooldown: num({ integer: true, min: 0 }),
    disableScaleIn: bool(),
  }),
  stepScalingPolicyConfiguration: record({
    adjustmentType: str({ required: true, oneOf: ["ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity"] }),
    stepAdjustments: list(record({ scalingAdjustment: num({ required: true, integer: true }), metricIntervalLowerBound: num(), metricIntervalUpperBound: num() }), { required: true, minItems: 1 }),
    cooldown: num({ integer: true, min: 0 }),
    metricAggregationType: str({ oneOf: ["Average", "Minimum", "Maximum"] }),
    minAdjustmentMagnitude: num({ integer: true }),
  }),
};

/** The provider side of `aws:appautoscaling/Policy`; the id is the policy's name. */
export const policyHandler: ResourceHandler = {
  token: "aws:appautoscaling/Policy",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: ["name"], arn: POLICY_SOURCES, alarmArns: POLICY_SOURCES }),
    replaceOnChanges: ["name", "serviceNamespace", "resourceId", "scalableDimension", "policyType"], stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { PolicyName: "name", TargetValue: "targetTrackingScalingPolicyConfiguration", PredefinedMetricType: "targetTrackingScalingPolicyConfiguration", StepAdjustments: "stepScalingPolicyConfiguration" },
  check: (inputs) => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    const want = out.policyType === "StepScaling" ? "stepScalingPolicyConfiguration" : "targetTrackingScalingPolicyConfiguration";
    const other = want === "stepScalingPolicyConfiguration" ? "targetTrackingScalingPolicyConfiguration" : "stepScalingPolicyConfiguration";
    if (inputs[want] === undefined) failures.push({ property: want, reason: `a ${String(out.policyType)} policy needs ${want}` });
    if (inputs[other] !== undefined) failures.push({ property: other, reason: `a ${String(out.policyType)} policy takes ${want}, not ${other}` });
    return { inputs: out, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<PolicyInputs>(raw);
    const aas = await ctx.clients.applicationautoscaling();
    const name = inputs.name ?? ctx.call.name;
    // A target registered a moment ago may not be visible yet.
    const send = aasPrimary(ctx, "PutScalingPolicy", () => aas.client.send(new aas.sdk.PutScalingPolicyCommand(request(name, inputs))));
    const made = await retrying(ctx, send, { retryIf: isAasNotFound });
    return { id: name, outputs: outputsOf(inputs, name, made.PolicyARN, (made.Alarms ?? []).map((a) => a.AlarmARN as string)) };
  },
  read: async (ctx, id, raw): Promise<ReadResult | undefined> => {
    const aas = await ctx.clients.applicationautoscaling();
    const recorded = Object.keys(raw).length === 0 ? parsePolicyId(id) : typed<PolicyInputs>(raw);
    const name = recorded.name ?? id.split("/").pop() ?? id;
    const found = await readConfirmed(ctx, () => describePolicy(ctx, aas, recorded, name));
    if (found === undefined) return undefined;
    const current = inputsOf(found, recorded);
    return { id: Object.keys(raw).length === 0 ? name : id, inputs: plain(current as never), outputs: outputsOf(current, name, found.PolicyARN, (found.Alarms ?? []).map((a) => a.AlarmARN as string)) };
  },
  update: async (ctx, id, _olds, news) => {
    const inputs = typed<PolicyInputs>(news);
    const aas = await ctx.clients.applicationautoscaling();
    // Putting a policy of an existing name changes it in place.
    const made = await retrying(ctx, () => aasCall(ctx, "PutScalingPolicy", () => aas.client.send(new aas.sdk.PutScalingPolicyCommand(request(id, inputs)))));
    return outputsOf(inputs, id, made.PolicyARN, (made.Alarms ?? []).map((a) => a.AlarmARN as string));
  },
  delete: async (ctx, id, raw) => {
    const inputs = typed<PolicyInputs>(raw);
    const aas = await ctx.clients.applicationautoscaling();
    const del = { PolicyName: id, ServiceNamespace: inputs.serviceNamespace as never, ResourceId: inputs.resourceId, ScalableDimension: inputs.scalableDimension as never };
    try {
      await aasPrimary(ctx, "DeleteScalingPolicy", () => aas.client.send(new aas.sdk.DeleteScalingPolicyCommand(del)))();
    } catch (error) {
      if (!isAasNotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? aasLimit("PutScalingPolicy") : operation === "delete" ? aasLimit("DeleteScalingPolicy") : undefined),
};

function request(name: string, inputs: PolicyInputs) {
  const t = inputs.targetTrackingScalingPolicyConfiguration;
  const s = inputs.stepScalingPolicyConfiguration;
  return {
    PolicyName: name,
    ServiceNamespace: inputs.serviceNamespace as never,
    ResourceId: inputs.resourceId,
    ScalableDimension: inputs.scalableDimension as never,
    PolicyType: inputs.policyType,
    TargetTrackingScalingPolicyConfiguration: t && {
      TargetValue: t.targetValue,
      PredefinedMetricSpecification: { PredefinedMetricType: t.predefinedMetricSpecification.predefinedMetricType as never, ResourceLabel: t.predefinedMetricSpecification.resourceLabel },
      ScaleInCooldown: t.scaleInCooldown,
      ScaleOutCooldown: t.scaleOutCooldown,
      DisableScaleIn: t.disableScaleIn,
    },
    StepScalingPolicyConfiguration: s && {
      AdjustmentType: s.adjustmentType as never,
      Cooldown: s.cooldown,
      MetricAggregationType: s.metricAggregationType as never,
      MinAdjustmentMagnitude: s.minAdjustmentMagnitude,
      StepAdjustments: s.stepAdjustments.map((a) => ({ ScalingAdjustment: a.scalingAdjustment, MetricIntervalLowerBound: a.metricIntervalLowerBound, MetricIntervalUpperBound: a.metricIntervalUpperBound })),
    },
  };
}

/** Inputs as the policy is now; optional settings only where the program gave them. */
function inputsOf(found: ScalingPolicy, recorded: PolicyInputs): PolicyInputs {
  const t = found.TargetTrackingScalingPolicyConfiguration;
  const s = found.StepScalingPolicyConfiguration;
  const rt = recorded.targetTrackingScalingPolicyConfiguration;
  const rs = recorded.stepScalingPolicyConfiguration;
  const given = <T>(was: unknown, value: T): T | undefined => (was === undefined ? undefined : value);
  return {
    ...recorded,
    policyType: found.PolicyType as PolicyInputs["policyType"],
    targetTrackingScalingPolicyConfiguration: t && (plain({
      targetValue: t.TargetValue,
      predefinedMetricSpecification: plain({ predefinedMetricType: t.PredefinedMetricSpecification?.PredefinedMetricType, resourceLabel: t.PredefinedMetricSpecification?.ResourceLabel }),
      scaleInCooldown: given(rt?.scaleInCooldown, t.ScaleInCooldown),
      scaleOutCooldown: given(rt?.scaleOutCooldown, t.ScaleOutCooldown),
      disableScaleIn: given(rt?.disableScaleIn, t.DisableScaleIn),
    }) as never),
    stepScalingPolicyConfiguration: s && (plain({
      adjustmentType: s.AdjustmentType,
      cooldown: given(rs?.cooldown, s.Cooldown),
      metricAggregationType: given(rs?.metricAggregationType, s.MetricAggregationType),
      minAdjustmentMagnitude: given(rs?.minAdjustmentMagnitude, s.MinAdjustmentMagnitude),
      stepAdjustments: (s.StepAdjustments ?? []).map((a) => plain({ scalingAdjustment: a.ScalingAdjustment, metricIntervalLowerBound: a.MetricIntervalLowerBound, metricIntervalUpperBound: a.MetricIntervalUpperBound })),
    }) as never),
  };
}

/** An id given to `import`: `<namespace>/<resource id>/<dimension>/<policy name>`. */
function parsePolicyId(id: string): PolicyInputs {
  const parts = id.split("/");
  if (parts.length < 4) throw new CairnError("PROVIDER_ERROR", `aws:appautoscaling/Policy: "${id}" is not a policy id; expected <namespace>/<resource id>/<dimension>/<policy name>.`);
  const name = parts.pop() as string;
  const scalableDimension = parts.pop() as string;
  const [serviceNamespace, ...resource] = parts;
  return { name, serviceNamespace: serviceNamespace as string, resourceId: resource.join("/"), scalableDimension, policyType: "TargetTrackingScaling" };
}

async function describePolicy(ctx: AwsContext, aas: AppAutoScalingHandle, inputs: PolicyInputs, name: string): Promise<ScalingPolicy | undefined> {
  const req = { ServiceNamespace: inputs.serviceNamespace as never, ResourceId: inputs.resourceId, ScalableDimension: inputs.scalableDimension as never, PolicyNames: [name] };
  const out = await aasCall(ctx, "DescribeScalingPolicies", () => aas.client.send(new aas.sdk.DescribeScalingPoliciesCommand(req)));
  return out.ScalingPolicies?.[0];
}

function outputsOf(inputs: PolicyInputs, name: string, arn: string | undefined, alarmArns: string[]): PropertyMap {
  return plain({ ...inputs, name, arn, alarmArns });
}
