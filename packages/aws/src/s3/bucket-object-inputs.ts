import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { isUnknown, type CheckFailure, type CheckResult, type PropertyMap } from "@cairn/core/provider";
import { checkFields, str, stringMap, type Fields } from "../check/spec.js";
import type { CheckEnv } from "../provider/handler.js";
import { withDefaultTags, type Tags } from "../tags.js";
import { contentTypeFor } from "./content-type.js";

/** An object's inputs after check. */
export interface BucketObjectInputs {
  readonly bucket: string;
  readonly key: string;
  readonly content?: string;
  readonly source?: string;
  /** The SHA-256 of the source file, so a changed file is a change. */
  readonly sourceHash?: string;
  readonly contentType: string;
  readonly tags: Tags;
}

/** The inputs of `aws:s3/BucketObject`. */
export const BUCKET_OBJECT_FIELDS: Fields = {
  bucket: str({ required: true }),
  key: str({ required: true, pattern: /^.{1,1024}$/s, expected: "a key of 1–1024 characters" }),
  content: str(),
  source: str(),
  sourceHash: str(),
  contentType: str(),
  // S3 allows at most ten tags on an object.
  tags: stringMap({ maxEntries: 10, default: {} }),
};

/**
 * Checks an object's inputs: exactly one of content and source; the source
 * file must exist, and its hash becomes `sourceHash` so that editing the file
 * changes the object. The content type defaults from the key's extension.
 */
export async function checkBucketObject(inputs: PropertyMap, env: CheckEnv): Promise<CheckResult> {
  const result = checkFields(BUCKET_OBJECT_FIELDS, inputs);
  const failures: CheckFailure[] = [...result.failures];
  const out: Record<string, unknown> = { ...result.inputs, tags: withDefaultTags(result.inputs.tags, env.settings.defaultTags) };
  const hasContent = inputs.content !== undefined && inputs.content !== null;
  const hasSource = inputs.source !== undefined && inputs.source !== null;
  if (hasContent === hasSource) failures.push({ property: "content", reason: "give exactly one of content and source" });
  if (out.contentType === undefined && typeof inputs.key === "string") out.contentType = contentTypeFor(inputs.key);
  if (typeof inputs.source === "string") {
    const path = sourcePath(inputs.source, env.settings.projectDir);
    try {
      out.sourceHash = await hashFile(path);
    } catch {
      failures.push({ property: "source", reason: `cannot read the file ${path}` });
    }
  } else if (isUnknown(inputs.source)) {
    out.sourceHash = inputs.source;
  }
  const checked = out as PropertyMap;
  return failures.length > 0 ? { inputs: checked, failures } : { inputs: checked };
}

/** The absolute path of a source file; relative paths are relative to the program's folder. */
export function sourcePath(source: string, projectDir: string): string {
  return isAbsolute(source) ? source : resolve(projectDir, source);
}

/** The size of a source file, for Content-Length. */
export async function sourceSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
