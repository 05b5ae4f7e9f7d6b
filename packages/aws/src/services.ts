import { ec2Handlers } from "./ec2/handlers.js";
import { iamHandlers } from "./iam/handlers.js";
import { lbHandlers } from "./lb/handlers.js";
import type { ServiceHandlers } from "./provider/registry.js";
import { s3Handlers } from "./s3/handlers.js";
import { sagemakerHandlers } from "./sagemaker/handlers.js";

/**
 * The services of the aws package. Each service lists its own handlers in its
 * folder's `handlers.ts`; this list only names the services. Handlers import
 * SDK types only, so loading them loads no SDK client.
 */
export const AWS_SERVICES: readonly ServiceHandlers[] = Object.freeze([s3Handlers, ec2Handlers, iamHandlers, sagemakerHandlers, lbHandlers]);
