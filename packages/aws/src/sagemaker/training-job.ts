import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const TRAINING_JOB: ResourceType = { token: "aws:sagemaker/TrainingJob", package: cairnPackage };

/** The arguments of {@link TrainingJob}. Every change but `tags` and `waitForCompletion` starts a new job. */
export interface TrainingJobArgs {
  /** The role the job runs as. */
  readonly roleArn: Input<string>;
  readonly algorithmSpecification: Input<{ readonly trainingImage: Input<string>; /** @default "File" */ readonly trainingInputMode?: "File" | "Pipe" | "FastFile" }>;
  /** Where the job writes model artifacts. */
  readonly outputDataConfig: Input<{ readonly s3OutputPath: Input<string>; readonly kmsKeyId?: Input<string> }>;
  /** The instances it trains on. */
  readonly resourceConfig: Input<{ readonly instanceType: Input<string>; /** @default 1 */ readonly instanceCount?: number; /** @default 30 */ readonly volumeSizeInGb?: number }>;
  /** Input channels from S3. @default none */
  readonly inputDataConfig?: Input<
    readonly Input<{
      readonly channelName: string;
      readonly s3Uri: Input<string>;
      /** @default "S3Prefix" */
      readonly s3DataType?: "S3Prefix" | "ManifestFile" | "AugmentedManifestFile";
      /** @default "FullyReplicated" */
      readonly s3DataDistributionType?: "FullyReplicated" | "ShardedByS3Key";
      readonly contentType?: string;
    }>[]
  >;
  /** @default { maxRuntimeInSeconds: 86400 } */
  readonly stoppingCondition?: Input<{ readonly maxRuntimeInSeconds: number }>;
  /** @default none */
  readonly hyperParameters?: Input<Readonly<Record<string, Input<string>>>>;
  /** @default none */
  readonly environment?: Input<Readonly<Record<string, Input<string>>>>;
  /** @default none */
  readonly vpcConfig?: Input<{ readonly securityGroupIds: Input<readonly Input<string>[]>; readonly subnets: Input<readonly Input<string>[]> }>;
  /** @default false */
  readonly enableNetworkIsolation?: Input<boolean>;
  /** Wait for the job to complete (and fail the step if it fails). @default true */
  readonly waitForCompletion?: Input<boolean>;
  /** @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A SageMaker training job as a resource: creating it starts the job and, by
 * default, waits until it completes, so `modelArtifacts` can feed a Model.
 * Updating it only changes tags (any other change starts a new job, as a
 * replacement); deleting it stops the job if it still runs and deletes the
 * job's record. Artifacts in S3 are left alone.
 *
 * @example
 * const job = new aws.sagemaker.TrainingJob("ranker-v3", {
 *   roleArn: role.arn,
 *   algorithmSpecification: { trainingImage },
 *   outputDataConfig: { s3OutputPath: interpolate`s3://${bucket.bucket}/training/` },
 *   resourceConfig: { instanceType: "ml.g5.xlarge" },
 *   hyperParameters: { epochs: "10" },
 * });
 */
export class TrainingJob extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The job's name. */
  readonly name: Output<string> = this.getOutput("name");
  /** InProgress, Completed, Failed or Stopped. */
  readonly status: Output<string> = this.getOutput("status");
  /** The s3:// URL of the model.tar.gz the job wrote. */
  readonly modelArtifacts: Output<string | undefined> = this.getOutput("modelArtifacts");

  constructor(name: string, args: TrainingJobArgs, opts: CustomResourceOptions = {}) {
    super(TRAINING_JOB, name, args as unknown as Record<string, unknown>, opts);
  }
}
