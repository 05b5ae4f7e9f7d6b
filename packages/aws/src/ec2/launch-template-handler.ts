import { createHash } from "node:crypto";
import type { LaunchTemplate as AwsLaunchTemplate, LaunchTemplateVersion } from "@aws-sdk/client-ec2";
import { deepEqual, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { bool, str, type Fields } from "../check/spec.js";
import { physicalName, type NameRules } from "../naming.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, fromTagList, tagsField, type Tags } from "../tags.js";
import { ec2Arn, ec2Call, isEc2NotFound, primaryCall, tagSpecifications, updateEc2Tags } from "./common.js";
import { clientTokenOf } from "./instance-inputs.js";
import { fromLaunchData, LAUNCH_DATA_FIELDS, LAUNCH_DATA_KEYS, toLaunchData, type LaunchData } from "./launch-template-data.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface LaunchTemplateInputs extends LaunchData {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly updateDefaultVersion: boolean;
  readonly tags: Tags;
}

/** Launch template names: 3–128 letters, digits and `()./_-`. */
const TEMPLATE_NAMES: NameRules = { maxLength: 128, allowed: /[a-zA-Z0-9()./_-]/ };

const FIELDS: Fields = {
  name: str({ pattern: /^[a-zA-Z0-9()./_-]{3,128}$/, expected: "3 to 128 letters, digits and ()./_-" }),
  namePrefix: str({ maxLength: 100 }),
  ...LAUNCH_DATA_FIELDS,
  updateDefaultVersion: bool({ default: true }),
  tags: tagsField(),
};

/** The provider side of `aws:ec2/LaunchTemplate`; the id is the template id (`lt-…`). */
export const launchTemplateHandler: ResourceHandler = {
  token: "aws:ec2/LaunchTemplate",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: [], latestVersion: [], defaultVersion: [] }),
    replaceOnChanges: ["name", "namePrefix"], stableOutputs: ["id", "arn", "name"], idempotentCreate: true,
  },
  nameProperty: "name",
  parameterHints: { LaunchTemplateName: "name", ImageId: "imageId", InstanceType: "instanceType", KeyName: "keyName", SecurityGroup: "vpcSecurityGroupIds", IamInstanceProfile: "iamInstanceProfile" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const out: Record<string, unknown> = { ...result.inputs };
    const groups = out.vpcSecurityGroupIds;
    if (Array.isArray(groups) && groups.every((g) => typeof g === "string")) out.vpcSecurityGroupIds = [...(groups as string[])].sort();
    const failures = [...(result.failures ?? [])];
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: out as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<LaunchTemplateInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const request = {
      LaunchTemplateName: physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, TEMPLATE_NAMES),
      VersionDescription: inputs.description,
      LaunchTemplateData: toLaunchData(inputs),
      ClientToken: clientTokenOf(token),
      TagSpecifications: tagSpecifications("launch-template", inputs.tags),
    };
    const created = await primaryCall(ctx, "CreateLaunchTemplate", () => ec2.client.send(new ec2.sdk.CreateLaunchTemplateCommand(request)))();
    const id = created.LaunchTemplate?.LaunchTemplateId as string;
    const template = (await readConfirmed(ctx, () => describeTemplate(ctx, ec2, id))) ?? created.LaunchTemplate;
    return { id, outputs: outputsOf(inputs, template, await ec2.client.config.region()) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const template = await readConfirmed(ctx, () => describeTemplate(ctx, ec2, id));
    if (template === undefined) return undefined;
    const recorded = typed<LaunchTemplateInputs>(inputs);
    const imported = Object.keys(inputs).length === 0;
    const version = await retrying(ctx, () => describeVersion(ctx, ec2, id, recorded.updateDefaultVersion === false ? "$Latest" : "$Default"));
    const data = fromLaunchData(version?.LaunchTemplateData, version?.VersionDescription);
    const launch: Record<string, unknown> = {};
    // Only settings the program gives are compared; EC2 may fill in others.
    for (const key of LAUNCH_DATA_KEYS) launch[key] = recorded[key] !== undefined || imported ? data[key] : undefined;
    const current = {
      ...recorded,
      ...launch,
      name: recorded.name !== undefined || imported ? template.LaunchTemplateName : undefined,
      updateDefaultVersion: recorded.updateDefaultVersion ?? true,
      tags: fromTagList(template.Tags),
    } as LaunchTemplateInputs;
    return { id, inputs: plain(current as never), outputs: outputsOf(current, template, await ec2.client.config.region()) };
  },
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    const was = typed<LaunchTemplateInputs>(olds);
    const now = typed<LaunchTemplateInputs>(news);
    if (LAUNCH_DATA_KEYS.some((key) => !deepEqual(was[key], now[key]))) await newVersion(ctx, ec2, id, now);
    await updateEc2Tags(ctx, ec2, id, was.tags, now.tags);
    return outputsOf(now, await retrying(ctx, () => describeTemplate(ctx, ec2, id)), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    try {
      await primaryCall(ctx, "DeleteLaunchTemplate", () => ec2.client.send(new ec2.sdk.DeleteLaunchTemplateCommand({ LaunchTemplateId: id })))();
    } catch (error) {
      if (!isEc2NotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateLaunchTemplate") : operation === "delete" ? ec2Limit("DeleteLaunchTemplate") : undefined),
};

/**
 * Makes a version from the new settings and, unless told not to, makes it the
 * default. The ClientToken is derived from the template and the settings, so
 * a retried update finds the version the first attempt made.
 */
async function newVersion(ctx: AwsContext, ec2: Ec2Handle, LaunchTemplateId: string, inputs: LaunchTemplateInputs): Promise<void> {
  const LaunchTemplateData = toLaunchData(inputs);
  const ClientToken = createHash("sha256").update(LaunchTemplateId).update(JSON.stringify([inputs.description, LaunchTemplateData])).digest("hex").slice(0, 64);
  const request = { LaunchTemplateId, VersionDescription: inputs.description, LaunchTemplateData, ClientToken };
  const made = await retrying(ctx, () => ec2Call(ctx, "CreateLaunchTemplateVersion", () => ec2.client.send(new ec2.sdk.CreateLaunchTemplateVersionCommand(request))));
  const version = made.LaunchTemplateVersion?.VersionNumber;
  if (!inputs.updateDefaultVersion || version === undefined) return;
  const modify = { LaunchTemplateId, DefaultVersion: String(version) };
  await retrying(ctx, () => ec2Call(ctx, "ModifyLaunchTemplate", () => ec2.client.send(new ec2.sdk.ModifyLaunchTemplateCommand(modify))));
}

async function describeTemplate(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsLaunchTemplate | undefined> {
  const out = await orMissing(ec2Call(ctx, "DescribeLaunchTemplates", () => ec2.client.send(new ec2.sdk.DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] }))), isEc2NotFound);
  return out?.LaunchTemplates?.[0];
}

async function describeVersion(ctx: AwsContext, ec2: Ec2Handle, id: string, version: "$Latest" | "$Default"): Promise<LaunchTemplateVersion | undefined> {
  const request = { LaunchTemplateId: id, Versions: [version] };
  const out = await orMissing(ec2Call(ctx, "DescribeLaunchTemplateVersions", () => ec2.client.send(new ec2.sdk.DescribeLaunchTemplateVersionsCommand(request))), isEc2NotFound);
  return out?.LaunchTemplateVersions?.[0];
}

function outputsOf(inputs: LaunchTemplateInputs, template: AwsLaunchTemplate | undefined, region: string): PropertyMap {
  const id = template?.LaunchTemplateId as string;
  return plain({
    ...inputs,
    name: template?.LaunchTemplateName,
    arn: ec2Arn(region, undefined, `launch-template/${id}`),
    latestVersion: template?.LatestVersionNumber,
    defaultVersion: template?.DefaultVersionNumber,
  });
}
