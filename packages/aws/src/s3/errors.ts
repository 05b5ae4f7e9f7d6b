import { hasAwsCode } from "../errors.js";

/** Whether S3 says the bucket does not exist (HeadBucket answers a bare 404). */
export function isNoSuchBucket(error: unknown): boolean {
  return hasAwsCode(error, ["NoSuchBucket", "NotFound"], 404);
}

/** Whether S3 says a bucket setting is not configured (as opposed to the bucket missing). */
export function isSettingAbsent(error: unknown): boolean {
  return hasAwsCode(error, [
    "NoSuchTagSet",
    "NoSuchTagSetError",
    "ServerSideEncryptionConfigurationNotFoundError",
    "NoSuchPublicAccessBlockConfiguration",
    "NoSuchLifecycleConfiguration",
  ]);
}
