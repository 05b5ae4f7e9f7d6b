import { appautoscalingHandlers } from "./appautoscaling/handlers.js";
import { autoscalingHandlers } from "./autoscaling/handlers.js";
import { ec2Handlers } from "./ec2/handlers.js";
import { iamHandlers } from "./iam/handlers.js";
import { lbHandlers } from "./lb/handlers.js";
import type { ServiceHandlers } from "./provider/registry.js";
import { s3Handlers } from "./s3/handlers.js";
import { sagemakerHandlers } from "./sagemaker/handlers.js";
import { cloudwatchHandlers } from "./cloudwatch/handlers.js";
import { dynamodbHandlers } from "./dynamodb/handlers.js";
import { ecrHandlers } from "./ecr/handlers.js";
import { kmsHandlers } from "./kms/handlers.js";
import { route53Handlers } from "./route53/handlers.js";
import { schedulerHandlers } from "./scheduler/handlers.js";
import { secretsmanagerHandlers } from "./secretsmanager/handlers.js";

/**
 * The services of the aws package. Each service lists its own handlers in its
 * folder's `handlers.ts`; this list only names the services. Handlers import
 * SDK types only, so loading them loads no SDK client.
 */
export const AWS_SERVICES: readonly ServiceHandlers[] = Object.freeze([
  s3Handlers,
  ec2Handlers,
  iamHandlers,
  sagemakerHandlers,
  dynamodbHandlers,
  ecrHandlers,
  schedulerHandlers,
  cloudwatchHandlers,
  route53Handlers,
  secretsmanagerHandlers,
  kmsHandlers,
  lbHandlers,
  autoscalingHandlers,
  appautoscalingHandlers,
]);
