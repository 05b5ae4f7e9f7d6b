import { isSecretValue, isUnknown, type PropertyMap, type PropertyValue } from "../output/values.js";
import type { DiffResult } from "../provider/provider.js";
import { deepEqual } from "../util/canonical-json.js";

/**
 * The diff of providers that do not write their own: every top-level input
 * whose value differs. An unknown new value counts as a change, since it may
 * differ once known.
 */
export function defaultDiff(olds: PropertyMap, news: PropertyMap): DiffResult {
  let changes: string[] | undefined;
  for (const key in news) if (!sameValue(olds[key], news[key])) (changes ??= []).push(key);
  for (const key in olds) if (!(key in news) && olds[key] !== undefined) (changes ??= []).push(key);
  return changes === undefined ? NO_CHANGES : { changes: changes.sort() };
}

const NO_CHANGES: DiffResult = Object.freeze({ changes: Object.freeze([]) as readonly string[] });

/** Structural equality that sees through secret markers and treats unknown as different. */
export function sameValue(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (isSecretValue(a)) return sameValue(a.value, b);
  if (isSecretValue(b)) return sameValue(a, b.value);
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, PropertyValue>;
    const bo = b as Record<string, PropertyValue>;
    for (const key in ao) if (!sameValue(ao[key], bo[key])) return false;
    for (const key in bo) if (!(key in ao) && bo[key] !== undefined) return false;
    return true;
  }
  return deepEqual(a, b);
}

/** Whether the value at a dotted input path (`environment.MODEL`) differs between old and new inputs; secrets are seen through. */
export function changedAt(olds: PropertyMap, news: PropertyMap, path: string): boolean {
  return !sameValue(valueAt(olds, path), valueAt(news, path));
}

function valueAt(map: PropertyMap, path: string): PropertyValue | undefined {
  let current: PropertyValue | undefined = map;
  for (const key of path.split(".")) {
    if (isSecretValue(current)) current = current.value;
    if (current === null || typeof current !== "object" || Array.isArray(current) || isUnknown(current)) return isUnknown(current) ? current : undefined;
    current = (current as Record<string, PropertyValue>)[key];
  }
  return current;
}

/** Whether a changed property path matches a pattern list entry (`tags` matches `tags.owner`). */
export function matchesPath(changed: string, pattern: string): boolean {
  if (pattern === "*") return true;
  return changed === pattern || changed.startsWith(`${pattern}.`) || pattern.startsWith(`${changed}.`);
}
