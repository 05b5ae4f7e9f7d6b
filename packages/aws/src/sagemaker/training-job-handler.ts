import type { DescribeTrainingJobCommandOutput } from "@aws-sdk/client-sagemaker";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { physicalName, SAGEMAKER_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { withDefaultTags } from "../tags.js";
import { isAlreadyExists, isRolePropagating, isSageMakerNotFound, readTags, SAGEMAKER_DELAYS, sageMakerTags, updateTags } from "./common.js";
import { checkTrainingJobFields, createRequest, inputsFromJob, type TrainingJobInputs, TRAINING_JOB_FIELDS } from "./training-job-inputs.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

const HOUR = 60 * 60_000;
const TERMINAL = ["Completed", "Failed", "Stopped"];

/**
 * The provider side of `aws:sagemaker/TrainingJob`; the id is the job name.
 * A job runs once: every change but tags and waitForCompletion is a new job
 * (a replacement). Deleting stops a job that still runs, then deletes its
 * record; the model artifacts it wrote to S3 stay.
 */
export const trainingJobHandler: ResourceHandler = {
  token: "aws:sagemaker/TrainingJob",
  schema: {
    derivedFrom: echoingInputs(TRAINING_JOB_FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES, status: [], modelArtifacts: [...NAME_SOURCES, "outputDataConfig"], trainingTimeInSeconds: [], billableTimeInSeconds: [] }),
    replaceOnChanges: [
      "name",
      "namePrefix",
      "roleArn",
      "algorithmSpecification",
      "inputDataConfig",
      "outputDataConfig",
      "resourceConfig",
      "stoppingCondition",
      "hyperParameters",
      "environment",
      "vpcConfig",
      "enableNetworkIsolation",
    ],
    stableOutputs: ["id", "arn", "name", "modelArtifacts"],
    // SageMaker's own default limit on a job's run time is a day; creation waits that long and an hour more.
    timeouts: { create: 25 * HOUR, update: HOUR, delete: 2 * HOUR },
  },
  nameProperty: "name",
  parameterHints: {
    RoleArn: "roleArn",
    TrainingImage: "algorithmSpecification",
    InputDataConfig: "inputDataConfig",
    S3Uri: "inputDataConfig",
    S3OutputPath: "outputDataConfig",
    InstanceType: "resourceConfig",
    ResourceConfig: "resourceConfig",
    HyperParameters: "hyperParameters",
    MaxRuntimeInSeconds: "stoppingCondition",
    TrainingJobName: "name",
  },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkTrainingJobFields(inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createJob,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<TrainingJobInputs>(raw), token), typed<TrainingJobInputs>(raw).name, token, (name) => readJob(ctx, name, raw)),
  read: readJob,
  update: async (ctx, id, olds, news, oldOutputs) => {
    const sm = await ctx.clients.sagemaker();
    await updateTags(ctx, sm, String(oldOutputs.arn), typed<TrainingJobInputs>(olds).tags, typed<TrainingJobInputs>(news).tags);
    return outputsOf(typed(news), (await describeJob(ctx, sm, id)) ?? {});
  },
  delete: deleteJob,
};

async function createJob(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<TrainingJobInputs>(raw);
  const sm = await ctx.clients.sagemaker();
  const name = createdName(ctx, inputs, token);
  const request = createRequest(name, inputs, sageMakerTags(inputs.tags));
  try {
    await retrying(ctx, () => call(ctx, "CreateTrainingJob", () => sm.client.send(new sm.sdk.CreateTrainingJobCommand(request))), { retryIf: isRolePropagating });
  } catch (error) {
    // A generated name is ours alone: an earlier attempt of this create started the job, so follow it.
    if (!(isAlreadyExists(error) && inputs.name === undefined)) throw error;
  }
  const job = inputs.waitForCompletion ? await waitForJob(ctx, sm, name) : await readConfirmed(ctx, () => describeJob(ctx, sm, name), 60_000);
  return { id: name, outputs: outputsOf(inputs, job ?? { TrainingJobName: name }) };
}

/** Waits until the job completes; Failed ends the wait with SageMaker's FailureReason, Stopped likewise. */
function waitForJob(ctx: AwsContext, sm: SageMakerHandle, name: string): Promise<DescribeTrainingJobCommandOutput> {
  // Not the SDK's TrainingJobCompletedOrStopped waiter: Stopped must fail here, and the job found is returned with progress shown (see pollUntil).
  return pollUntil(ctx, {
    what: "Completed",
    describe: () => describeJob(ctx, sm, name),
    evaluate: (job) => {
      if (job === undefined) return { status: "not visible yet" };
      const status = job.TrainingJobStatus;
      if (status === "Completed") return { done: true, value: job };
      if (status === "Failed") return { failed: `status Failed: ${job.FailureReason ?? "SageMaker gave no reason"}` };
      if (status === "Stopped") return { failed: "the job was stopped before it completed" };
      return { status: job.SecondaryStatus ? `${status} (${job.SecondaryStatus})` : (status ?? "unknown") };
    },
    delays: SAGEMAKER_DELAYS,
  });
}

function describeJob(ctx: AwsContext, sm: SageMakerHandle, TrainingJobName: string): Promise<DescribeTrainingJobCommandOutput | undefined> {
  return orMissing(call(ctx, "DescribeTrainingJob", () => sm.client.send(new sm.sdk.DescribeTrainingJobCommand({ TrainingJobName }))), isSageMakerNotFound);
}

async function deleteJob(ctx: AwsContext, name: string): Promise<void> {
  const sm = await ctx.clients.sagemaker();
  const job = await describeJob(ctx, sm, name);
  if (job === undefined) return;
  if (job.TrainingJobStatus === "InProgress") {
    ctx.call.progress("stopping the training job");
    await call(ctx, "StopTrainingJob", () => sm.client.send(new sm.sdk.StopTrainingJobCommand({ TrainingJobName: name })));
  }
  if (!TERMINAL.includes(job.TrainingJobStatus ?? "")) {
    // Not the SDK's TrainingJobCompletedOrStopped waiter: it fails on Failed, which counts as stopped here (see pollUntil).
    await pollUntil(ctx, {
      what: "a stopped job",
      describe: () => describeJob(ctx, sm, name),
      evaluate: (found) => (found === undefined || TERMINAL.includes(found.TrainingJobStatus ?? "") ? { done: true, value: undefined } : { status: found.TrainingJobStatus ?? "Stopping" }),
      delays: SAGEMAKER_DELAYS,
    });
  }
  const deleted = await orMissing(call(ctx, "DeleteTrainingJob", () => sm.client.send(new sm.sdk.DeleteTrainingJobCommand({ TrainingJobName: name }))), isSageMakerNotFound);
  if (deleted === undefined) return;
  await pollUntil(ctx, {
    what: "deletion",
    describe: () => describeJob(ctx, sm, name),
    evaluate: (found) => (found === undefined ? { done: true, value: undefined } : { status: found.TrainingJobStatus === "Deleting" ? "Deleting" : `${found.TrainingJobStatus}, deleting` }),
    delays: SAGEMAKER_DELAYS,
  });
}

async function readJob(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await ctx.clients.sagemaker();
  const job = await readConfirmed(ctx, () => describeJob(ctx, sm, name));
  if (job === undefined) return undefined;
  const imported = Object.keys(inputs).length === 0;
  const tags = job.TrainingJobArn ? await readTags(ctx, sm, job.TrainingJobArn) : {};
  // A job's definition cannot change after it starts: keep what was recorded, with the tags it has now.
  const current = imported ? { ...inputsFromJob(job), tags } : { ...typed<TrainingJobInputs>(inputs), tags };
  return { id: name, inputs: plain(current as never), outputs: outputsOf(current as TrainingJobInputs, job) };
}

function outputsOf(inputs: TrainingJobInputs, job: Partial<DescribeTrainingJobCommandOutput>): PropertyMap {
  return plain({
    ...inputs,
    name: job.TrainingJobName,
    arn: job.TrainingJobArn,
    status: job.TrainingJobStatus,
    modelArtifacts: job.ModelArtifacts?.S3ModelArtifacts,
    trainingTimeInSeconds: job.TrainingTimeInSeconds,
    billableTimeInSeconds: job.BillableTimeInSeconds,
  });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: TrainingJobInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SAGEMAKER_NAMES);
}
