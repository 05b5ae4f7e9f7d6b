import { createHash } from "node:crypto";
import type { CheckResult, PropertyMap } from "@cairn/core/provider";
import { bool, checkFields, list, num, record, str, type Fields } from "../check/spec.js";
import type { CheckEnv } from "../provider/handler.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";

/** An instance's inputs after check. */
export interface InstanceInputs {
  readonly ami: string;
  readonly instanceType: string;
  readonly subnetId?: string;
  readonly vpcSecurityGroupIds?: readonly string[];
  readonly userData?: string;
  readonly iamInstanceProfile?: string;
  readonly keyName?: string;
  readonly associatePublicIpAddress?: boolean;
  readonly rootBlockDevice?: { readonly volumeSize?: number; readonly volumeType?: string; readonly deviceName?: string };
  readonly tags: Tags;
}

/** The inputs of `aws:ec2/Instance`. */
export const INSTANCE_FIELDS: Fields = {
  ami: str({ required: true, pattern: /^(ami-[0-9a-f]+|resolve:ssm:.+)$/, expected: "an AMI id (ami-...) or resolve:ssm:<parameter>" }),
  instanceType: str({ required: true, pattern: /^[a-z0-9-]+\.[a-z0-9]+$/, expected: "an instance type such as t3.micro" }),
  subnetId: str(),
  vpcSecurityGroupIds: list(str()),
  userData: str({ maxLength: 16 * 1024 }),
  iamInstanceProfile: str(),
  keyName: str(),
  associatePublicIpAddress: bool(),
  rootBlockDevice: record({
    volumeSize: num({ integer: true, min: 1, max: 65536 }),
    volumeType: str({ oneOf: ["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"] }),
    deviceName: str(),
  }),
  tags: tagsField(),
};

/** Checks an instance's inputs; security groups are kept sorted so their order is not a change. */
export function checkInstance(inputs: PropertyMap, env: CheckEnv): CheckResult {
  const { inputs: out, failures } = checkFields(INSTANCE_FIELDS, inputs);
  const groups = out.vpcSecurityGroupIds;
  const sorted = Array.isArray(groups) && groups.every((g) => typeof g === "string") ? [...(groups as string[])].sort() : groups;
  const checked = { ...out, ...(sorted === undefined ? {} : { vpcSecurityGroupIds: sorted }), tags: withDefaultTags(out.tags, env.settings.defaultTags) };
  return { inputs: checked as PropertyMap, failures };
}

/**
 * The EC2 ClientToken of a create: the engine's idempotency token when EC2
 * accepts it as is (at most 64 printable ASCII characters), else a hash of
 * it. Either way a retried create sends the same ClientToken, and EC2
 * answers with the instance the first attempt launched.
 */
export function clientTokenOf(token: string): string {
  return /^[\x21-\x7e]{1,64}$/.test(token) ? token : createHash("sha256").update(token).digest("hex");
}

/** Whether an instance profile input is an ARN (else a name). */
export function isArn(value: string): boolean {
  return value.startsWith("arn:");
}
