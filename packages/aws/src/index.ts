/**
 * @cairn/aws — AWS resources for Cairn: networking, compute and fleets, load balancing, SageMaker, data, scheduling, operations and IAM; native types through Cloud Control.
 */
export { cairnPackage } from "./package.js";
export { VERSION } from "./version.js";
export { Provider, type ProviderArgs } from "./provider-resource.js";
export * as s3 from "./s3/index.js";
export * as ec2 from "./ec2/index.js";
export * as iam from "./iam/index.js";
export { S3StateStore, openS3StateStore, parseS3BackendUrl, s3BackendUrl, DynamoDbLockTable, S3ObjectLock, DEFAULT_LOCK_REFRESH_MS, DEFAULT_LOCK_TTL_MS, type BackendClientOptions, type LockTiming, type S3BackendLocation, type S3StateStoreOptions, type StackLocker } from "./backend/index.js";
export * as sagemaker from "./sagemaker/index.js";
export * as lb from "./lb/index.js";
export * as autoscaling from "./autoscaling/index.js";
export * as appautoscaling from "./appautoscaling/index.js";
export * as dynamodb from "./dynamodb/index.js";
export * as ecr from "./ecr/index.js";
export * as scheduler from "./scheduler/index.js";
export * as cloudwatch from "./cloudwatch/index.js";
export * as route53 from "./route53/index.js";
export * as secretsmanager from "./secretsmanager/index.js";
export * as kms from "./kms/index.js";
export { awsKmsSecretsProvider } from "./kms/secrets-provider.js";
