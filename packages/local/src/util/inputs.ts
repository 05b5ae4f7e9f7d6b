import { isUnknown, schema, type CheckFailure, type PropertyMap, type PropertyValue } from "@cairn/core/provider";

/*
 * The local types' input fields, on the shared schema of @cairn/core, in
 * this package's own words: full sentences that describe the value found.
 */

/** A string property; `required` makes a missing one a failure, `allowEmpty: false` an empty one. */
export function text(key: string, required: boolean, allowEmpty = true): schema.Field {
  return schema.custom({ required, missingReason: `"${key}" is required: expected a string.` }, (value, path, failures) => {
    if (typeof value !== "string") failures.push({ property: path, reason: `expected a string, got ${describe(value)}.` });
    else if (!allowEmpty && value.length === 0) failures.push({ property: path, reason: `expected a non-empty string.` });
    return value;
  });
}

/** An optional whole number within `[min, max]`. */
export function wholeNumber(min: number, max: number): schema.Field {
  return schema.custom({}, (value, path, failures) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      failures.push({ property: path, reason: `expected a whole number from ${min} to ${max}, got ${describe(value)}.` });
    }
    return value;
  });
}

/** An optional boolean. */
export function yesNo(): schema.Field {
  return schema.custom({}, (value, path, failures) => {
    if (typeof value !== "boolean") failures.push({ property: path, reason: `expected true or false, got ${describe(value)}.` });
    return value;
  });
}

/** An optional object whose values are all strings. */
export function textMap(): schema.Field {
  return schema.custom({}, (value, path, failures) => {
    if (typeof value !== "object" || Array.isArray(value)) {
      failures.push({ property: path, reason: `expected an object of strings, got ${describe(value)}.` });
      return value;
    }
    for (const [name, item] of Object.entries(value as Record<string, PropertyValue>)) {
      if (!isUnknown(item) && typeof item !== "string") failures.push({ property: `${path}.${name}`, reason: `expected a string, got ${describe(item)}.` });
    }
    return value;
  });
}

/** An optional property of any value. */
export function anything(): schema.Field {
  return schema.custom({}, (value) => value);
}

/**
 * Every failure of `inputs` against `fields`: keys the type does not have
 * (so a misspelt key is not silently ignored), then each field in order.
 */
export function checkInputs(fields: schema.Fields, inputs: PropertyMap): CheckFailure[] {
  return schema.checkFields(fields, inputs, { unknownReason: (known) => `unknown property; expected one of ${known.join(", ")}.` }).failures;
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
