import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const BUCKET: ResourceType = { token: "aws:s3/Bucket", package: cairnPackage };

/** One lifecycle rule of a bucket. */
export interface BucketLifecycleRuleArgs {
  /** The rule's id, unique in the bucket. */
  readonly id: string;
  /** @default true */
  readonly enabled?: boolean;
  /** Only objects whose key starts with this. @default every object */
  readonly prefix?: string;
  /** Delete current versions this many days after creation. @default never */
  readonly expirationDays?: number;
  /** Delete noncurrent versions this many days after they become noncurrent. @default never */
  readonly noncurrentVersionExpirationDays?: number;
  /** Abort unfinished multipart uploads after this many days. @default never */
  readonly abortIncompleteMultipartUploadDays?: number;
  /** Move objects to another storage class after some days. @default none */
  readonly transitions?: readonly { readonly days: number; readonly storageClass: "STANDARD_IA" | "ONEZONE_IA" | "INTELLIGENT_TIERING" | "GLACIER" | "GLACIER_IR" | "DEEP_ARCHIVE" }[];
}

/** The arguments of {@link Bucket}. */
export interface BucketArgs {
  /** The bucket's name; changing it replaces the bucket. @default the logical name and a random suffix */
  readonly bucket?: Input<string>;
  /** A prefix for a generated name; changing it replaces the bucket. @default the logical name and "-" */
  readonly bucketPrefix?: Input<string>;
  /** Keep every version of every object. Turning it off suspends versioning. @default false */
  readonly versioning?: Input<boolean>;
  /** Default encryption of new objects. @default { algorithm: "AES256" } (SSE-S3, as AWS does) */
  readonly serverSideEncryption?: Input<{
    readonly algorithm: "AES256" | "aws:kms" | "aws:kms:dsse";
    /** The KMS key for `aws:kms`. @default the AWS-managed key */
    readonly kmsKeyId?: string;
    readonly bucketKeyEnabled?: boolean;
  }>;
  /** The public access block; each flag defaults to true (no public access). */
  readonly publicAccessBlock?: Input<{
    readonly blockPublicAcls?: boolean;
    readonly ignorePublicAcls?: boolean;
    readonly blockPublicPolicy?: boolean;
    readonly restrictPublicBuckets?: boolean;
  }>;
  /** Lifecycle rules. @default none */
  readonly lifecycleRules?: Input<readonly BucketLifecycleRuleArgs[]>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
  /** On delete, first delete every object and object version. @default false (deleting a non-empty bucket fails) */
  readonly forceDestroy?: Input<boolean>;
}

/**
 * An S3 bucket with its versioning, default encryption, public access block,
 * lifecycle rules and tags.
 *
 * Native twin: `aws:native.s3/Bucket` (`@cairn/aws/native/s3`); never let both manage one object.
 *
 * @example
 * const artifacts = new aws.s3.Bucket("artifacts", { versioning: true, tags: { team: "ml" } });
 * export const bucketName = artifacts.bucket;
 */
export class Bucket extends CustomResource {
  /** The bucket's name. */
  readonly bucket: Output<string> = this.getOutput("bucket");
  /** The bucket's ARN. */
  readonly arn: Output<string> = this.getOutput("arn");
  /** The region the bucket lives in. */
  readonly region: Output<string> = this.getOutput("region");
  /** `<bucket>.s3.amazonaws.com`. */
  readonly bucketDomainName: Output<string> = this.getOutput("bucketDomainName");
  /** `<bucket>.s3.<region>.amazonaws.com`. */
  readonly bucketRegionalDomainName: Output<string> = this.getOutput("bucketRegionalDomainName");
  /** Whether versioning is on. */
  readonly versioning: Output<boolean> = this.getOutput("versioning");
  /** The tags, the provider's default tags included. */
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: BucketArgs = {}, opts: CustomResourceOptions = {}) {
    super(BUCKET, name, args as Record<string, unknown>, opts);
  }
}
