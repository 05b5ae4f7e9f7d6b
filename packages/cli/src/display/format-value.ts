import { isSecretValue, isUnknown, type PropertyValue } from "@cairn/core/automation";

/** What a secret value prints as. */
export const SECRET_TEXT = "[secret]";
/** What a value known only after apply prints as. */
export const UNKNOWN_TEXT = "(known after apply)";

/** Options of {@link formatValue}. */
export interface FormatOptions {
  /** Print secrets in plain text (`--show-secrets`). @default false */
  readonly showSecrets?: boolean;
  /** Longest text before it is cut with "…". @default 120 */
  readonly maxLength?: number;
}

/**
 * A property value on one line: strings quoted, secrets as `[secret]`,
 * unknowns as `(known after apply)`, structures as compact JSON-like text.
 */
export function formatValue(value: PropertyValue | undefined, options: FormatOptions = {}): string {
  const text = render(value, options.showSecrets === true);
  const max = options.maxLength ?? 120;
  return text.length > max ? `${cutWhole(text, max - 1)}…` : text;
}

/**
 * The first `length` characters of quoted text, backed off so that no escape
 * (`\n`, `\"`, `\u001b`) or surrogate pair is cut in half.
 */
export function cutWhole(text: string, length: number): string {
  let end = Math.max(0, length);
  // A backslash run of odd length before the cut means the last one starts an escape.
  const escapeAt = (at: number): number | undefined => {
    let start = at;
    while (start > 0 && text[start - 1] === "\\") start--;
    return (at - start) % 2 === 1 ? at - 1 : undefined;
  };
  for (let back = 0; back <= 5 && end - back > 0; back++) {
    const slash = escapeAt(end - back);
    if (slash === undefined) continue;
    const width = text[slash + 1] === "u" ? 6 : 2;
    if (slash + width > end) end = slash;
    break;
  }
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

function render(value: PropertyValue | undefined, showSecrets: boolean): string {
  if (value === undefined) return "undefined";
  if (isUnknown(value)) return UNKNOWN_TEXT;
  if (isSecretValue(value)) return showSecrets && !isSealed(value.value) ? render(value.value, showSecrets) : SECRET_TEXT;
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => render(item, showSecrets)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${render((value as Record<string, PropertyValue>)[key], showSecrets)}`);
    return `{ ${entries.join(", ")} }`.replace("{  }", "{}");
  }
  return String(value);
}

function isSealed(value: unknown): boolean {
  return value !== null && typeof value === "object" && "@secret" in value;
}

/**
 * A value made plain for JSON output: secrets become "[secret]" (or their
 * value with `showSecrets`), unknowns "(known after apply)".
 */
export function plainValue(value: unknown, showSecrets = false): unknown {
  if (isUnknown(value)) return UNKNOWN_TEXT;
  if (isSecretValue(value)) return showSecrets && !isSealed(value.value) ? plainValue(value.value, showSecrets) : SECRET_TEXT;
  if (Array.isArray(value)) return value.map((item) => plainValue(item, showSecrets));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = plainValue((value as Record<string, unknown>)[key], showSecrets);
    return out;
  }
  return value;
}
