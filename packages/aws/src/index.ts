/**
 * @cairn/aws — AWS resources for Cairn: S3, EC2, SageMaker and IAM.
 */
export { cairnPackage } from "./package.js";
export { VERSION } from "./version.js";
export { Provider, type ProviderArgs } from "./provider-resource.js";
export * as s3 from "./s3/index.js";
export * as ec2 from "./ec2/index.js";
export * as iam from "./iam/index.js";
