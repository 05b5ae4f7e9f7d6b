import { createReadStream, type ReadStream } from "node:fs";
import { CairnError } from "@cairn/core";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { BUCKET_OBJECT_FIELDS, checkBucketObject, sourcePath, sourceSize, type BucketObjectInputs } from "./bucket-object-inputs.js";
import { echoingInputs } from "../provider/secrecy.js";
import { isNoSuchBucket } from "./errors.js";

/** The provider side of `aws:s3/BucketObject`; the id is `<bucket>/<key>`. */
export const bucketObjectHandler: ResourceHandler = {
  token: "aws:s3/BucketObject",
  schema: {
    replaceOnChanges: ["bucket", "key"],
    stableOutputs: ["id", "bucket", "key"],
    // The ETag is the content's digest; a version id is S3's own.
    derivedFrom: echoingInputs(BUCKET_OBJECT_FIELDS, { contentType: ["contentType", "key"], sourceHash: ["source"], etag: ["content", "source"], versionId: [] }),
  },
  parameterHints: { ContentType: "contentType", tagging: "tags", key: "key", bucket: "bucket" },
  check: checkBucketObject,
  create: (ctx, inputs) => putObject(ctx, typed<BucketObjectInputs>(inputs)).then((outputs) => ({ id: idOf(typed(inputs)), outputs })),
  read: readObject,
  update: (ctx, _id, _olds, news) => putObject(ctx, typed<BucketObjectInputs>(news)),
  delete: deleteObject,
};

function idOf(inputs: BucketObjectInputs): string {
  return `${inputs.bucket}/${inputs.key}`;
}

function splitId(id: string): { bucket: string; key: string } {
  const slash = id.indexOf("/");
  if (slash <= 0) throw new CairnError("INVALID_ARGUMENT", `An S3 object id looks like "<bucket>/<key>", got ${JSON.stringify(id)}.`);
  return { bucket: id.slice(0, slash), key: id.slice(slash + 1) };
}

async function putObject(ctx: AwsContext, inputs: BucketObjectInputs): Promise<PropertyMap> {
  const s3 = await ctx.clients.s3();
  const tagging = new URLSearchParams(Object.entries(inputs.tags)).toString();
  const out = await retrying(
    ctx,
    async () => {
      const body = await bodyOf(ctx, inputs);
      return call(ctx, "PutObject", () =>
        s3.client.send(
          new s3.sdk.PutObjectCommand({
            Bucket: inputs.bucket,
            Key: inputs.key,
            ContentType: inputs.contentType,
            Tagging: tagging === "" ? undefined : tagging,
            ...body,
          }),
        ),
      );
    },
    // The bucket may have been created a moment ago.
    { retryIf: isNoSuchBucket, budgetMs: 30_000 },
  );
  return outputsOf(inputs, unquote(out.ETag), out.VersionId);
}

async function bodyOf(ctx: AwsContext, inputs: BucketObjectInputs): Promise<{ Body: Buffer | ReadStream; ContentLength?: number }> {
  if (inputs.source === undefined) return { Body: Buffer.from(inputs.content ?? "", "utf8") };
  const path = sourcePath(inputs.source, ctx.settings.projectDir);
  return { Body: createReadStream(path), ContentLength: await sourceSize(path) };
}

async function readObject(ctx: AwsContext, id: string, inputs: PropertyMap, outputs: PropertyMap): Promise<ReadResult | undefined> {
  const { bucket, key } = splitId(id);
  const s3 = await ctx.clients.s3();
  const isMissing = (error: unknown) => hasAwsCode(error, ["NoSuchKey", "NotFound", "NoSuchBucket"], 404);
  const head = await readConfirmed(ctx, () => orMissing(call(ctx, "HeadObject", () => s3.client.send(new s3.sdk.HeadObjectCommand({ Bucket: bucket, Key: key }))), isMissing));
  if (head === undefined) return undefined;
  const etag = unquote(head.ETag);
  const current: Record<string, unknown> = { tags: {}, ...inputs, bucket, key, contentType: head.ContentType };
  if (etag !== outputs.etag) {
    // Someone else wrote the object: its content no longer matches what was recorded.
    delete current.content;
    delete current.sourceHash;
  }
  const checked = typed<BucketObjectInputs>(plain(current));
  return { id, inputs: plain(current), outputs: outputsOf(checked, etag, head.VersionId) };
}

async function deleteObject(ctx: AwsContext, id: string): Promise<void> {
  const { bucket, key } = splitId(id);
  const s3 = await ctx.clients.s3();
  try {
    await call(ctx, "DeleteObject", () => s3.client.send(new s3.sdk.DeleteObjectCommand({ Bucket: bucket, Key: key })));
  } catch (error) {
    if (!isNoSuchBucket(error)) throw error;
  }
}

function outputsOf(inputs: BucketObjectInputs, etag: string | undefined, versionId: string | undefined): PropertyMap {
  return plain({ ...inputs, etag, versionId });
}

function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, "");
}
