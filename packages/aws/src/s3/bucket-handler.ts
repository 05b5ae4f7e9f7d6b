import { CairnError, hintText, type Hint } from "@cairn/core";
import { deepEqual, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { makeArn } from "../arn.js";
import { hasAwsCode } from "../errors.js";
import { physicalName, S3_BUCKET_NAMES } from "../naming.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { S3Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { checkBucket, type BucketInputs, BUCKET_FIELDS } from "./bucket-inputs.js";
import { applySetting, BUCKET_SETTINGS, readSettings } from "./bucket-settings.js";
import { emptyBucket } from "./empty-bucket.js";
import { isNoSuchBucket } from "./errors.js";
import { echoingInputs } from "../provider/secrecy.js";
import { findByName } from "../provider/find-created.js";

const BUCKET_NAME_SOURCES: readonly string[] = ["bucket", "bucketPrefix"];

const DEPLOY: Hint = { kind: "deploy" };

/** The provider side of `aws:s3/Bucket`; the id is the bucket name. */
export const bucketHandler: ResourceHandler = {
  token: "aws:s3/Bucket",
  schema: {
    derivedFrom: echoingInputs(BUCKET_FIELDS, { bucket: BUCKET_NAME_SOURCES, arn: BUCKET_NAME_SOURCES, region: [], bucketDomainName: BUCKET_NAME_SOURCES, bucketRegionalDomainName: BUCKET_NAME_SOURCES }),
    replaceOnChanges: ["bucket", "bucketPrefix"],
    stableOutputs: ["id", "bucket", "arn", "region", "bucketDomainName", "bucketRegionalDomainName"],
    timeouts: { create: 10 * 60_000, delete: 60 * 60_000 },
  },
  nameProperty: "bucket",
  parameterHints: { "bucket name": "bucket", LocationConstraint: "bucket", KMSMasterKeyID: "serverSideEncryption", lifecycle: "lifecycleRules", tag: "tags" },
  check: checkBucket,
  create: createBucket,
  findCreated: (ctx, raw, token) => findByName(bucketName(ctx, typed<BucketInputs>(raw), token), typed<BucketInputs>(raw).bucket, token, (name) => readBucket(ctx, name, raw)),
  read: readBucket,
  update: updateBucket,
  delete: deleteBucket,
};

async function createBucket(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<BucketInputs>(raw);
  const s3 = await ctx.clients.s3();
  const region = await s3.client.config.region();
  const name = bucketName(ctx, inputs, token);
  const configuration = region === "us-east-1" ? undefined : { LocationConstraint: region as never };
  try {
    await call(ctx, "CreateBucket", () => s3.client.send(new s3.sdk.CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: configuration })));
  } catch (error) {
    // A generated name is ours alone: finding it made means an earlier attempt of this create made it.
    if (!(hasAwsCode(error, ["BucketAlreadyOwnedByYou"]) && inputs.bucket === undefined)) throw explainTaken(error, name);
  }
  // Not the SDK's BucketExists waiter: its looks are whole seconds apart (a new bucket is mostly visible in under one), and they bypass call() (see pollUntil).
  await pollUntil(ctx, {
    what: "a visible bucket",
    describe: () => headBucket(ctx, s3, name),
    evaluate: (found) => (found === undefined ? { status: "not visible yet" } : { done: true, value: found }),
    delays: { baseMs: 500, maxMs: 5_000 },
  });
  for (const setting of BUCKET_SETTINGS) await applySetting(ctx, s3, name, setting, inputs, true);
  return { id: name, outputs: outputsOf(inputs, name, region) };
}

/** The bucket name a create with this token uses. */
function bucketName(ctx: AwsContext, inputs: BucketInputs, token: string): string {
  return physicalName(inputs.bucket, inputs.bucketPrefix, ctx.call.name, token, S3_BUCKET_NAMES);
}

function explainTaken(error: unknown, name: string): unknown {
  if (hasAwsCode(error, ["BucketAlreadyExists"])) {
    return new CairnError("PROVIDER_ERROR", `The bucket name "${name}" [property "bucket"] is taken by another AWS account; bucket names are global. Choose another name or use bucketPrefix.`, {
      cause: error,
    });
  }
  if (hasAwsCode(error, ["BucketAlreadyOwnedByYou"])) {
    const adopt: Hint = { kind: "import-resource", type: "aws:s3/Bucket", id: name };
    return new CairnError(
      "PROVIDER_ERROR",
      `A bucket named "${name}" [property "bucket"] already exists in your account. Adopt it with the import option or ${hintText(adopt)}, or choose another name.`,
      { cause: error, hints: [adopt] },
    );
  }
  return error;
}

/** The bucket's region if it exists, `undefined` if S3 says it does not. */
async function headBucket(ctx: AwsContext, s3: S3Handle, Bucket: string): Promise<string | undefined> {
  const head = await orMissing(call(ctx, "HeadBucket", () => s3.client.send(new s3.sdk.HeadBucketCommand({ Bucket }))), isNoSuchBucket);
  if (head === undefined) return undefined;
  return head.BucketRegion ?? (await s3.client.config.region());
}

async function readBucket(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const s3 = await ctx.clients.s3();
  const region = await readConfirmed(ctx, () => headBucket(ctx, s3, id));
  if (region === undefined) return undefined;
  const settings = await readSettings(ctx, s3, id);
  const current = { forceDestroy: false, ...inputs, ...settings, bucket: typeof inputs.bucket === "string" || Object.keys(inputs).length === 0 ? id : undefined };
  const checked = plain(current) as unknown as BucketInputs;
  return { id, inputs: plain(current), outputs: outputsOf(checked, id, region) };
}

async function updateBucket(ctx: AwsContext, id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap> {
  const inputs = typed<BucketInputs>(news);
  const s3 = await ctx.clients.s3();
  for (const setting of BUCKET_SETTINGS) {
    if (!deepEqual(olds[setting], news[setting])) await applySetting(ctx, s3, id, setting, inputs, false);
  }
  return outputsOf(inputs, id, String(oldOutputs.region ?? (await s3.client.config.region())));
}

async function deleteBucket(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<void> {
  const s3 = await ctx.clients.s3();
  if (inputs.forceDestroy === true) await emptyBucket(ctx, s3, id);
  try {
    await call(ctx, "DeleteBucket", () => s3.client.send(new s3.sdk.DeleteBucketCommand({ Bucket: id })));
  } catch (error) {
    if (isNoSuchBucket(error)) return;
    if (hasAwsCode(error, ["BucketNotEmpty"])) {
      if (inputs.forceDestroy === true) {
        throw new CairnError(
          "PROVIDER_ERROR",
          `${ctx.label}: bucket ${id} was emptied (forceDestroy) but is not empty now: something wrote to it meanwhile. Stop what writes to it and run again.`,
          { urn: ctx.call.urn, cause: error },
        );
      }
      throw new CairnError(
        "PROVIDER_ERROR",
        `${ctx.label}: bucket ${id} is not empty, so it was not deleted. Set forceDestroy: true (${hintText(DEPLOY)}) to delete its objects with it, or empty it yourself.`,
        { urn: ctx.call.urn, cause: error, hints: [DEPLOY] },
      );
    }
    throw error;
  }
  // Not the SDK's BucketNotExists waiter: it would retry a 403 until the time is up, where call() fails at once (see pollUntil).
  await pollUntil(ctx, {
    what: "deletion",
    describe: () => headBucket(ctx, s3, id),
    evaluate: (region) => (region === undefined ? { done: true, value: undefined } : { status: "deleting" }),
    delays: { baseMs: 1_000, maxMs: 5_000 },
  });
}

function outputsOf(inputs: BucketInputs, name: string, region: string): PropertyMap {
  const domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return plain({
    ...inputs,
    bucket: name,
    arn: makeArn({ region, service: "s3", resource: name, regionless: true }),
    region,
    bucketDomainName: `${name}.s3.${domain}`,
    bucketRegionalDomainName: `${name}.s3.${region}.${domain}`,
  });
}
