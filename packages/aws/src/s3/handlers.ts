import type { ServiceHandlers } from "../provider/registry.js";
import { bucketHandler } from "./bucket-handler.js";
import { bucketObjectHandler } from "./bucket-object-handler.js";

/** S3's resource types. */
export const s3Handlers: ServiceHandlers = {
  service: "s3",
  resources: [bucketHandler, bucketObjectHandler],
};
