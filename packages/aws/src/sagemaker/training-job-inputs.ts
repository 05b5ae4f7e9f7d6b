import type { CreateTrainingJobCommandInput, DescribeTrainingJobCommandOutput } from "@aws-sdk/client-sagemaker";
import { bool, checkFields, list, num, record, str, stringMap, type Fields } from "../check/spec.js";
import { plain } from "../provider/handler.js";
import type { Tags } from "../tags.js";
import { tagsField } from "../tags.js";
import { SAGEMAKER_NAME } from "./common.js";

/** A training job's inputs after check. */
export interface TrainingJobInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly roleArn: string;
  readonly algorithmSpecification: { readonly trainingImage: string; readonly trainingInputMode: "File" | "Pipe" | "FastFile" };
  readonly inputDataConfig: readonly {
    readonly channelName: string;
    readonly s3Uri: string;
    readonly s3DataType: "S3Prefix" | "ManifestFile" | "AugmentedManifestFile";
    readonly s3DataDistributionType: "FullyReplicated" | "ShardedByS3Key";
    readonly contentType?: string;
  }[];
  readonly outputDataConfig: { readonly s3OutputPath: string; readonly kmsKeyId?: string };
  readonly resourceConfig: { readonly instanceType: string; readonly instanceCount: number; readonly volumeSizeInGb: number };
  readonly stoppingCondition: { readonly maxRuntimeInSeconds: number };
  readonly hyperParameters: Readonly<Record<string, string>>;
  readonly environment: Readonly<Record<string, string>>;
  readonly vpcConfig?: { readonly securityGroupIds: readonly string[]; readonly subnets: readonly string[] };
  readonly enableNetworkIsolation: boolean;
  readonly waitForCompletion: boolean;
  readonly tags: Tags;
}

const S3_URI = { pattern: /^s3:\/\//, expected: "an s3:// URI" };

/** The inputs of `aws:sagemaker/TrainingJob`. */
export const TRAINING_JOB_FIELDS: Fields = {
  name: str({ pattern: SAGEMAKER_NAME, expected: "a name of letters, digits and hyphens (at most 63)" }),
  namePrefix: str({ pattern: /^[a-zA-Z0-9-]{1,54}$/, expected: "a prefix of letters, digits and hyphens (at most 54)" }),
  roleArn: str({ required: true, pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, expected: "an IAM role ARN" }),
  algorithmSpecification: record(
    { trainingImage: str({ required: true }), trainingInputMode: str({ oneOf: ["File", "Pipe", "FastFile"], default: "File" }) },
    { required: true },
  ),
  inputDataConfig: list(
    record({
      channelName: str({ required: true }),
      s3Uri: str({ required: true, ...S3_URI }),
      s3DataType: str({ oneOf: ["S3Prefix", "ManifestFile", "AugmentedManifestFile"], default: "S3Prefix" }),
      s3DataDistributionType: str({ oneOf: ["FullyReplicated", "ShardedByS3Key"], default: "FullyReplicated" }),
      contentType: str(),
    }),
    { default: [], maxItems: 20 },
  ),
  outputDataConfig: record({ s3OutputPath: str({ required: true, ...S3_URI }), kmsKeyId: str() }, { required: true }),
  resourceConfig: record(
    {
      instanceType: str({ required: true, pattern: /^ml\.[a-z0-9]+\.[a-z0-9]+$/, expected: "an ML instance type such as ml.m5.xlarge" }),
      instanceCount: num({ integer: true, min: 1, default: 1 }),
      volumeSizeInGb: num({ integer: true, min: 1, default: 30 }),
    },
    { required: true },
  ),
  stoppingCondition: record({ maxRuntimeInSeconds: num({ integer: true, min: 1, default: 86_400 }) }, { default: { maxRuntimeInSeconds: 86_400 } }),
  hyperParameters: stringMap({ default: {}, maxEntries: 100 }),
  environment: stringMap({ default: {}, maxEntries: 100 }),
  vpcConfig: record({ securityGroupIds: list(str(), { required: true, minItems: 1 }), subnets: list(str(), { required: true, minItems: 1 }) }),
  enableNetworkIsolation: bool({ default: false }),
  waitForCompletion: bool({ default: true }),
  tags: tagsField(),
};

/** Checks a training job's inputs. */
export function checkTrainingJobFields(inputs: Parameters<typeof checkFields>[1]) {
  return checkFields(TRAINING_JOB_FIELDS, inputs);
}

/** The CreateTrainingJob request for a job's inputs. */
export function createRequest(name: string, inputs: TrainingJobInputs, tags: CreateTrainingJobCommandInput["Tags"]): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: name,
    RoleArn: inputs.roleArn,
    AlgorithmSpecification: { TrainingImage: inputs.algorithmSpecification.trainingImage, TrainingInputMode: inputs.algorithmSpecification.trainingInputMode },
    InputDataConfig: inputs.inputDataConfig.length
      ? inputs.inputDataConfig.map((c) => ({
          ChannelName: c.channelName,
          ContentType: c.contentType,
          DataSource: { S3DataSource: { S3Uri: c.s3Uri, S3DataType: c.s3DataType, S3DataDistributionType: c.s3DataDistributionType } },
        }))
      : undefined,
    OutputDataConfig: { S3OutputPath: inputs.outputDataConfig.s3OutputPath, KmsKeyId: inputs.outputDataConfig.kmsKeyId },
    ResourceConfig: { InstanceType: inputs.resourceConfig.instanceType as never, InstanceCount: inputs.resourceConfig.instanceCount, VolumeSizeInGB: inputs.resourceConfig.volumeSizeInGb },
    StoppingCondition: { MaxRuntimeInSeconds: inputs.stoppingCondition.maxRuntimeInSeconds },
    HyperParameters: Object.keys(inputs.hyperParameters).length ? { ...inputs.hyperParameters } : undefined,
    Environment: Object.keys(inputs.environment).length ? { ...inputs.environment } : undefined,
    VpcConfig: inputs.vpcConfig === undefined ? undefined : { SecurityGroupIds: [...inputs.vpcConfig.securityGroupIds], Subnets: [...inputs.vpcConfig.subnets] },
    EnableNetworkIsolation: inputs.enableNetworkIsolation || undefined,
    Tags: tags,
  };
}

/** A job's inputs as SageMaker describes it, for import. */
export function inputsFromJob(job: DescribeTrainingJobCommandOutput): Omit<TrainingJobInputs, "tags"> {
  return plain({
    name: job.TrainingJobName,
    roleArn: job.RoleArn,
    algorithmSpecification: { trainingImage: job.AlgorithmSpecification?.TrainingImage, trainingInputMode: job.AlgorithmSpecification?.TrainingInputMode ?? "File" },
    inputDataConfig: (job.InputDataConfig ?? []).map((c) =>
      plain({
        channelName: c.ChannelName,
        s3Uri: c.DataSource?.S3DataSource?.S3Uri,
        s3DataType: c.DataSource?.S3DataSource?.S3DataType ?? "S3Prefix",
        s3DataDistributionType: c.DataSource?.S3DataSource?.S3DataDistributionType ?? "FullyReplicated",
        contentType: c.ContentType,
      }),
    ),
    outputDataConfig: plain({ s3OutputPath: job.OutputDataConfig?.S3OutputPath, kmsKeyId: job.OutputDataConfig?.KmsKeyId || undefined }),
    resourceConfig: { instanceType: job.ResourceConfig?.InstanceType, instanceCount: job.ResourceConfig?.InstanceCount ?? 1, volumeSizeInGb: job.ResourceConfig?.VolumeSizeInGB ?? 30 },
    stoppingCondition: { maxRuntimeInSeconds: job.StoppingCondition?.MaxRuntimeInSeconds ?? 86_400 },
    hyperParameters: job.HyperParameters ?? {},
    environment: job.Environment ?? {},
    enableNetworkIsolation: job.EnableNetworkIsolation ?? false,
    waitForCompletion: true,
  }) as unknown as Omit<TrainingJobInputs, "tags">;
}
