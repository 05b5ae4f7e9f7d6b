import { isUnknown, type CheckResult, type PropertyMap, type PropertyValue } from "@cairn/core/provider";
import { checkFields, stringMap, type Field, type Fields } from "./check/spec.js";

/** A resource's tags: names to values. */
export type Tags = Readonly<Record<string, string>>;

/** The `tags` input of every taggable resource: at most 50, as AWS allows; none by default. */
export function tagsField(): Field {
  return stringMap({ maxEntries: 50, default: {} });
}

/**
 * The provider's default tags under the resource's own (the resource's win).
 * Unknown values pass through untouched while planning.
 */
export function withDefaultTags(tags: PropertyValue | undefined, defaults: Tags): PropertyValue | undefined {
  if (isUnknown(tags)) return tags;
  const own = (tags ?? {}) as Record<string, PropertyValue>;
  if (Object.keys(defaults).length === 0) return tags;
  return { ...defaults, ...own };
}

/** Tags as the `[{ Key, Value }]` list most AWS APIs take. */
export function toTagList(tags: Tags | undefined): { Key: string; Value: string }[] {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * The tag that EC2 objects without a name get at creation: a hash of the
 * create's idempotency token, by which `findCreated` finds what a create a
 * crash interrupted made. It is not one of the resource's tags: reads leave
 * it out, so it never shows as drift and updates never remove it.
 */
export const CREATE_TOKEN_TAG = "cairn:create-token";

/** Tags from an AWS list, without the `aws:` tags AWS adds itself and without {@link CREATE_TOKEN_TAG}. */
export function fromTagList(list: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const { Key, Value } of list ?? []) {
    if (Key !== undefined && !Key.startsWith("aws:") && Key !== CREATE_TOKEN_TAG) tags[Key] = Value ?? "";
  }
  return tags;
}

/** What turns `olds` into `news`: tags to set (new or changed) and names to remove. */
export function tagChanges(olds: Tags | undefined, news: Tags | undefined): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  for (const [key, value] of Object.entries(news ?? {})) if (olds?.[key] !== value) set[key] = value;
  const remove = Object.keys(olds ?? {}).filter((key) => news?.[key] === undefined);
  return { set, remove };
}

/** Checks inputs against `fields` and merges the provider's default tags under the resource's `tags`. */
export function checkTagged(fields: Fields, inputs: PropertyMap, defaults: Tags): CheckResult {
  const { inputs: out, failures } = checkFields(fields, inputs);
  return { inputs: { ...out, tags: withDefaultTags(out.tags, defaults) } as PropertyMap, failures };
}
