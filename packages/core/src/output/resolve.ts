import { CairnError } from "../errors.js";
import { isPlainObject, Output } from "./output.js";
import type { EvaluationPhase } from "./phase.js";
import { isSecretValue, isUnknown, SecretValue, UNKNOWN, type PropertyMap, type PropertyValue } from "./values.js";

/**
 * Resolves a resource's inputs in one phase into plain property values:
 * Outputs and promises are awaited, unknown values become UNKNOWN and secret
 * ones SecretValue, keys whose value is `undefined` are dropped.
 */
export function resolveProperties(inputs: Readonly<Record<string, unknown>>, phase: EvaluationPhase, where: string): PropertyMap | Promise<PropertyMap> {
  // Most inputs hold no Output or promise at all: those need no waiting.
  let plain = true;
  for (const key in inputs) {
    if (!isPlainValue(inputs[key])) {
      plain = false;
      break;
    }
  }
  if (plain) return dropUndefined(inputs);
  return resolveAsync(inputs, phase, where);
}

function isPlainValue(value: unknown): boolean {
  if (value === undefined || isSimple(value)) return true;
  if (Array.isArray(value)) return value.every(isPlainValue);
  if (isPlainObject(value)) {
    for (const key in value) if (!isPlainValue(value[key])) return false;
    return true;
  }
  return false;
}

function dropUndefined(inputs: Readonly<Record<string, unknown>>): PropertyMap {
  for (const key in inputs) {
    if (inputs[key] === undefined) {
      const out: Record<string, PropertyValue> = {};
      for (const k in inputs) if (inputs[k] !== undefined) out[k] = inputs[k] as PropertyValue;
      return out;
    }
  }
  return inputs as PropertyMap;
}

async function resolveAsync(inputs: Readonly<Record<string, unknown>>, phase: EvaluationPhase, where: string): Promise<PropertyMap> {
  const out: Record<string, PropertyValue> = {};
  const pending: Promise<void>[] = [];
  for (const key of Object.keys(inputs)) {
    const value = inputs[key];
    if (value === undefined) continue;
    if (isSimple(value)) {
      out[key] = value as PropertyValue;
      continue;
    }
    pending.push(
      toProperty(value, phase, `${where}.${key}`).then((resolved) => {
        if (resolved !== undefined) out[key] = resolved;
      }),
    );
  }
  if (pending.length > 0) await Promise.all(pending);
  // Keys in input order, whatever order their values settled in.
  const ordered: Record<string, PropertyValue> = {};
  for (const key of Object.keys(inputs)) if (key in out) ordered[key] = out[key]!;
  return ordered;
}

function isSimple(value: unknown): boolean {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

async function toProperty(value: unknown, phase: EvaluationPhase, where: string): Promise<PropertyValue | undefined> {
  if (value === undefined) return undefined;
  if (isSimple(value)) return value as PropertyValue;
  if (isUnknown(value) || isSecretValue(value)) return value;
  if (Output.isOutput(value)) {
    const resolved = await value.evaluate(phase);
    if (!resolved.known) return resolved.secret ? new SecretValue(UNKNOWN) : UNKNOWN;
    const inner = await toProperty(resolved.value, phase, where);
    if (inner === undefined) return undefined;
    return resolved.secret && !isSecretValue(inner) ? new SecretValue(inner) : inner;
  }
  if (value instanceof Promise) return toProperty(await value, phase, where);
  if (Array.isArray(value)) {
    const items = await Promise.all(value.map((item, i) => toProperty(item, phase, `${where}[${i}]`)));
    return items.map((item) => (item === undefined ? null : item));
  }
  if (isPlainObject(value)) return resolveProperties(value, phase, where);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  throw new CairnError(
    "CHECK_FAILED",
    `Input ${where} is a ${describe(value)}, which cannot be stored; pass a plain value, an array, an object, or an Output (for a resource, pass one of its outputs such as .id).`,
  );
}

function describe(value: unknown): string {
  if (typeof value === "function") return "function";
  const name = (value as object).constructor?.name;
  return name === undefined ? typeof value : `${name} object`;
}
