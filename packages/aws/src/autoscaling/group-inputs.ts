import type { AutoScalingGroup } from "@aws-sdk/client-auto-scaling";
import { custom, bool, list, num, record, str, type Fields } from "../check/spec.js";
import { fromTagList, tagsField, type Tags } from "../tags.js";

/** A group's inputs after check. */
export interface GroupInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity?: number;
  readonly vpcZoneIdentifiers: readonly string[];
  readonly launchTemplate: { readonly id: string; readonly version: string };
  readonly targetGroupArns: readonly string[];
  readonly healthCheckType: "EC2" | "ELB";
  readonly healthCheckGracePeriod: number;
  readonly instanceRefresh?: { readonly minHealthyPercentage?: number; readonly instanceWarmup?: number };
  readonly waitForCapacity: boolean;
  readonly tags: Tags;
}

/** A version given as a number or text; kept as text, as Auto Scaling takes it. */
const version = custom({ default: "$Default" }, (value, path, failures) => {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return String(value);
  if (typeof value === "string" && /^(\$Latest|\$Default|\d+)$/.test(value)) return value;
  failures.push({ property: path, reason: `expected a version number, "$Latest" or "$Default", got ${JSON.stringify(value)}` });
  return value;
});

/** The inputs of `aws:autoscaling/Group`. */
export const GROUP_FIELDS: Fields = {
  name: str({ maxLength: 255 }),
  namePrefix: str({ maxLength: 200 }),
  minSize: num({ required: true, integer: true, min: 0 }),
  maxSize: num({ required: true, integer: true, min: 0 }),
  desiredCapacity: num({ integer: true, min: 0 }),
  vpcZoneIdentifiers: list(str(), { required: true, minItems: 1 }),
  launchTemplate: record({ id: str({ required: true, pattern: /^lt-/, expected: "a launch template id such as lt-0abc" }), version }, { required: true }),
  targetGroupArns: list(str(), { default: [] }),
  healthCheckType: str({ oneOf: ["EC2", "ELB"], default: "EC2" }),
  healthCheckGracePeriod: num({ integer: true, min: 0, default: 300 }),
  instanceRefresh: record({ minHealthyPercentage: num({ integer: true, min: 0, max: 100 }), instanceWarmup: num({ integer: true, min: 0 }) }),
  waitForCapacity: bool({ default: true }),
  tags: tagsField(),
};

/** Inputs as the group is now; `recorded` says which optional ones the program sets. */
export function inputsOfGroup(group: AutoScalingGroup, recorded: GroupInputs, imported: boolean): GroupInputs {
  return {
    ...recorded,
    name: recorded.name !== undefined || imported ? group.AutoScalingGroupName : undefined,
    minSize: group.MinSize as number,
    maxSize: group.MaxSize as number,
    desiredCapacity: recorded.desiredCapacity !== undefined || imported ? group.DesiredCapacity : undefined,
    vpcZoneIdentifiers: (group.VPCZoneIdentifier ?? "").split(",").filter(Boolean).sort(),
    launchTemplate: { id: group.LaunchTemplate?.LaunchTemplateId ?? "", version: group.LaunchTemplate?.Version ?? "$Default" },
    targetGroupArns: [...(group.TargetGroupARNs ?? [])].sort(),
    healthCheckType: (group.HealthCheckType ?? "EC2") as GroupInputs["healthCheckType"],
    healthCheckGracePeriod: group.HealthCheckGracePeriod ?? 0,
    waitForCapacity: recorded.waitForCapacity ?? true,
    tags: fromTagList(group.Tags?.map((t) => ({ Key: t.Key, Value: t.Value }))),
  };
}

/** Tags in Auto Scaling's form: each propagated to the instances at launch. */
export function groupTags(name: string, tags: Tags) {
  return Object.entries(tags).map(([Key, Value]) => ({ ResourceId: name, ResourceType: "auto-scaling-group", Key, Value, PropagateAtLaunch: true }));
}
