import type { DescribeModelPackageGroupCommandOutput } from "@aws-sdk/client-sagemaker";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { physicalName, SAGEMAKER_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isAlreadyExists, isSageMakerNotFound, readTags, SAGEMAKER_NAME, sageMakerTags, updateTags } from "./common.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface GroupInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly description?: string;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: SAGEMAKER_NAME, expected: "a name of letters, digits and hyphens (at most 63)" }),
  namePrefix: str({ pattern: /^[a-zA-Z0-9-]{1,54}$/, expected: "a prefix of letters, digits and hyphens (at most 54)" }),
  description: str({ maxLength: 1024 }),
  tags: tagsField(),
};

const DELAYS = { baseMs: 2_000, maxMs: 15_000, factor: 1.5 } as const;

/** The provider side of `aws:sagemaker/ModelPackageGroup` (a model registry); the id is its name. */
export const modelPackageGroupHandler: ResourceHandler = {
  token: "aws:sagemaker/ModelPackageGroup",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES }),
    replaceOnChanges: ["name", "namePrefix", "description"],
    stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { ModelPackageGroupName: "name", ModelPackageGroupDescription: "description" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<GroupInputs>(raw);
    const sm = await ctx.clients.sagemaker();
    const name = createdName(ctx, inputs, token);
    const input = { ModelPackageGroupName: name, ModelPackageGroupDescription: inputs.description, Tags: sageMakerTags(inputs.tags) };
    try {
      await call(ctx, "CreateModelPackageGroup", () => sm.client.send(new sm.sdk.CreateModelPackageGroupCommand(input)));
    } catch (error) {
      if (!(isAlreadyExists(error) && inputs.name === undefined)) throw error;
    }
    const group = await pollUntil(ctx, {
      what: "Completed",
      describe: () => describeGroup(ctx, sm, name),
      evaluate: (found) => {
        const status = found?.ModelPackageGroupStatus;
        if (status === "Completed") return { done: true, value: found as DescribeModelPackageGroupCommandOutput };
        if (status === "Failed" || status === "DeleteFailed") return { failed: `status ${status}` };
        return { status: status ?? "not visible yet" };
      },
      delays: DELAYS,
    });
    return { id: name, outputs: plain({ ...inputs, name, arn: group.ModelPackageGroupArn }) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<GroupInputs>(raw), token), typed<GroupInputs>(raw).name, token, (name) => readGroup(ctx, name, raw)),
  read: readGroup,
  update: async (ctx, id, olds, news, oldOutputs) => {
    const sm = await ctx.clients.sagemaker();
    await updateTags(ctx, sm, String(oldOutputs.arn), typed<GroupInputs>(olds).tags, typed<GroupInputs>(news).tags);
    return plain({ ...news, name: id, arn: oldOutputs.arn });
  },
  delete: async (ctx, name) => {
    const sm = await ctx.clients.sagemaker();
    const input = { ModelPackageGroupName: name };
    const deleted = await orMissing(call(ctx, "DeleteModelPackageGroup", () => sm.client.send(new sm.sdk.DeleteModelPackageGroupCommand(input))), isSageMakerNotFound);
    if (deleted === undefined) return;
    await pollUntil(ctx, {
      what: "deletion",
      describe: () => describeGroup(ctx, sm, name),
      evaluate: (found) =>
        found === undefined
          ? { done: true, value: undefined }
          : found.ModelPackageGroupStatus === "DeleteFailed"
            ? { failed: "status DeleteFailed (does the group still hold model packages?)" }
            : { status: found.ModelPackageGroupStatus ?? "Deleting" },
      delays: DELAYS,
    });
  },
};

async function describeGroup(ctx: AwsContext, sm: SageMakerHandle, ModelPackageGroupName: string): Promise<DescribeModelPackageGroupCommandOutput | undefined> {
  return orMissing(call(ctx, "DescribeModelPackageGroup", () => sm.client.send(new sm.sdk.DescribeModelPackageGroupCommand({ ModelPackageGroupName }))), isSageMakerNotFound);
}

async function readGroup(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await ctx.clients.sagemaker();
  const group = await readConfirmed(ctx, () => describeGroup(ctx, sm, name));
  if (group === undefined) return undefined;
  const recorded = typed<GroupInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const current = {
    ...recorded,
    name: recorded.name !== undefined || imported ? group.ModelPackageGroupName : undefined,
    description: group.ModelPackageGroupDescription || undefined,
    tags: group.ModelPackageGroupArn ? await readTags(ctx, sm, group.ModelPackageGroupArn) : {},
  };
  return { id: name, inputs: plain(current), outputs: plain({ ...current, name, arn: group.ModelPackageGroupArn }) };
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: GroupInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SAGEMAKER_NAMES);
}
