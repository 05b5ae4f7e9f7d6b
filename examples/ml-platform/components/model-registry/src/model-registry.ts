import { ComponentResource, all, interpolate, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import * as aws from "@cairn/aws";

/** The arguments of a {@link ModelRegistry}. */
export interface ModelRegistryArgs {
  /** Days an overwritten artifact version is kept before S3 expires it. @default 90 */
  readonly noncurrentVersionExpirationDays?: number;
  /** Let `cairn destroy` empty the artifact bucket first (dev stacks); prod keeps this off. @default false */
  readonly forceDestroy?: boolean;
  /** Point-in-time recovery of the metadata table. @default true */
  readonly pointInTimeRecovery?: boolean;
  /** Shown in SageMaker's model registry. @default "Recommender models" */
  readonly description?: string;
  /**
   * Principals (account or role ARNs) allowed to assume the deployer role, such
   * as the CI system that approves models. SageMaker and Lambda may always assume it.
   * @default []
   */
  readonly deployerPrincipals?: readonly string[];
  /** Tags for every resource of the registry, over the provider's default tags. @default {} */
  readonly tags?: Input<Record<string, string>>;
}

/**
 * The model registry: a versioned S3 bucket for artifacts (`models/`,
 * `indexes/`), a DynamoDB table of model metadata (key: model name and
 * version), a SageMaker model package group that catalogues approved
 * versions, the role that models run as, and the role of the deployer that
 * rolls an approved version out to an endpoint.
 *
 * @example
 * const registry = new ModelRegistry("registry", { tags: { team: "ranking" } }, { protect: true });
 * export const artifacts = registry.artifactsUri;
 */
export class ModelRegistry extends ComponentResource {
  /** The artifact bucket's name. */
  readonly bucketName: Output<string>;
  readonly bucketArn: Output<string>;
  /** Where training writes model artifacts: `s3://<bucket>/models/`. */
  readonly artifactsUri: Output<string>;
  /** The metadata table's name. */
  readonly tableName: Output<string>;
  readonly tableArn: Output<string>;
  /** The SageMaker model package group's name. */
  readonly modelPackageGroupName: Output<string>;
  readonly modelPackageGroupArn: Output<string>;
  /** The role SageMaker models and training jobs run as: reads the bucket, pulls images. */
  readonly modelRoleArn: Output<string>;
  /** The role that rolls approved models out to endpoints. */
  readonly deployerRoleArn: Output<string>;

  constructor(name: string, args: ModelRegistryArgs = {}, opts: ComponentResourceOptions = {}) {
    super("cairn-ml:registry/ModelRegistry", name, {}, opts);
    const tags = args.tags ?? {};
    const bucket = new aws.s3.Bucket(
      `${name}-artifacts`,
      {
        versioning: true,
        lifecycleRules: [{ id: "expire-old-versions", noncurrentVersionExpirationDays: args.noncurrentVersionExpirationDays ?? 90 }],
        forceDestroy: args.forceDestroy ?? false,
        tags,
      },
      { parent: this },
    );
    const table = new aws.dynamodb.Table(
      `${name}-metadata`,
      {
        hashKey: "modelName",
        rangeKey: "version",
        attributes: [
          { name: "modelName", type: "S" },
          { name: "version", type: "S" },
          { name: "stage", type: "S" },
        ],
        globalSecondaryIndexes: [{ name: "by-stage", hashKey: "stage", rangeKey: "modelName" }],
        pointInTimeRecovery: { enabled: args.pointInTimeRecovery ?? true },
        tags,
      },
      { parent: this },
    );
    const group = new aws.sagemaker.ModelPackageGroup(`${name}-models`, { description: args.description ?? "Recommender models", tags }, { parent: this });
    const modelRole = new aws.iam.Role(
      `${name}-model`,
      { description: "SageMaker models and training jobs of the registry", assumeRolePolicy: trust(["sagemaker.amazonaws.com"], []), inlinePolicies: { artifacts: readArtifacts(bucket.arn) }, tags },
      { parent: this },
    );
    const deployer = new aws.iam.Role(
      `${name}-deployer`,
      {
        description: "Rolls approved model versions out to SageMaker endpoints",
        assumeRolePolicy: trust(["sagemaker.amazonaws.com", "lambda.amazonaws.com"], args.deployerPrincipals ?? []),
        inlinePolicies: { deploy: deployPolicy(bucket.arn, table.arn, group.arn, modelRole.arn) },
        tags,
      },
      { parent: this },
    );
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.artifactsUri = interpolate`s3://${bucket.bucket}/models/`;
    this.tableName = table.name;
    this.tableArn = table.arn;
    this.modelPackageGroupName = group.name;
    this.modelPackageGroupArn = group.arn;
    this.modelRoleArn = modelRole.arn;
    this.deployerRoleArn = deployer.arn;
    this.registerOutputs({
      bucketName: this.bucketName,
      artifactsUri: this.artifactsUri,
      tableName: this.tableName,
      modelPackageGroupName: this.modelPackageGroupName,
      modelRoleArn: this.modelRoleArn,
      deployerRoleArn: this.deployerRoleArn,
    });
  }
}

function trust(services: readonly string[], principals: readonly string[]): aws.iam.PolicyDocumentArg {
  const statements: unknown[] = [{ Effect: "Allow", Principal: { Service: [...services] }, Action: "sts:AssumeRole" }];
  if (principals.length > 0) statements.push({ Effect: "Allow", Principal: { AWS: [...principals] }, Action: "sts:AssumeRole" });
  return { Version: "2012-10-17", Statement: statements };
}

function readArtifacts(bucketArn: Output<string>): Output<aws.iam.PolicyDocumentArg> {
  return bucketArn.apply((arn) => ({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], Resource: [arn, `${arn}/*`] },
      { Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: "*" },
      { Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" },
    ],
  }));
}

function deployPolicy(bucketArn: Output<string>, tableArn: Output<string>, groupArn: Output<string>, modelRoleArn: Output<string>): Output<aws.iam.PolicyDocumentArg> {
  return all([bucketArn, tableArn, groupArn, modelRoleArn]).apply(([bucket, table, group, role]) => ({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [bucket, `${bucket}/*`] },
      { Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"], Resource: [table, `${table}/index/*`] },
      { Effect: "Allow", Action: ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages", "sagemaker:UpdateModelPackage"], Resource: [group, `${group.replace(":model-package-group/", ":model-package/")}/*`] },
      {
        Effect: "Allow",
        Action: ["sagemaker:CreateModel", "sagemaker:CreateEndpointConfig", "sagemaker:UpdateEndpoint", "sagemaker:DescribeEndpoint", "sagemaker:DescribeEndpointConfig", "sagemaker:AddTags"],
        Resource: "*",
      },
      { Effect: "Allow", Action: "iam:PassRole", Resource: role },
    ],
  }));
}
