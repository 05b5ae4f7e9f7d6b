import { isUnknown } from "@cairn/core/provider";
import type { Tags } from "../tags.js";
import { shapeOf, type NativeType } from "./schema.js";

type Json = Record<string, unknown>;

/**
 * The provider's default tags merged under a taggable type's own tags, in
 * the form the type holds them: a map, or a list of `{ key, value }` (Auto
 * Scaling groups also get `propagateAtLaunch: true`). The resource's own
 * tags win; tags not known yet are left alone.
 */
export function withNativeDefaultTags(inputs: Json, native: NativeType, defaults: Tags): Json {
  const tagging = native.type.tags;
  const names = Object.keys(defaults);
  if (tagging === undefined || names.length === 0) return inputs;
  const [property, variant] = tagging;
  const own = inputs[property];
  if (isUnknown(own)) return inputs;
  if (variant === "map") return { ...inputs, [property]: { ...defaults, ...((own as Json | undefined) ?? {}) } };
  const [keyName, valueName] = tagNames(native, property);
  const list = Array.isArray(own) ? own : [];
  if (list.some((tag) => isUnknown(tag) || isUnknown((tag as Json)[keyName]))) return inputs;
  const taken = new Set(list.map((tag) => (tag as Json)[keyName]));
  const added = names
    .filter((name) => !taken.has(name))
    .map((name) => ({ [keyName]: name, [valueName]: defaults[name], ...(variant === "asg" ? { propagateAtLaunch: true } : {}) }));
  return { ...inputs, [property]: [...added, ...list] };
}

/** The camelCase names a type's tag entries use for CloudFormation's Key and Value. */
function tagNames(native: NativeType, property: string): [string, string] {
  const spec = native.type.props[property];
  const shape = spec === undefined ? undefined : shapeOf(spec[1]);
  const element = shape?.kind === "list" ? shape.element : undefined;
  const table = element?.kind === "object" ? native.service.defs[element.def] : undefined;
  const find = (cfn: string, fallback: string) => Object.entries(table ?? {}).find(([, s]) => s[0] === cfn)?.[0] ?? fallback;
  return [find("Key", "key"), find("Value", "value")];
}
