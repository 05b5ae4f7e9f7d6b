/** The S3 state backend: state, journal and backups in S3; locks in S3 or DynamoDB. */
export { S3StateStore, type S3StateStoreOptions } from "./s3-state-store.js";
export { parseS3BackendUrl, s3BackendUrl, type S3BackendLocation } from "./backend-url.js";
export { openS3StateStore } from "./open-backend.js";
export { DynamoDbLockTable } from "./dynamodb-lock.js";
export { S3ObjectLock } from "./s3-lock.js";
export type { StackLocker, LockTiming } from "./stack-locker.js";
export type { BackendClientOptions } from "./backend-clients.js";
export { DEFAULT_LOCK_REFRESH_MS, DEFAULT_LOCK_TTL_MS } from "./lock-record.js";
