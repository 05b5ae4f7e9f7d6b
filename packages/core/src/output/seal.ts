import type { SecretMask } from "./secret-mask.js";
import { containsSecret, isSecretValue, isUnknown, makeSecret, type PropertyMap, type PropertyValue } from "./values.js";

/**
 * What decides the secrecy of values a provider returned: its declarations
 * for the type, and the secrets the operation knows.
 */
export interface SealRules {
  /** Properties that are always secret (a generated password). @default [] */
  readonly secret?: readonly string[];
  /**
   * The inputs each property the provider computes is derived from; `[]`
   * declares a property never secret. See {@link TypeSchema.derivedFrom}.
   * @default every input
   */
  readonly derivedFrom?: Readonly<Record<string, readonly string[]>>;
  /**
   * Inputs the provider only sends to the cloud: no other property derives
   * from them. See {@link TypeSchema.writeOnlyInputs}. @default none
   */
  readonly writeOnly?: readonly string[];
  /** Learns every secret seen, so that texts quoting one can be masked. @default none */
  readonly mask?: SecretMask;
}

const NO_RULES: SealRules = {};

/**
 * Marks `rebuilt` secret wherever `original` was: a provider received the
 * value with its secrets revealed and returned a rebuilt copy. Where the
 * shape still matches, the marks go back on the same paths; where it does
 * not (the provider moved, merged or serialised the secret), the whole
 * rebuilt value becomes secret.
 */
export function sealLike(rebuilt: PropertyValue, original: PropertyValue | undefined): PropertyValue {
  if (original === undefined || isSecretValue(rebuilt)) return rebuilt;
  if (isSecretValue(original)) return makeSecret(rebuilt);
  if (!containsSecret(original)) return rebuilt;
  if (Array.isArray(original)) {
    if (!Array.isArray(rebuilt) || rebuilt.length !== original.length) return makeSecret(rebuilt);
    return rebuilt.map((item: PropertyValue, i: number) => sealLike(item, original[i]));
  }
  if (!isObject(original) || !isObject(rebuilt)) return makeSecret(rebuilt);
  for (const key in original) {
    if (!(key in rebuilt) && containsSecret(original[key])) return makeSecret(rebuilt);
  }
  const out: Record<string, PropertyValue> = {};
  for (const key in rebuilt) out[key] = sealLike(rebuilt[key] as PropertyValue, original[key]);
  return out;
}

/**
 * The secrecy of inputs a provider's `check` returned, from the inputs it
 * was given (`raw`): each property keeps the marks of the same property of
 * `raw`, path by path; a property `check` added is secret when what it is
 * derived from held a secret (by default: when any input did).
 */
export function sealInputs(checked: PropertyMap, raw: PropertyMap, rules: SealRules = NO_RULES): PropertyMap {
  const mask = rules.mask;
  if (!containsSecret(raw)) return checked;
  mask?.addValue(raw);
  const tainted = taints(raw, rules);
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(checked)) {
    let value: PropertyValue = checked[key] as PropertyValue;
    if (key in raw) value = sealLike(value, raw[key]);
    else if (derivedSecret(key, raw, tainted, rules)) value = makeSecret(value);
    out[key] = value;
  }
  return out;
}

/**
 * The secrecy of outputs a provider returned from `create`, `update` or
 * `read`. An output is secret when the type declares it so, when an input it
 * is derived from held a secret (every input unless the type declares
 * `derivedFrom`), and wherever it was secret before (`prior`). An output derived from one input of the
 * same name keeps that input's marks path by path.
 */
export function sealOutputs(outputs: PropertyMap, inputs: PropertyMap, rules: SealRules = NO_RULES, prior?: PropertyMap): PropertyMap {
  const mask = rules.mask;
  const anySecret = containsSecret(inputs);
  if (anySecret) mask?.addValue(inputs);
  const noSecretRules = rules.secret === undefined || rules.secret.length === 0;
  if (!anySecret && noSecretRules && (prior === undefined || !containsSecret(prior))) return outputs;
  const tainted = anySecret && taints(inputs, rules);
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(outputs)) {
    let value: PropertyValue = outputs[key] as PropertyValue;
    if (!isSecretValue(value)) {
      const sources = rules.derivedFrom?.[key];
      if (rules.secret?.includes(key)) value = makeSecret(value);
      else if (sources !== undefined && sources.length === 1 && sources[0] === key && key in inputs) value = sealLike(value, inputs[key]);
      else if (anySecret && derivedSecret(key, inputs, tainted, rules)) value = makeSecret(value);
      // An output named like an input keeps at least that input's marks, whatever is declared.
      if (key in inputs) value = sealLike(value, inputs[key]);
      if (prior !== undefined) value = sealLike(value, prior[key]);
    }
    out[key] = value;
  }
  mask?.addValue(out);
  return out;
}

/** Whether two values carry secret marks on the same paths; their plain values are not compared. */
export function sameSecrecy(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const secretA = isSecretValue(a);
  if (secretA !== isSecretValue(b)) return false;
  if (secretA || a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item: PropertyValue, i: number) => sameSecrecy(item, b[i]));
  if (isObject(a) && isObject(b)) {
    for (const key in a) if (!sameSecrecy(a[key], b[key])) return false;
    for (const key in b) if (!(key in a) && containsSecret(b[key])) return false;
    return true;
  }
  return !containsSecret(a) && !containsSecret(b);
}

/** Whether a secret is held by an input other properties may derive from (not a write-only one). */
function taints(inputs: PropertyMap, rules: SealRules): boolean {
  const writeOnly = rules.writeOnly;
  if (writeOnly === undefined || writeOnly.length === 0) return containsSecret(inputs);
  for (const key in inputs) if (!writeOnly.includes(key) && containsSecret(inputs[key])) return true;
  return false;
}

function derivedSecret(key: string, inputs: PropertyMap, tainted: boolean, rules: SealRules): boolean {
  const sources = rules.derivedFrom?.[key];
  if (sources === undefined) return tainted;
  return sources.some((source) => containsSecret(inputs[source]));
}

function isObject(value: PropertyValue | undefined): value is { readonly [key: string]: PropertyValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value) && !isSecretValue(value);
}
