import type { PropertyMap, PropertyValue } from "../output/values.js";

/**
 * Applies `ignoreChanges`: for each listed property path, the new inputs take
 * the recorded value, so a change there never causes an update. A path is
 * dotted (`tags.owner`); `*` ignores every input.
 */
export function applyIgnoreChanges(news: PropertyMap, olds: PropertyMap, paths: readonly string[]): PropertyMap {
  if (paths.length === 0) return news;
  if (paths.includes("*")) return olds;
  let out = news;
  for (const path of paths) out = setPath(out, path.split("."), getPath(olds, path.split(".")));
  return out;
}

function getPath(value: PropertyValue | undefined, path: readonly string[]): PropertyValue | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, PropertyValue>)[key];
  }
  return current;
}

function setPath(map: PropertyMap, path: readonly string[], value: PropertyValue | undefined): PropertyMap {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, PropertyValue> = { ...map };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  const innerMap = inner !== null && typeof inner === "object" && !Array.isArray(inner) ? (inner as PropertyMap) : {};
  copy[head] = setPath(innerMap, rest, value);
  return copy;
}
