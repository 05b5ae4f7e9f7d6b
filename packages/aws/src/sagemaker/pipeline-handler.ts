import type { DescribePipelineCommandOutput } from "@aws-sdk/client-sagemaker";
import { createHash } from "node:crypto";
import { CairnError } from "@cairn/core";
import { deepEqual, type CheckResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { jsonDocumentField, parseDocument } from "../check/json-document.js";
import { checkFields, num, str, type Fields } from "../check/spec.js";
import { physicalName, SAGEMAKER_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isAlreadyExists, isRolePropagating, isSageMakerNotFound, readTags, SAGEMAKER_NAME, sageMakerTags, updateTags } from "./common.js";
import { echoingInputs } from "../provider/secrecy.js";

interface PipelineInputs {
  readonly name?: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly roleArn: string;
  readonly definition: Record<string, unknown>;
  readonly maxParallelExecutionSteps?: number;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: SAGEMAKER_NAME, expected: "a name of letters, digits and hyphens (at most 63)" }),
  displayName: str({ pattern: SAGEMAKER_NAME, expected: "a display name of letters, digits and hyphens (at most 63)" }),
  description: str({ maxLength: 3072 }),
  roleArn: str({ required: true, pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\//, expected: "an IAM role ARN" }),
  definition: jsonDocumentField("a pipeline definition", { required: true, maxLength: 1_000_000 }),
  maxParallelExecutionSteps: num({ integer: true, min: 1 }),
  tags: tagsField(),
};

/** The provider side of `aws:sagemaker/Pipeline`; the id is the pipeline name. */
export const pipelineHandler: ResourceHandler = {
  token: "aws:sagemaker/Pipeline",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["name"] }),
    replaceOnChanges: ["name"], stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { PipelineDefinition: "definition", RoleArn: "roleArn", PipelineName: "name", PipelineDisplayName: "displayName" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createPipeline,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<PipelineInputs>(raw), token), typed<PipelineInputs>(raw).name, token, (name) => readPipeline(ctx, name, raw)),
  read: readPipeline,
  update: updatePipeline,
  delete: deletePipeline,
};

/** SageMaker's request token: 32–128 characters, the same for every attempt of one operation. */
function requestToken(seed: string): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, 40);
}

function requestOf(inputs: PipelineInputs, PipelineName: string) {
  return {
    PipelineName,
    PipelineDisplayName: inputs.displayName,
    PipelineDescription: inputs.description,
    PipelineDefinition: JSON.stringify(inputs.definition),
    RoleArn: inputs.roleArn,
    ParallelismConfiguration: inputs.maxParallelExecutionSteps === undefined ? undefined : { MaxParallelExecutionSteps: inputs.maxParallelExecutionSteps },
  };
}

async function createPipeline(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<PipelineInputs>(raw);
  const sm = await ctx.clients.sagemaker();
  const name = createdName(ctx, inputs, token);
  const input = { ...requestOf(inputs, name), ClientRequestToken: requestToken(token), Tags: sageMakerTags(inputs.tags) };
  try {
    // A role made in the same run may not be usable by SageMaker for a few seconds.
    await retrying(ctx, () => call(ctx, "CreatePipeline", () => sm.client.send(new sm.sdk.CreatePipelineCommand(input))), { retryIf: isRolePropagating });
  } catch (error) {
    if (!(isAlreadyExists(error) && inputs.name === undefined)) throw explainExists(error, name);
  }
  const pipeline = await readConfirmedOrThrow(ctx, sm, name);
  return { id: name, outputs: outputsOf(inputs, pipeline) };
}

function explainExists(error: unknown, name: string): unknown {
  if (!isAlreadyExists(error)) return error;
  return new CairnError("PROVIDER_ERROR", `A SageMaker pipeline named "${name}" [property "name"] already exists. Adopt it with the import option (import: "${name}"), or choose another name.`, { cause: error });
}

function describe(ctx: AwsContext, sm: SageMakerHandle, PipelineName: string): Promise<DescribePipelineCommandOutput | undefined> {
  return orMissing(call(ctx, "DescribePipeline", () => sm.client.send(new sm.sdk.DescribePipelineCommand({ PipelineName }))), isSageMakerNotFound);
}

async function readConfirmedOrThrow(ctx: AwsContext, sm: SageMakerHandle, name: string): Promise<DescribePipelineCommandOutput> {
  const found = await readConfirmed(ctx, () => describe(ctx, sm, name));
  if (found === undefined) throw new CairnError("PROVIDER_ERROR", `${ctx.label}: pipeline ${name} was not found after it was created.`, { urn: ctx.call.urn });
  return found;
}

async function updatePipeline(ctx: AwsContext, name: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap> {
  const was = typed<PipelineInputs>(olds);
  const now = typed<PipelineInputs>(news);
  const sm = await ctx.clients.sagemaker();
  const { name: _n, tags: _t, ...wasRest } = was;
  const { name: _m, tags: _u, ...nowRest } = now;
  if (!deepEqual(wasRest, nowRest)) {
    const input = requestOf(now, name);
    await retrying(ctx, () => call(ctx, "UpdatePipeline", () => sm.client.send(new sm.sdk.UpdatePipelineCommand(input))), { retryIf: isRolePropagating });
  }
  await updateTags(ctx, sm, String(oldOutputs.arn), was.tags, now.tags);
  return outputsOf(now, await readConfirmedOrThrow(ctx, sm, name));
}

async function deletePipeline(ctx: AwsContext, PipelineName: string): Promise<void> {
  const sm = await ctx.clients.sagemaker();
  const input = { PipelineName, ClientRequestToken: requestToken(`delete:${ctx.call.urn}:${PipelineName}`) };
  const deleted = await orMissing(call(ctx, "DeletePipeline", () => sm.client.send(new sm.sdk.DeletePipelineCommand(input))), isSageMakerNotFound);
  if (deleted === undefined) return;
  // SageMaker has no waiter for pipelines: look until DescribePipeline says it is gone.
  await pollUntil(ctx, {
    what: "deletion",
    describe: () => describe(ctx, sm, PipelineName),
    evaluate: (found) => (found === undefined ? { done: true, value: undefined } : { status: found.PipelineStatus ?? "Deleting" }),
    delays: { baseMs: 2_000, maxMs: 15_000, factor: 1.5 },
  });
}

async function readPipeline(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await ctx.clients.sagemaker();
  const found = await readConfirmed(ctx, () => describe(ctx, sm, name));
  if (found === undefined || found.PipelineStatus === "Deleting") return undefined;
  const recorded = typed<PipelineInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const definition = parseDocument(found.PipelineDefinition) ?? {};
  const current: PipelineInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? found.PipelineName : undefined,
    displayName: found.PipelineDisplayName && (recorded.displayName !== undefined || found.PipelineDisplayName !== found.PipelineName) ? found.PipelineDisplayName : undefined,
    description: found.PipelineDescription || undefined,
    roleArn: found.RoleArn ?? "",
    definition: deepEqual(definition, recorded.definition) ? recorded.definition : definition,
    maxParallelExecutionSteps: found.ParallelismConfiguration?.MaxParallelExecutionSteps ?? recorded.maxParallelExecutionSteps,
    tags: found.PipelineArn ? await readTags(ctx, sm, found.PipelineArn) : {},
  };
  return { id: name, inputs: plain(current as never), outputs: outputsOf(current, found) };
}

function outputsOf(inputs: PipelineInputs, pipeline: DescribePipelineCommandOutput): PropertyMap {
  return plain({ ...inputs, name: pipeline.PipelineName, arn: pipeline.PipelineArn });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: PipelineInputs, token: string): string {
  return physicalName(inputs.name, undefined, ctx.call.name, token, SAGEMAKER_NAMES);
}
