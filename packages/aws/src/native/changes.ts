import { containsUnknown, deepEqual, isUnknown, type DiffResult, type PropertyMap } from "@cairn/core/provider";
import type { NativeType } from "./schema.js";

type Json = Record<string, unknown>;

/** One operation of an RFC 6902 JSON Patch, as Cloud Control's UpdateResource takes it. */
export interface PatchOperation {
  readonly op: "add" | "replace" | "remove";
  readonly path: string;
  readonly value?: unknown;
}

/**
 * Compares recorded inputs with new ones, top-level property by property. A
 * change under a create-only path replaces the resource; a replacement that
 * keeps every part of a user-given identifier (a table's name) must delete
 * first, because two resources cannot share it.
 */
export function diffNative(native: NativeType, olds: PropertyMap, news: PropertyMap): DiffResult {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  const changes = keys.filter((key) => containsUnknown(news[key]) || !deepEqual(olds[key], news[key]));
  const replacePaths = native.type.replace ?? [];
  const replaces = changes.filter((key) => replacePaths.some((path) => path.split(".")[0] === key && pathChanged(olds, news, path.split("."))));
  if (replaces.length === 0) return { changes };
  const ids = native.type.id;
  const keepsIdentity = ids.length > 0 && ids.every((id) => native.type.props[id] !== undefined && typeof news[id] === "string" && deepEqual(olds[id], news[id]));
  return keepsIdentity ? { changes, replaces, deleteBeforeReplace: true } : { changes, replaces };
}

/** Whether the values at a dotted path (`*` for every item) differ; a value not known yet counts as a change. */
function pathChanged(olds: unknown, news: unknown, path: readonly string[]): boolean {
  const before = project(olds, path);
  const after = project(news, path);
  return after.some((value) => containsUnknown(value)) || !deepEqual(before, after);
}

function project(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  if (isUnknown(value)) return [value];
  const [head, ...rest] = path;
  if (head === "*") {
    const items = Array.isArray(value) ? value : typeof value === "object" && value !== null ? Object.values(value) : [];
    return items.flatMap((item) => project(item, rest));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [undefined];
  return project((value as Json)[head!], rest);
}

/**
 * The JSON Patch that turns the old desired state into the new one, as
 * Cloud Control names properties: one operation per top-level property that
 * changed, none for what did not.
 */
export function patchDocument(olds: Json, news: Json): PatchOperation[] {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  const ops: PatchOperation[] = [];
  for (const key of keys) {
    const path = `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (news[key] === undefined) {
      if (olds[key] !== undefined) ops.push({ op: "remove", path });
    } else if (olds[key] === undefined) {
      ops.push({ op: "add", path, value: news[key] });
    } else if (!deepEqual(olds[key], news[key])) {
      ops.push({ op: "replace", path, value: news[key] });
    }
  }
  return ops;
}
