import { deepEqual, isSecretValue, isUnknown, type PropertyValue } from "@cairn/core/automation";
import { formatValue } from "./format-value.js";
import { compactDiff, diffLines } from "./text-diff.js";
import type { Theme } from "./theme.js";

/** Options of {@link valueChangeLines}. */
export interface ValueDiffOptions {
  readonly theme: Theme;
  /** Print secret values (`--show-secrets`). @default false */
  readonly showSecrets?: boolean;
  /** Longest line before a change is shown as its parts. @default 100 */
  readonly width?: number;
}

/** Nested maps are shown key by key this deep; deeper changes print as whole values. */
const MAX_DEPTH = 4;

/**
 * How one property changes, as lines: `~ key: old => new` when it fits, and
 * otherwise by its parts, so that one changed tag of fifty shows as that tag:
 * maps key by key (`+` added, `-` removed, `~` changed), lists item by item,
 * multi-line text line by line. Secrets and unknown values are never opened.
 */
export function valueChangeLines(key: string, before: PropertyValue | undefined, after: PropertyValue | undefined, options: ValueDiffOptions, suffix = ""): string[] {
  return changeLines(key, before, after, options, suffix, 0);
}

function changeLines(key: string, before: PropertyValue | undefined, after: PropertyValue | undefined, options: ValueDiffOptions, suffix: string, depth: number): string[] {
  const { theme } = options;
  const fmt = (value: PropertyValue | undefined) => formatValue(value, { showSecrets: options.showSecrets ?? false, maxLength: 90 });
  if (before === undefined) return [`${theme.green("+")} ${key}: ${fmt(after)}${suffix}`];
  if (after === undefined) return [`${theme.red("-")} ${key}: ${fmt(before)}${suffix}`];
  if (typeof before === "string" && typeof after === "string" && (before.includes("\n") || after.includes("\n"))) {
    return [`${theme.yellow("~")} ${key}:${suffix}`, ...textChange(before, after, theme)];
  }
  const oneLine = `${theme.yellow("~")} ${key}: ${fmt(before)} => ${fmt(after)}${suffix}`;
  const parts = depth < MAX_DEPTH ? partLines(before, after, options, depth) : undefined;
  // A changed map or list is shown by its parts even when it fits: that is what a reader compares.
  if (parts !== undefined) return [`${theme.yellow("~")} ${key}:${suffix}`, ...parts.map((line) => `    ${line}`)];
  if (oneLine.length <= (options.width ?? 100)) return [oneLine];
  return [`${theme.yellow("~")} ${key}:${suffix}`, theme.red(`    - ${fmt(before)}`), theme.green(`    + ${fmt(after)}`)];
}

/** The changed entries of two maps or two lists; `undefined` when they are not both plain maps or lists. */
function partLines(before: PropertyValue, after: PropertyValue, options: ValueDiffOptions, depth: number): string[] | undefined {
  if (isOpaque(before) || isOpaque(after)) return undefined;
  if (isMap(before) && isMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.filter((k) => !deepEqual(before[k], after[k])).flatMap((k) => changeLines(label(k), before[k], after[k], options, "", depth + 1));
  }
  if (Array.isArray(before) && Array.isArray(after)) return listLines(before, after, options, depth);
  return undefined;
}

/** Lists of equal length change item by item; otherwise the items are aligned as lines of text. */
function listLines(before: readonly PropertyValue[], after: readonly PropertyValue[], options: ValueDiffOptions, depth: number): string[] {
  if (before.length === after.length) {
    return before.flatMap((item, i) => (deepEqual(item, after[i]) ? [] : changeLines(`[${i}]`, item, after[i], options, "", depth + 1)));
  }
  const fmt = (value: PropertyValue) => formatValue(value, { showSecrets: options.showSecrets ?? false, maxLength: 90 });
  const { theme } = options;
  return diffLines(before.map(fmt).join("\n"), after.map(fmt).join("\n"))
    .filter((line) => line.kind !== "same")
    .map((line) => (line.kind === "added" ? `${theme.green("+")} ${line.text}` : `${theme.red("-")} ${line.text}`));
}

function textChange(before: string, after: string, theme: Theme): string[] {
  return compactDiff(diffLines(before, after)).map((line) => {
    if (line === "gap") return theme.dim("      …");
    if (line.kind === "added") return theme.green(`    + ${line.text}`);
    if (line.kind === "removed") return theme.red(`    - ${line.text}`);
    return theme.dim(`      ${line.text}`);
  });
}

function isOpaque(value: PropertyValue): boolean {
  return isSecretValue(value) || isUnknown(value);
}

function isMap(value: PropertyValue): value is Readonly<Record<string, PropertyValue>> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function label(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
}
