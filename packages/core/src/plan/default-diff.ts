import { isSecretValue, isUnknown, type PropertyMap, type PropertyValue } from "../output/values.js";
import type { DiffResult } from "../provider/provider.js";
import { deepEqual } from "../util/canonical-json.js";

/**
 * The diff of providers that do not write their own: every top-level input
 * whose value differs. An unknown new value counts as a change, since it may
 * differ once known.
 */
export function defaultDiff(olds: PropertyMap, news: PropertyMap): DiffResult {
  const changes: string[] = [];
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  for (const key of [...keys].sort()) {
    if (!sameValue(olds[key], news[key])) changes.push(key);
  }
  return { changes };
}

/** Structural equality that sees through secret markers and treats unknown as different. */
export function sameValue(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (isSecretValue(a)) return sameValue(a.value, b);
  if (isSecretValue(b)) return sameValue(a, b.value);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, PropertyValue>;
    const bo = b as Record<string, PropertyValue>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const key of keys) if (!sameValue(ao[key], bo[key])) return false;
    return true;
  }
  return deepEqual(a, b);
}

/** Whether a changed property path matches a pattern list entry (`tags` matches `tags.owner`). */
export function matchesPath(changed: string, pattern: string): boolean {
  if (pattern === "*") return true;
  return changed === pattern || changed.startsWith(`${pattern}.`) || pattern.startsWith(`${changed}.`);
}
