import { isUnknown, type CheckFailure, type PropertyMap, type PropertyValue } from "@cairn/core/provider";

/**
 * Small validators for provider `check` methods. Each pushes a failure naming
 * the property and what was expected; unknown values always pass, because
 * they are checked again once known.
 */
export class InputChecker {
  readonly failures: CheckFailure[] = [];
  readonly #inputs: PropertyMap;

  constructor(inputs: PropertyMap) {
    this.#inputs = inputs;
  }

  /** A string property; `required` makes a missing one a failure. */
  string(key: string, required: boolean, allowEmpty = true): void {
    const value = this.#inputs[key];
    if (isUnknown(value)) return;
    if (value === undefined || value === null) {
      if (required) this.failures.push({ property: key, reason: `"${key}" is required: expected a string.` });
      return;
    }
    if (typeof value !== "string") this.failures.push({ property: key, reason: `expected a string, got ${describe(value)}.` });
    else if (!allowEmpty && value.length === 0) this.failures.push({ property: key, reason: `expected a non-empty string.` });
  }

  /** An optional whole number within `[min, max]`. */
  integer(key: string, min: number, max: number): void {
    const value = this.#inputs[key];
    if (value === undefined || value === null || isUnknown(value)) return;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.failures.push({ property: key, reason: `expected a whole number from ${min} to ${max}, got ${describe(value)}.` });
    }
  }

  /** An optional boolean. */
  boolean(key: string): void {
    const value = this.#inputs[key];
    if (value === undefined || value === null || isUnknown(value)) return;
    if (typeof value !== "boolean") this.failures.push({ property: key, reason: `expected true or false, got ${describe(value)}.` });
  }

  /** An optional object whose values are all strings. */
  stringMap(key: string): void {
    const value = this.#inputs[key];
    if (value === undefined || value === null || isUnknown(value)) return;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.failures.push({ property: key, reason: `expected an object of strings, got ${describe(value)}.` });
      return;
    }
    for (const [name, item] of Object.entries(value as Record<string, PropertyValue>)) {
      if (!isUnknown(item) && typeof item !== "string") {
        this.failures.push({ property: `${key}.${name}`, reason: `expected a string, got ${describe(item)}.` });
      }
    }
  }

  /** Rejects properties the type does not have, so a misspelt key is not silently ignored. */
  only(keys: readonly string[]): void {
    for (const key of Object.keys(this.#inputs)) {
      if (!keys.includes(key)) this.failures.push({ property: key, reason: `unknown property; expected one of ${keys.join(", ")}.` });
    }
  }
}

/** A short description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

/** Copies a map, dropping `undefined` entries, so defaults can be merged in. */
export function withDefaults(inputs: PropertyMap, defaults: Readonly<Record<string, PropertyValue>>): PropertyMap {
  const out: Record<string, PropertyValue> = { ...defaults };
  for (const [key, value] of Object.entries(inputs)) if (value !== undefined) out[key] = value;
  return out;
}
