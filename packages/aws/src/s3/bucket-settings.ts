import type { LifecycleRule as AwsLifecycleRule } from "@aws-sdk/client-s3";
import { call } from "../runtime/call.js";
import type { S3Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, toTagList, type Tags } from "../tags.js";
import type { BucketEncryption, BucketInputs, LifecycleRule, PublicAccessBlock } from "./bucket-inputs.js";
import { isNoSuchBucket, isSettingAbsent } from "./errors.js";

/** The bucket settings Cairn manages after the bucket exists. */
export type BucketSetting = "versioning" | "serverSideEncryption" | "publicAccessBlock" | "lifecycleRules" | "tags";

/** Every setting, in the order they are applied. */
export const BUCKET_SETTINGS: readonly BucketSetting[] = ["publicAccessBlock", "serverSideEncryption", "versioning", "lifecycleRules", "tags"];

/**
 * Applies one setting. A fresh bucket may answer NoSuchBucket to its first
 * settings calls (eventual consistency); those are retried for a minute.
 */
export async function applySetting(ctx: AwsContext, s3: S3Handle, bucket: string, setting: BucketSetting, inputs: BucketInputs, fresh: boolean): Promise<void> {
  const retryIf = isNoSuchBucket;
  await retrying(ctx, () => APPLY[setting](ctx, s3, bucket, inputs, fresh), { retryIf });
}

type Apply = (ctx: AwsContext, s3: S3Handle, bucket: string, inputs: BucketInputs, fresh: boolean) => Promise<unknown>;

const APPLY: Readonly<Record<BucketSetting, Apply>> = {
  versioning: (ctx, { client, sdk }, Bucket, inputs, fresh) => {
    // A bucket that never had versioning needs no call; one that had it can only be suspended.
    if (!inputs.versioning && fresh) return Promise.resolve();
    const Status = inputs.versioning ? "Enabled" : "Suspended";
    return call(ctx, "PutBucketVersioning", () => client.send(new sdk.PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status } })));
  },
  serverSideEncryption: (ctx, { client, sdk }, Bucket, { serverSideEncryption: sse }) =>
    call(ctx, "PutBucketEncryption", () =>
      client.send(
        new sdk.PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [
              {
                ApplyServerSideEncryptionByDefault: { SSEAlgorithm: sse.algorithm, KMSMasterKeyID: sse.kmsKeyId },
                BucketKeyEnabled: sse.bucketKeyEnabled,
              },
            ],
          },
        }),
      ),
    ),
  publicAccessBlock: (ctx, { client, sdk }, Bucket, { publicAccessBlock: b }) =>
    call(ctx, "PutPublicAccessBlock", () =>
      client.send(
        new sdk.PutPublicAccessBlockCommand({
          Bucket,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: b.blockPublicAcls,
            IgnorePublicAcls: b.ignorePublicAcls,
            BlockPublicPolicy: b.blockPublicPolicy,
            RestrictPublicBuckets: b.restrictPublicBuckets,
          },
        }),
      ),
    ),
  lifecycleRules: (ctx, { client, sdk }, Bucket, { lifecycleRules }, fresh) => {
    if (lifecycleRules.length === 0) {
      if (fresh) return Promise.resolve();
      return call(ctx, "DeleteBucketLifecycle", () => client.send(new sdk.DeleteBucketLifecycleCommand({ Bucket })));
    }
    const LifecycleConfiguration = { Rules: lifecycleRules.map(toAwsRule) };
    return call(ctx, "PutBucketLifecycleConfiguration", () => client.send(new sdk.PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration })));
  },
  tags: (ctx, { client, sdk }, Bucket, { tags }, fresh) => {
    if (Object.keys(tags).length === 0) {
      if (fresh) return Promise.resolve();
      return call(ctx, "DeleteBucketTagging", () => client.send(new sdk.DeleteBucketTaggingCommand({ Bucket })));
    }
    return call(ctx, "PutBucketTagging", () => client.send(new sdk.PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: toTagList(tags) } })));
  },
};

function toAwsRule(rule: LifecycleRule): AwsLifecycleRule {
  return {
    ID: rule.id,
    Status: rule.enabled ? "Enabled" : "Disabled",
    Filter: { Prefix: rule.prefix ?? "" },
    Expiration: rule.expirationDays === undefined ? undefined : { Days: rule.expirationDays },
    NoncurrentVersionExpiration: rule.noncurrentVersionExpirationDays === undefined ? undefined : { NoncurrentDays: rule.noncurrentVersionExpirationDays },
    AbortIncompleteMultipartUpload:
      rule.abortIncompleteMultipartUploadDays === undefined ? undefined : { DaysAfterInitiation: rule.abortIncompleteMultipartUploadDays },
    Transitions: rule.transitions?.map((t) => ({ Days: t.days, StorageClass: t.storageClass as never })),
  };
}

function fromAwsRule(rule: AwsLifecycleRule): LifecycleRule {
  const out: { -readonly [K in keyof LifecycleRule]: LifecycleRule[K] } = { id: rule.ID ?? "", enabled: rule.Status === "Enabled" };
  const prefix = rule.Filter?.Prefix ?? rule.Prefix;
  if (prefix) out.prefix = prefix;
  if (rule.Expiration?.Days !== undefined) out.expirationDays = rule.Expiration.Days;
  if (rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined) out.noncurrentVersionExpirationDays = rule.NoncurrentVersionExpiration.NoncurrentDays;
  if (rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation !== undefined) {
    out.abortIncompleteMultipartUploadDays = rule.AbortIncompleteMultipartUpload.DaysAfterInitiation;
  }
  if (rule.Transitions?.length) out.transitions = rule.Transitions.map((t) => ({ days: t.Days ?? 0, storageClass: String(t.StorageClass) }));
  return out;
}

/** The settings as the bucket has them now. */
export async function readSettings(ctx: AwsContext, { client, sdk }: S3Handle, Bucket: string): Promise<Omit<BucketInputs, "bucket" | "bucketPrefix" | "forceDestroy">> {
  const absent = isSettingAbsent;
  const [versioning, encryption, block, lifecycle, tagging] = await Promise.all([
    call(ctx, "GetBucketVersioning", () => client.send(new sdk.GetBucketVersioningCommand({ Bucket }))),
    orMissing(call(ctx, "GetBucketEncryption", () => client.send(new sdk.GetBucketEncryptionCommand({ Bucket }))), absent),
    orMissing(call(ctx, "GetPublicAccessBlock", () => client.send(new sdk.GetPublicAccessBlockCommand({ Bucket }))), absent),
    orMissing(call(ctx, "GetBucketLifecycleConfiguration", () => client.send(new sdk.GetBucketLifecycleConfigurationCommand({ Bucket }))), absent),
    orMissing(call(ctx, "GetBucketTagging", () => client.send(new sdk.GetBucketTaggingCommand({ Bucket }))), absent),
  ]);
  const rule = encryption?.ServerSideEncryptionConfiguration?.Rules?.[0];
  const pab = block?.PublicAccessBlockConfiguration;
  return {
    versioning: versioning.Status === "Enabled",
    serverSideEncryption: readEncryption(rule),
    publicAccessBlock: {
      blockPublicAcls: pab?.BlockPublicAcls ?? false,
      ignorePublicAcls: pab?.IgnorePublicAcls ?? false,
      blockPublicPolicy: pab?.BlockPublicPolicy ?? false,
      restrictPublicBuckets: pab?.RestrictPublicBuckets ?? false,
    } satisfies PublicAccessBlock,
    lifecycleRules: (lifecycle?.Rules ?? []).map(fromAwsRule),
    tags: fromTagList(tagging?.TagSet) as Tags,
  };
}

function readEncryption(
  rule: { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string; KMSMasterKeyID?: string }; BucketKeyEnabled?: boolean } | undefined,
): BucketEncryption {
  const byDefault = rule?.ApplyServerSideEncryptionByDefault;
  const out: { -readonly [K in keyof BucketEncryption]: BucketEncryption[K] } = { algorithm: (byDefault?.SSEAlgorithm ?? "AES256") as BucketEncryption["algorithm"] };
  if (byDefault?.KMSMasterKeyID) out.kmsKeyId = byDefault.KMSMasterKeyID;
  if (rule?.BucketKeyEnabled) out.bucketKeyEnabled = true;
  return out;
}
