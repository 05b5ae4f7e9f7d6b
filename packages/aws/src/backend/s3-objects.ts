import { CairnError } from "@cairn/core";
import type { S3Handle } from "../runtime/client-factory.js";

/** A text object as read. */
export interface StoredObject {
  readonly text: string;
  readonly etag: string;
  readonly lastModified: Date | undefined;
}

/** A write's condition: create only (`If-None-Match: *`) or replace only this version (`If-Match`). */
export type WriteCondition = { readonly ifNoneMatch: "*" } | { readonly ifMatch: string };

/** A conditional write or delete found the object not as expected (HTTP 412, 404 or 409). */
export class ConditionFailed extends Error {
  /** 412 (exists / another ETag), 404 (gone), 409 (a concurrent conditional write). */
  readonly status: number;
  constructor(key: string, status: number) {
    super(`The condition on s3 object ${key} failed (HTTP ${status}).`);
    this.name = "ConditionFailed";
    this.status = status;
  }
}

const DELETE_BATCH = 1000;
const READ_CONCURRENCY = 16;

/**
 * The few S3 operations the backend needs, over text objects in one bucket.
 * Failures other than a missing object or a failed condition become
 * CairnErrors naming the bucket, key and S3's message.
 */
export class S3Objects {
  readonly bucket: string;
  readonly #handle: () => Promise<S3Handle>;

  constructor(bucket: string, handle: () => Promise<S3Handle>) {
    this.bucket = bucket;
    this.#handle = handle;
  }

  /** An object's text and ETag, or `undefined` if there is none. */
  async tryGet(key: string): Promise<StoredObject | undefined> {
    const { client, sdk } = await this.#handle();
    try {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const text = (await out.Body?.transformToString("utf8")) ?? "";
      return { text, etag: out.ETag ?? "", lastModified: out.LastModified };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.#failed("read", key, error);
    }
  }

  /** Whether an object is there, without reading it (HeadObject). */
  async exists(key: string): Promise<boolean> {
    const { client, sdk } = await this.#handle();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw this.#failed("read", key, error);
    }
  }

  /** Many objects' texts, in the order of `keys`, a few at a time; a missing one is `undefined`. */
  async getAll(keys: readonly string[]): Promise<(string | undefined)[]> {
    const out = new Array<string | undefined>(keys.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < keys.length) {
        const i = next++;
        out[i] = (await this.tryGet(keys[i]!))?.text;
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, keys.length) }, worker));
    return out;
  }

  /** Writes an object (text, or its UTF-8 bytes); with a condition, a mismatch throws {@link ConditionFailed}. Returns the new ETag. */
  async put(key: string, text: string | Uint8Array, condition?: WriteCondition): Promise<string> {
    const { client, sdk } = await this.#handle();
    try {
      const out = await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: text,
          ContentType: "application/json",
          ...(condition === undefined ? {} : "ifNoneMatch" in condition ? { IfNoneMatch: "*" } : { IfMatch: condition.ifMatch }),
        }),
      );
      return out.ETag ?? "";
    } catch (error) {
      const status = statusOf(error);
      if (condition !== undefined && (status === 412 || status === 409 || status === 404)) throw new ConditionFailed(key, status);
      throw this.#failed("write", key, error);
    }
  }

  /** Deletes an object; with `ifMatch`, only that version (a mismatch throws {@link ConditionFailed}). */
  async delete(key: string, ifMatch?: string): Promise<void> {
    const { client, sdk } = await this.#handle();
    try {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...(ifMatch === undefined ? {} : { IfMatch: ifMatch }) }));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return;
      if (ifMatch !== undefined && (status === 412 || status === 409)) throw new ConditionFailed(key, status);
      throw this.#failed("delete", key, error);
    }
  }

  /** Deletes many objects, a thousand per request. */
  async deleteAll(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const { client, sdk } = await this.#handle();
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      try {
        const out = await client.send(new sdk.DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
        const failed = out.Errors?.[0];
        if (failed !== undefined) throw new Error(`${failed.Code ?? "Error"}: ${failed.Message ?? ""}`);
      } catch (error) {
        throw this.#failed("delete", batch[0]!, error);
      }
    }
  }

  /** Copies an object inside the bucket on the server (no bytes sent); a missing source is ignored. */
  async copy(from: string, to: string): Promise<boolean> {
    const { client, sdk } = await this.#handle();
    try {
      await client.send(new sdk.CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from.split("/").map(encodeURIComponent).join("/")}` }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw this.#failed("copy", from, error);
    }
  }

  /** The keys under a prefix, sorted; with `delimiter`, only the direct children. */
  async list(prefix: string, delimiter?: string): Promise<string[]> {
    const { client, sdk } = await this.#handle();
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await client.send(
          new sdk.ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
        for (const item of out.Contents ?? []) if (item.Key !== undefined) keys.push(item.Key);
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token !== undefined);
    } catch (error) {
      throw this.#failed("list", prefix, error);
    }
    return keys.sort();
  }

  #failed(what: string, key: string, error: unknown): CairnError {
    const name = (error as { name?: string }).name ?? "Error";
    const message = (error as Error).message ?? String(error);
    const hint = name === "NoSuchBucket" ? ` Create the bucket first, or check the backend URL.` : "";
    return new CairnError("STATE_BACKEND_ERROR", `Could not ${what} s3://${this.bucket}/${key}: ${name}: ${message}.${hint}`, { file: `s3://${this.bucket}/${key}`, cause: error });
  }
}

/** The HTTP status of an SDK error. */
export function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}
