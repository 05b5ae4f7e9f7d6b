import { ComponentResource, all, output, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import * as aws from "@cairn/aws";
import { pipelineDefinition } from "./pipeline-definition.js";

/** The arguments of a {@link Training}. */
export interface TrainingArgs {
  /** The training container image (an ECR URI); the registered model serves with it too. */
  readonly image: Input<string>;
  /** The registry's artifact bucket: data under `datasets/latest/`, artifacts to `models/`. */
  readonly artifactBucketName: Input<string>;
  /** The registry's model package group, where each run registers its model. */
  readonly modelPackageGroupName: Input<string>;
  /** The training instances' type. @default "ml.m5.xlarge" */
  readonly instanceType?: Input<string>;
  /** @default 1 */
  readonly instanceCount?: Input<number>;
  /** @default 50 */
  readonly volumeSizeInGb?: Input<number>;
  /** A run is stopped after this many hours. @default 4 */
  readonly maxRuntimeHours?: Input<number>;
  /** When to retrain: an EventBridge Scheduler expression. @default "cron(0 3 * * ? *)" (03:00 UTC daily) */
  readonly schedule?: Input<string>;
  /** The schedule's time zone. @default "UTC" */
  readonly scheduleTimezone?: Input<string>;
  /** Whether the schedule fires; the event rule fires either way. @default true */
  readonly scheduleEnabled?: Input<boolean>;
  /**
   * The EventBridge event that starts a run. @default a new object under
   * `datasets/` in the artifact bucket (the bucket must send events to EventBridge)
   */
  readonly eventPattern?: Input<Record<string, unknown>>;
  /** Run the training containers in these private subnets and security groups. @default not in a VPC */
  readonly vpc?: { readonly subnetIds: Input<readonly Input<string>[]>; readonly securityGroupIds: Input<readonly Input<string>[]> };
  /** How long the pipeline's log group keeps logs. @default 30 */
  readonly logRetentionDays?: Input<number>;
  /** Tags of every resource that takes tags, over the provider's default tags. @default {} */
  readonly tags?: Input<Record<string, string>>;
}

/**
 * Retraining of a model: a SageMaker pipeline (train, then register the
 * model as a new version in the registry, pending approval), started by a
 * schedule and by an EventBridge rule, with the roles they run as and a log
 * group. Nothing runs between runs: the pipeline's training instances exist
 * only while a run lasts.
 *
 * @example
 * const training = new Training("ranker-training", {
 *   image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/ranker-train:1.4",
 *   artifactBucketName: registry.bucketName,
 *   modelPackageGroupName: registry.modelPackageGroupName,
 *   schedule: "cron(0 3 ? * MON *)",
 * });
 */
export class Training extends ComponentResource {
  readonly pipelineName: Output<string>;
  readonly pipelineArn: Output<string>;
  /** The role the pipeline's steps run as. */
  readonly roleArn: Output<string>;
  readonly scheduleName: Output<string>;
  readonly ruleName: Output<string>;
  readonly logGroupName: Output<string>;

  constructor(name: string, args: TrainingArgs, opts: ComponentResourceOptions = {}) {
    super("cairn-ml:training/Training", name, {}, opts);
    const tags = args.tags ?? {};
    const child = { parent: this };
    const bucketArn = output(args.artifactBucketName).apply((bucket) => `arn:aws:s3:::${bucket}`);
    const logs = new aws.cloudwatch.LogGroup(`${name}-logs`, { retentionInDays: args.logRetentionDays ?? 30, tags }, child);
    const role = new aws.iam.Role(
      `${name}-runner`,
      { description: "Runs the training pipeline's steps", assumeRolePolicy: trust("sagemaker.amazonaws.com"), inlinePolicies: { train: trainPolicy(bucketArn, logs.arn) }, tags },
      child,
    );
    const pipeline = new aws.sagemaker.Pipeline(
      `${name}-pipeline`,
      {
        roleArn: role.arn,
        description: "Train on datasets/latest/, then register the model pending approval",
        definition: all({
          image: output(args.image),
          roleArn: role.arn,
          bucketName: output(args.artifactBucketName),
          modelPackageGroupName: output(args.modelPackageGroupName),
          instanceType: output(args.instanceType ?? "ml.m5.xlarge"),
          instanceCount: output(args.instanceCount ?? 1),
          volumeSizeInGb: output(args.volumeSizeInGb ?? 50),
          maxRuntimeSeconds: output(args.maxRuntimeHours ?? 4).apply((h) => Math.round(h * 3600)),
          vpc: args.vpc === undefined ? output(undefined) : all({ subnetIds: output(args.vpc.subnetIds), securityGroupIds: output(args.vpc.securityGroupIds) }),
        }).apply((s) => pipelineDefinition({ ...s, vpc: s.vpc as { subnetIds: string[]; securityGroupIds: string[] } | undefined })),
        tags,
      },
      child,
    );
    const starter = new aws.iam.Role(
      `${name}-starter`,
      {
        description: "Lets the schedule and the event rule start the training pipeline",
        assumeRolePolicy: trust("scheduler.amazonaws.com", "events.amazonaws.com"),
        inlinePolicies: { start: pipeline.arn.apply((arn) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sagemaker:StartPipelineExecution", Resource: arn }] })) },
        tags,
      },
      child,
    );
    const group = new aws.scheduler.ScheduleGroup(`${name}-schedules`, { tags }, child);
    const schedule = new aws.scheduler.Schedule(
      `${name}-retrain`,
      {
        groupName: group.name,
        scheduleExpression: args.schedule ?? "cron(0 3 * * ? *)",
        scheduleExpressionTimezone: args.scheduleTimezone ?? "UTC",
        state: output(args.scheduleEnabled ?? true).apply((on) => (on ? "ENABLED" : "DISABLED")),
        description: "Retrains on a schedule",
        target: { arn: pipeline.arn, roleArn: starter.arn, sagemakerPipelineParameters: [{ name: "TriggeredBy", value: "schedule" }] },
      },
      child,
    );
    const rule = new aws.cloudwatch.EventRule(
      `${name}-on-data`,
      { description: "Retrains when new training data arrives", eventPattern: args.eventPattern ?? output(args.artifactBucketName).apply(newDatasetPattern), tags },
      child,
    );
    new aws.cloudwatch.EventTarget(`${name}-on-data`, { rule: rule.name, arn: pipeline.arn, roleArn: starter.arn, sagemakerPipelineParameters: [{ name: "TriggeredBy", value: "event" }] }, child);

    this.pipelineName = pipeline.name;
    this.pipelineArn = pipeline.arn;
    this.roleArn = role.arn;
    this.scheduleName = schedule.name;
    this.ruleName = rule.name;
    this.logGroupName = logs.name;
    this.registerOutputs({ pipelineName: this.pipelineName, scheduleName: this.scheduleName, ruleName: this.ruleName, logGroupName: this.logGroupName });
  }
}

/** An S3 "Object Created" event for a key under `datasets/` in the bucket. */
function newDatasetPattern(bucket: string): Record<string, unknown> {
  return { source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [bucket] }, object: { key: [{ prefix: "datasets/" }] } } };
}

function trust(...services: string[]): aws.iam.PolicyDocumentArg {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: services }, Action: "sts:AssumeRole" }] };
}

function trainPolicy(bucketArn: Output<string>, logGroupArn: Output<string>): Output<aws.iam.PolicyDocumentArg> {
  return all([bucketArn, logGroupArn]).apply(([bucket, logGroup]) => ({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], Resource: [bucket, `${bucket}/*`] },
      { Effect: "Allow", Action: ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:CreateModelPackage", "sagemaker:AddTags"], Resource: "*" },
      { Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: "*" },
      { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroup}:*` },
      { Effect: "Allow", Action: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:Describe*"], Resource: "*" },
      { Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } } },
    ],
  }));
}
