import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const BUCKET_OBJECT: ResourceType = { token: "aws:s3/BucketObject", package: cairnPackage };

/** The arguments of {@link BucketObject}. Give exactly one of `content` and `source`. */
export interface BucketObjectArgs {
  /** The bucket's name; changing it replaces the object. */
  readonly bucket: Input<string>;
  /** The object's key; changing it replaces the object. */
  readonly key: Input<string>;
  /** The object's content, as UTF-8 text. */
  readonly content?: Input<string>;
  /** A file to upload, relative to the program's folder; editing the file updates the object. */
  readonly source?: Input<string>;
  /** @default from the key's extension, else "application/octet-stream" */
  readonly contentType?: Input<string>;
  /** Object tags (at most 10), merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An object in an S3 bucket, from inline content or a local file. Deleting
 * it deletes the current version; a versioned bucket keeps the history.
 *
 * @example
 * new aws.s3.BucketObject("config", { bucket: artifacts.bucket, key: "config.json", content: JSON.stringify({ lr: 0.01 }) });
 */
export class BucketObject extends CustomResource {
  readonly bucket: Output<string> = this.getOutput("bucket");
  readonly key: Output<string> = this.getOutput("key");
  /** The object's ETag, without quotes (the MD5 of the content for a simple upload). */
  readonly etag: Output<string> = this.getOutput("etag");
  /** The version written, in a versioned bucket. */
  readonly versionId: Output<string | undefined> = this.getOutput("versionId");
  readonly contentType: Output<string> = this.getOutput("contentType");

  constructor(name: string, args: BucketObjectArgs, opts: CustomResourceOptions = {}) {
    super(BUCKET_OBJECT, name, args as unknown as Record<string, unknown>, opts);
  }
}
