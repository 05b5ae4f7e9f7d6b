import { custom, isPlainRecord, type Field } from "./spec.js";

/**
 * A JSON document given as an object or as JSON text (an ECR lifecycle
 * policy, a SageMaker pipeline definition, a KMS key policy); check turns
 * text into the object, so the two spellings of one document compare equal.
 */
export function jsonDocumentField(what: string, options: { readonly required?: boolean; readonly maxLength?: number } = {}): Field {
  return custom({ required: options.required }, (value, path, failures) => {
    const parsed = typeof value === "string" ? tryParse(value) : value;
    if (!isPlainRecord(parsed)) {
      failures.push({ property: path, reason: `expected ${what} (an object or JSON text), got ${JSON.stringify(value).slice(0, 80)}` });
      return value;
    }
    const size = JSON.stringify(parsed).length;
    if (options.maxLength !== undefined && size > options.maxLength) failures.push({ property: path, reason: `expected at most ${options.maxLength} characters of JSON, got ${size}` });
    return parsed;
  });
}

/** Parses JSON text a service returned; `undefined` when there is none or it is not JSON. */
export function parseDocument(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || text === "") return undefined;
  const parsed = tryParse(text);
  return isPlainRecord(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
