import type { ResourceState } from "./model.js";

/**
 * A record with some fields set and others left out, built without `delete`:
 * deleting a field turns an object into a hash table several times its size,
 * and every record of a deploy, and of a journal replayed, goes through here
 * once.
 */
export function mergedRecord(current: ResourceState, set: Readonly<Record<string, unknown>>, removed: readonly string[]): ResourceState {
  const from = current as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = {};
  for (const key in from) {
    if (!removed.includes(key)) next[key] = key in set ? set[key] : from[key];
  }
  for (const key in set) if (!(key in from)) next[key] = set[key];
  return next as unknown as ResourceState;
}
