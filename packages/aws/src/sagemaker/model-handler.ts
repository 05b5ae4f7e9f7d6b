import type { DescribeModelCommandOutput } from "@aws-sdk/client-sagemaker";
import { CairnError, hintText, type Hint } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { bool, checkFields, list, record, str, stringMap, type Fields } from "../check/spec.js";
import { physicalName, SAGEMAKER_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isAlreadyExists, isRolePropagating, isSageMakerNotFound, readTags, SAGEMAKER_NAME, sageMakerTags, updateTags } from "./common.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface ModelInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly executionRoleArn: string;
  readonly primaryContainer: { readonly image: string; readonly modelDataUrl?: string; readonly environment?: Readonly<Record<string, string>>; readonly mode?: string };
  readonly vpcConfig?: { readonly securityGroupIds: readonly string[]; readonly subnets: readonly string[] };
  readonly enableNetworkIsolation: boolean;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: SAGEMAKER_NAME, expected: "a name of letters, digits and hyphens (at most 63)" }),
  namePrefix: str({ pattern: /^[a-zA-Z0-9-]{1,54}$/, expected: "a prefix of letters, digits and hyphens (at most 54)" }),
  executionRoleArn: str({ required: true, pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, expected: "an IAM role ARN" }),
  primaryContainer: record(
    {
      image: str({ required: true }),
      modelDataUrl: str({ pattern: /^(https|s3):\/\//, expected: "an s3:// or https:// URL" }),
      environment: stringMap(),
      mode: str({ oneOf: ["SingleModel", "MultiModel"] }),
    },
    { required: true },
  ),
  vpcConfig: record({ securityGroupIds: list(str(), { required: true, minItems: 1 }), subnets: list(str(), { required: true, minItems: 1 }) }),
  enableNetworkIsolation: bool({ default: false }),
  tags: tagsField(),
};

/** The provider side of `aws:sagemaker/Model`; the id is the model name. Every change but tags replaces it. */
export const modelHandler: ResourceHandler = {
  token: "aws:sagemaker/Model",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES }),
    replaceOnChanges: ["name", "namePrefix", "executionRoleArn", "primaryContainer", "vpcConfig", "enableNetworkIsolation"],
    stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { ExecutionRoleArn: "executionRoleArn", "assume role": "executionRoleArn", ModelDataUrl: "primaryContainer", Image: "primaryContainer", ModelName: "name", VpcConfig: "vpcConfig" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createModel,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<ModelInputs>(raw), token), typed<ModelInputs>(raw).name, token, (name) => readModel(ctx, name, raw)),
  read: readModel,
  update: async (ctx, id, olds, news, oldOutputs) => {
    const sm = await ctx.clients.sagemaker();
    await updateTags(ctx, sm, String(oldOutputs.arn), typed<ModelInputs>(olds).tags, typed<ModelInputs>(news).tags);
    return outputsOf(typed<ModelInputs>(news), id, oldOutputs.arn as string);
  },
  delete: async (ctx, ModelName) => {
    const sm = await ctx.clients.sagemaker();
    await orMissing(call(ctx, "DeleteModel", () => sm.client.send(new sm.sdk.DeleteModelCommand({ ModelName }))), isSageMakerNotFound);
  },
};

async function createModel(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<ModelInputs>(raw);
  const sm = await ctx.clients.sagemaker();
  const ModelName = createdName(ctx, inputs, token);
  const c = inputs.primaryContainer;
  const input = {
    ModelName,
    ExecutionRoleArn: inputs.executionRoleArn,
    PrimaryContainer: { Image: c.image, ModelDataUrl: c.modelDataUrl, Environment: c.environment, Mode: c.mode as never },
    VpcConfig: inputs.vpcConfig === undefined ? undefined : { SecurityGroupIds: [...inputs.vpcConfig.securityGroupIds], Subnets: [...inputs.vpcConfig.subnets] },
    EnableNetworkIsolation: inputs.enableNetworkIsolation || undefined,
    Tags: sageMakerTags(inputs.tags),
  };
  try {
    await retrying(ctx, () => call(ctx, "CreateModel", () => sm.client.send(new sm.sdk.CreateModelCommand(input))), { retryIf: isRolePropagating });
  } catch (error) {
    if (!(isAlreadyExists(error) && inputs.name === undefined)) throw alreadyExists(error, ModelName);
  }
  const model = await readConfirmed(ctx, () => describeModel(ctx, sm, ModelName), 60_000);
  return { id: ModelName, outputs: outputsOf(inputs, ModelName, model?.ModelArn) };
}

function alreadyExists(error: unknown, name: string): unknown {
  if (!isAlreadyExists(error)) return error;
  const adopt: Hint = { kind: "import-resource", type: "aws:sagemaker/Model", id: name };
  return new CairnError("PROVIDER_ERROR", `A SageMaker model named "${name}" [property "name"] already exists. Adopt it with ${hintText(adopt)}, or choose another name.`, { cause: error, hints: [adopt] });
}

async function describeModel(ctx: AwsContext, sm: SageMakerHandle, ModelName: string): Promise<DescribeModelCommandOutput | undefined> {
  return orMissing(call(ctx, "DescribeModel", () => sm.client.send(new sm.sdk.DescribeModelCommand({ ModelName }))), isSageMakerNotFound);
}

async function readModel(ctx: AwsContext, ModelName: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await ctx.clients.sagemaker();
  const model = await readConfirmed(ctx, () => describeModel(ctx, sm, ModelName));
  if (model === undefined) return undefined;
  const recorded = typed<ModelInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const c = model.PrimaryContainer;
  const container = plain({ image: c?.Image, modelDataUrl: c?.ModelDataUrl, environment: environmentOf(c?.Environment, recorded.primaryContainer?.environment), mode: recorded.primaryContainer?.mode === undefined ? undefined : c?.Mode });
  const current: ModelInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? model.ModelName : undefined,
    executionRoleArn: model.ExecutionRoleArn as string,
    primaryContainer: container as unknown as ModelInputs["primaryContainer"],
    enableNetworkIsolation: model.EnableNetworkIsolation ?? false,
    tags: model.ModelArn ? await readTags(ctx, sm, model.ModelArn) : {},
  };
  return { id: ModelName, inputs: plain(current as never), outputs: outputsOf(current, ModelName, model.ModelArn) };
}

/**
 * A container's environment as read. An empty one may come back as `{}` or
 * not at all; either reads as the program declared it (`{}`, or nothing), so
 * that refresh sees no change where there is none.
 */
function environmentOf(read: Record<string, string> | undefined, recorded: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  if (read !== undefined && Object.keys(read).length > 0) return read;
  return recorded !== undefined && Object.keys(recorded).length === 0 ? {} : undefined;
}

function outputsOf(inputs: ModelInputs, name: string, arn: string | undefined): PropertyMap {
  return plain({ ...inputs, name, arn });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: ModelInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SAGEMAKER_NAMES);
}
