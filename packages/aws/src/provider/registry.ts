import { instanceHandler } from "../ec2/instance-handler.js";
import { getAmiHandler, getSubnetsHandler, getVpcHandler } from "../ec2/lookup-handlers.js";
import { securityGroupHandler } from "../ec2/security-group-handler.js";
import { subnetHandler } from "../ec2/subnet-handler.js";
import { vpcHandler } from "../ec2/vpc-handler.js";
import { instanceProfileHandler } from "../iam/instance-profile-handler.js";
import { roleHandler } from "../iam/role-handler.js";
import { bucketHandler } from "../s3/bucket-handler.js";
import { endpointConfigHandler } from "../sagemaker/endpoint-config-handler.js";
import { endpointHandler } from "../sagemaker/endpoint-handler.js";
import { modelHandler } from "../sagemaker/model-handler.js";
import { modelPackageGroupHandler } from "../sagemaker/model-package-group-handler.js";
import { notebookInstanceHandler } from "../sagemaker/notebook-instance-handler.js";
import { trainingJobHandler } from "../sagemaker/training-job-handler.js";
import { bucketObjectHandler } from "../s3/bucket-object-handler.js";
import type { DataSourceHandler, ResourceHandler } from "./handler.js";

/** Every resource type of the aws package. */
export const RESOURCE_HANDLERS: readonly ResourceHandler[] = Object.freeze([
  bucketHandler,
  bucketObjectHandler,
  vpcHandler,
  subnetHandler,
  securityGroupHandler,
  instanceHandler,
  roleHandler,
  instanceProfileHandler,
  modelHandler,
  endpointConfigHandler,
  endpointHandler,
  modelPackageGroupHandler,
  notebookInstanceHandler,
  trainingJobHandler,
]);

/** Every data source of the aws package. */
export const DATA_SOURCES: readonly DataSourceHandler[] = Object.freeze([getVpcHandler, getSubnetsHandler, getAmiHandler]);
