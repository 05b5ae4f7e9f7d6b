import { bucketHandler } from "../s3/bucket-handler.js";
import { bucketObjectHandler } from "../s3/bucket-object-handler.js";
import type { DataSourceHandler, ResourceHandler } from "./handler.js";

/** Every resource type of the aws package. */
export const RESOURCE_HANDLERS: readonly ResourceHandler[] = Object.freeze([bucketHandler, bucketObjectHandler]);

/** Every data source of the aws package. */
export const DATA_SOURCES: readonly DataSourceHandler[] = Object.freeze([]);
