import { containsUnknown, deepEqual, type DiffResult, type PropertyMap } from "@cairn/core/provider";
import type { ResourceHandler } from "./handler.js";

/**
 * Compares recorded inputs with new ones, property by property. A value not
 * known yet counts as a change; a change to a property the type replaces on
 * is a replacement; a replacement that keeps an explicit cloud name must
 * delete first, because two resources cannot share the name.
 */
export function diffInputs(handler: ResourceHandler, olds: PropertyMap, news: PropertyMap): DiffResult {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  const changes = keys.filter((key) => containsUnknown(news[key]) || !deepEqual(olds[key], news[key]));
  const replaceOn = handler.schema.replaceOnChanges ?? [];
  const replaces = changes.filter((key) => replaceOn.includes(key));
  if (replaces.length === 0) return { changes };
  const name = handler.nameProperty;
  const keepsName = name !== undefined && typeof news[name] === "string" && deepEqual(olds[name], news[name]);
  return keepsName ? { changes, replaces, deleteBeforeReplace: true } : { changes, replaces };
}
