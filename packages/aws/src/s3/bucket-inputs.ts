import type { CheckResult, PropertyMap } from "@cairn/core/provider";
import { bool, checkFields, list, num, record, str, type Fields } from "../check/spec.js";
import type { CheckEnv } from "../provider/handler.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";

/** Default encryption of a bucket. */
export interface BucketEncryption {
  readonly algorithm: "AES256" | "aws:kms" | "aws:kms:dsse";
  readonly kmsKeyId?: string;
  readonly bucketKeyEnabled?: boolean;
}

/** A bucket's public access block. */
export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

/** One lifecycle rule. */
export interface LifecycleRule {
  readonly id: string;
  readonly enabled: boolean;
  readonly prefix?: string;
  readonly expirationDays?: number;
  readonly noncurrentVersionExpirationDays?: number;
  readonly abortIncompleteMultipartUploadDays?: number;
  readonly transitions?: readonly { readonly days: number; readonly storageClass: string }[];
}

/** A bucket's inputs after check. */
export interface BucketInputs {
  readonly bucket?: string;
  readonly bucketPrefix?: string;
  readonly versioning: boolean;
  readonly serverSideEncryption: BucketEncryption;
  readonly publicAccessBlock: PublicAccessBlock;
  readonly lifecycleRules: readonly LifecycleRule[];
  readonly tags: Tags;
  readonly forceDestroy: boolean;
}

const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const STORAGE_CLASSES = ["STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE"];

const days = () => num({ integer: true, min: 1 });

/** The inputs of `aws:s3/Bucket`. */
export const BUCKET_FIELDS: Fields = {
  bucket: str({ pattern: BUCKET_NAME, expected: "a bucket name of 3–63 lower-case letters, digits, dots and hyphens" }),
  bucketPrefix: str({ pattern: /^[a-z0-9][a-z0-9.-]{0,36}$/, expected: "a prefix of at most 37 lower-case letters, digits, dots and hyphens" }),
  versioning: bool({ default: false }),
  serverSideEncryption: record(
    {
      algorithm: str({ required: true, oneOf: ["AES256", "aws:kms", "aws:kms:dsse"] }),
      kmsKeyId: str(),
      bucketKeyEnabled: bool(),
    },
    { default: { algorithm: "AES256" } },
  ),
  publicAccessBlock: record(
    {
      blockPublicAcls: bool({ default: true }),
      ignorePublicAcls: bool({ default: true }),
      blockPublicPolicy: bool({ default: true }),
      restrictPublicBuckets: bool({ default: true }),
    },
    { default: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } },
  ),
  lifecycleRules: list(
    record({
      id: str({ required: true, maxLength: 255 }),
      enabled: bool({ default: true }),
      prefix: str(),
      expirationDays: days(),
      noncurrentVersionExpirationDays: days(),
      abortIncompleteMultipartUploadDays: days(),
      transitions: list(record({ days: num({ integer: true, min: 0, required: true }), storageClass: str({ required: true, oneOf: STORAGE_CLASSES }) })),
    }),
    { default: [], maxItems: 1000 },
  ),
  tags: tagsField(),
  forceDestroy: bool({ default: false }),
};

/** Checks a bucket's inputs and merges the provider's default tags. */
export function checkBucket(inputs: PropertyMap, env: CheckEnv): CheckResult {
  const result = checkFields(BUCKET_FIELDS, inputs);
  const failures = [...result.failures];
  if (typeof inputs.bucket === "string" && typeof inputs.bucketPrefix === "string") {
    failures.push({ property: "bucketPrefix", reason: "give either bucket or bucketPrefix, not both" });
  }
  const checked = { ...result.inputs, tags: withDefaultTags(result.inputs.tags, env.settings.defaultTags) } as PropertyMap;
  return failures.length > 0 ? { inputs: checked, failures } : { inputs: checked };
}
