/**
 * Input schemas for a provider's `check`: one field per property, each with
 * its rules, checked in one walk that names every failure by its property
 * path, lets unknown values (still being planned) and secrets through, and
 * applies defaults. Every provider package builds its `check` from these.
 *
 * @example
 * const fields = { name: schema.str({ required: true }), size: schema.num({ integer: true, min: 1 }) };
 * const { inputs, failures } = schema.checkFields(fields, news);
 */
import { isSecretValue, isUnknown, type PropertyMap, type PropertyValue } from "../output/values.js";
import type { CheckFailure } from "./provider.js";

/**
 * One input property's rules: whether it is required, its default, and how
 * to check and normalise a value. Values not yet known (while planning) and
 * absent optional values are let through untouched.
 */
export interface Field {
  readonly required: boolean;
  readonly defaultValue?: PropertyValue;
  /** The failure's reason when a required value is absent. @default "is required" */
  readonly missingReason?: string;
  /** Checks a present, known value; pushes failures and returns the normalised value. */
  normalize(value: PropertyValue, path: string, failures: CheckFailure[]): PropertyValue;
}

/** Options every field takes. */
export interface FieldOptions {
  /** The value must be present. @default false */
  readonly required?: boolean;
  /** The value used when absent. @default none */
  readonly default?: PropertyValue;
  /** The failure's reason when a required value is absent. @default "is required" */
  readonly missingReason?: string;
}

/** A record's fields, by property name. */
export type Fields = Readonly<Record<string, Field>>;

function field(options: FieldOptions, normalize: Field["normalize"]): Field {
  return { required: options.required ?? false, defaultValue: options.default, ...(options.missingReason === undefined ? {} : { missingReason: options.missingReason }), normalize };
}

function fail(failures: CheckFailure[], path: string, reason: string): void {
  failures.push(path === "" ? { reason } : { property: path, reason });
}

function shown(value: PropertyValue): string {
  return isSecretValue(value) ? "[secret]" : JSON.stringify(value);
}

/** A string, optionally matching a pattern or one of a set of values. */
export function str(options: FieldOptions & { readonly pattern?: RegExp; readonly expected?: string; readonly oneOf?: readonly string[]; readonly maxLength?: number } = {}): Field {
  return field(options, (value, path, failures) => {
    if (typeof value !== "string") fail(failures, path, `expected a string, got ${shown(value)}`);
    else if (options.oneOf !== undefined && !options.oneOf.includes(value)) fail(failures, path, `expected one of ${options.oneOf.map((v) => JSON.stringify(v)).join(", ")}, got ${shown(value)}`);
    else if (options.pattern !== undefined && !options.pattern.test(value)) fail(failures, path, `expected ${options.expected ?? `a string matching ${options.pattern}`}, got ${shown(value)}`);
    else if (options.maxLength !== undefined && value.length > options.maxLength) fail(failures, path, `expected at most ${options.maxLength} characters, got ${value.length}`);
    return value;
  });
}

/** A number, optionally whole and within bounds. */
export function num(options: FieldOptions & { readonly integer?: boolean; readonly min?: number; readonly max?: number } = {}): Field {
  return field(options, (value, path, failures) => {
    const kind = options.integer ? "a whole number" : "a number";
    const range = `${options.min !== undefined ? ` ≥ ${options.min}` : ""}${options.max !== undefined ? ` ≤ ${options.max}` : ""}`;
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (!options.integer || Number.isInteger(value)) &&
      (options.min === undefined || value >= options.min) &&
      (options.max === undefined || value <= options.max);
    if (!ok) fail(failures, path, `expected ${kind}${range}, got ${shown(value)}`);
    return value;
  });
}

/** A boolean. */
export function bool(options: FieldOptions = {}): Field {
  return field(options, (value, path, failures) => {
    if (typeof value !== "boolean") fail(failures, path, `expected true or false, got ${shown(value)}`);
    return value;
  });
}

/** A list whose items follow `item`. */
export function list(item: Field, options: FieldOptions & { readonly minItems?: number; readonly maxItems?: number } = {}): Field {
  return field(options, (value, path, failures) => {
    if (!Array.isArray(value)) {
      fail(failures, path, `expected a list, got ${shown(value)}`);
      return value;
    }
    if (options.minItems !== undefined && value.length < options.minItems) fail(failures, path, `expected at least ${options.minItems} item(s), got ${value.length}`);
    if (options.maxItems !== undefined && value.length > options.maxItems) fail(failures, path, `expected at most ${options.maxItems} item(s), got ${value.length}`);
    return value.map((entry: PropertyValue, i: number) => normalizeValue(item, entry, `${path}.${i}`, failures) ?? null);
  });
}

/** An object with known fields; other keys are failures. */
export function record(fields: Fields, options: FieldOptions = {}): Field {
  return field(options, (value, path, failures) => {
    if (!isPlainRecord(value)) {
      fail(failures, path, `expected an object, got ${shown(value)}`);
      return value;
    }
    return normalizeRecord(fields, value, path, failures);
  });
}

/** An object of string keys to string values (tags, environment variables, hyperparameters). */
export function stringMap(options: FieldOptions & { readonly maxEntries?: number } = {}): Field {
  return field(options, (value, path, failures) => {
    if (!isPlainRecord(value)) {
      fail(failures, path, `expected an object of strings, got ${shown(value)}`);
      return value;
    }
    for (const [key, entry] of Object.entries(value)) {
      // Unknown values and secrets pass, as they do at the top level.
      if (typeof entry !== "string" && !isUnknown(entry) && !isSecretValue(entry)) fail(failures, join(path, key), `expected a string, got ${shown(entry)}`);
    }
    if (options.maxEntries !== undefined && Object.keys(value).length > options.maxEntries) {
      fail(failures, path, `expected at most ${options.maxEntries} entries, got ${Object.keys(value).length}`);
    }
    return value;
  });
}

/** A field checked by a function, for values no builder above describes. */
export function custom(options: FieldOptions, normalize: Field["normalize"]): Field {
  return field(options, normalize);
}

/** How {@link checkFields} words what no single field decides. */
export interface CheckFieldsOptions {
  /** The reason for a key the fields do not have. @default "unknown property; expected one of …" */
  readonly unknownReason?: (known: readonly string[]) => string;
}

/**
 * Checks a resource's inputs against its fields: unknown keys, missing
 * required values, wrong types; applies defaults. Returns every failure.
 */
export function checkFields(fields: Fields, inputs: PropertyMap, options: CheckFieldsOptions = {}): { inputs: PropertyMap; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  const normalized = normalizeRecord(fields, inputs, "", failures, options.unknownReason ?? unknownProperty);
  return { inputs: normalized, failures };
}

function unknownProperty(known: readonly string[]): string {
  return `unknown property; expected one of ${known.join(", ")}`;
}

type UnknownReason = (known: readonly string[]) => string;

function normalizeRecord(fields: Fields, value: PropertyMap, path: string, failures: CheckFailure[], unknownReason: UnknownReason = unknownProperty): PropertyMap {
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key) && value[key] !== undefined) fail(failures, join(path, key), unknownReason(Object.keys(fields)));
  }
  for (const [key, rule] of Object.entries(fields)) {
    const result = normalizeValue(rule, value[key], join(path, key), failures);
    if (result !== undefined) out[key] = result;
  }
  return out;
}

function normalizeValue(rule: Field, value: PropertyValue | undefined, path: string, failures: CheckFailure[]): PropertyValue | undefined {
  if (value === undefined || value === null) {
    if (rule.required) fail(failures, path, rule.missingReason ?? "is required");
    return rule.defaultValue;
  }
  if (isUnknown(value)) return value;
  if (isSecretValue(value)) return value;
  return rule.normalize(value, path, failures);
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** Whether a value is a plain JSON object (not a list, not a marker). */
export function isPlainRecord(value: unknown): value is PropertyMap {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value) && !isSecretValue(value);
}
