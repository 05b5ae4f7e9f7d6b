import { CairnError } from "@cairn/core";
import { call } from "../runtime/call.js";
import type { S3Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";

/** DeleteObjects takes at most this many keys. */
const PAGE = 1000;

/**
 * Deletes every object of a bucket: every version and every delete marker,
 * page by page, so that DeleteBucket can succeed. Works for unversioned
 * buckets too (their objects are listed with the version id "null"). Each
 * page is listed from the start: the one before is gone, so a marker into
 * it would name a version that no longer exists.
 */
export async function emptyBucket(ctx: AwsContext, s3: S3Handle, bucket: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await call(ctx, "ListObjectVersions", () => s3.client.send(new s3.sdk.ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: PAGE })));
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .filter((entry) => entry.Key !== undefined)
      .map((entry) => ({ Key: entry.Key as string, VersionId: entry.VersionId }));
    if (objects.length === 0) return deleted;
    await deleteBatch(ctx, s3, bucket, objects);
    deleted += objects.length;
    ctx.call.progress(`emptying: ${deleted} object version(s) deleted`);
  }
}

async function deleteBatch(ctx: AwsContext, s3: S3Handle, bucket: string, objects: { Key: string; VersionId?: string }[]): Promise<void> {
  const result = await call(ctx, "DeleteObjects", () =>
      s3.client.send(new s3.sdk.DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } })),
    );
  const errors = result.Errors ?? [];
  if (errors.length > 0) {
    const first = errors[0];
    throw new CairnError(
      "PROVIDER_ERROR",
      `${ctx.label}: could not empty bucket ${bucket}: ${errors.length} object(s) were not deleted, ` +
        `first ${first?.Key} (version ${first?.VersionId ?? "none"}): ${first?.Code}: ${first?.Message}`,
      { urn: ctx.call.urn },
    );
  }
}
