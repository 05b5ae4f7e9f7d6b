import { deepEqual, isUnknown, type PropertyValue } from "@cairn/core/provider";
import { custom, isPlainRecord, type Field } from "../check/spec.js";

/** An IAM policy document: `{ Version, Statement: [...] }`. */
export type PolicyDocument = Readonly<Record<string, unknown>>;

/** A policy document given as an object or as JSON text; check turns text into the object. */
export function policyField(options: { readonly required?: boolean } = {}): Field {
  return custom({ required: options.required }, (value, path, failures) => {
    const parsed = typeof value === "string" ? tryParse(value) : value;
    if (!isPlainRecord(parsed)) {
      failures.push({ property: path, reason: `expected a policy document (an object or JSON text), got ${JSON.stringify(value).slice(0, 80)}` });
      return value;
    }
    if (parsed.Statement === undefined) failures.push({ property: path, reason: "a policy document needs a Statement" });
    return parsed;
  });
}

/** Policy documents by policy name (inline policies). */
export function policyMapField(): Field {
  return custom({ default: {} }, (value, path, failures) => {
    if (!isPlainRecord(value)) {
      failures.push({ property: path, reason: "expected an object of policy names to policy documents" });
      return value;
    }
    const out: Record<string, PropertyValue> = {};
    for (const [name, doc] of Object.entries(value)) out[name] = isUnknown(doc) ? doc : (policyField({ required: true }).normalize(doc, `${path}.${name}`, failures) as PropertyValue);
    return out;
  });
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A policy document as IAM returns it (URL-encoded JSON). */
export function decodePolicy(encoded: string | undefined): PolicyDocument | undefined {
  if (encoded === undefined) return undefined;
  return JSON.parse(decodeURIComponent(encoded)) as PolicyDocument;
}

/**
 * Whether two documents mean the same: IAM may return `"s3:GetObject"` where
 * the program wrote `["s3:GetObject"]`, or list values in another order.
 */
export function samePolicy(a: unknown, b: unknown): boolean {
  return deepEqual(canonical(a), canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    if (items.every((item) => typeof item === "string")) return [...(items as string[])].sort();
    return items;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const c = canonical(item);
      out[key] = typeof c === "string" && LIST_KEYS.has(key) ? [c] : c;
    }
    return out;
  }
  return value;
}

/** Keys whose value may be one string or a list of strings. */
const LIST_KEYS = new Set(["Action", "NotAction", "Resource", "NotResource", "AWS", "Service", "Federated", "CanonicalUser"]);
