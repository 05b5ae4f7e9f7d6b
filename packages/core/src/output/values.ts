/**
 * Plain property values: what providers receive and state records. JSON,
 * plus two markers the engine understands: {@link UNKNOWN} for a value known
 * only after apply, and {@link SecretValue} for a value that must never be
 * shown or stored in plain text.
 */
export type PropertyValue =
  | null
  | boolean
  | number
  | string
  | readonly PropertyValue[]
  | { readonly [key: string]: PropertyValue }
  | Unknown
  | SecretValue;

/** A plain object of property values, as a resource's inputs or outputs. */
export type PropertyMap = { readonly [key: string]: PropertyValue };

const UNKNOWN_BRAND = Symbol.for("cairn.Unknown");
const SECRET_BRAND = Symbol.for("cairn.SecretValue");

/** The type of {@link UNKNOWN}. */
export interface Unknown {
  readonly [UNKNOWN_BRAND]: true;
}

/** A value that will be known only after apply (shown as "(known after apply)"). */
export const UNKNOWN: Unknown = Object.freeze({
  [UNKNOWN_BRAND]: true as const,
  toJSON: () => "(known after apply)",
}) as Unknown;

/** Whether a value is the unknown marker (works across package copies). */
export function isUnknown(value: unknown): value is Unknown {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[UNKNOWN_BRAND] === true;
}

/** A secret plain value. Providers receive the value inside; state encrypts it. */
export class SecretValue {
  readonly [SECRET_BRAND] = true as const;
  constructor(readonly value: PropertyValue) {}
  toJSON(): string {
    return "[secret]";
  }
  toString(): string {
    return "[secret]";
  }
}

/** Whether a value is a {@link SecretValue} (works across package copies). */
export function isSecretValue(value: unknown): value is SecretValue {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[SECRET_BRAND] === true;
}

/** Wraps a value as secret unless it already is. */
export function makeSecret(value: PropertyValue): SecretValue {
  return isSecretValue(value) ? value : new SecretValue(value);
}

/** Whether a value contains {@link UNKNOWN} anywhere. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (isSecretValue(value)) return containsUnknown(value.value);
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") {
    for (const key in value) if (containsUnknown((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Whether a value contains a {@link SecretValue} anywhere. */
export function containsSecret(value: unknown): boolean {
  if (isSecretValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (value !== null && typeof value === "object" && !isUnknown(value)) {
    for (const key in value) if (containsSecret((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** The value with every secret marker removed: what a provider receives. */
export function reveal<T = unknown>(value: PropertyValue): T {
  if (isSecretValue(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map((item) => reveal(item)) as T;
  if (value !== null && typeof value === "object" && !isUnknown(value)) {
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      const item = (value as Record<string, PropertyValue>)[key];
      const plain = reveal(item);
      if (plain !== item && out === undefined) out = { ...(value as Record<string, unknown>) };
      if (out !== undefined) out[key] = plain;
    }
    return (out ?? value) as T;
  }
  return value as T;
}
