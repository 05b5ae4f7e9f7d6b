/**
 * One canonical JSON: object keys sorted, `undefined` dropped, no spaces.
 * State, plan files and hashes all use it, so equal data gives equal bytes.
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return write(value, indent === undefined || indent <= 0 ? "" : " ".repeat(indent), "\n") ?? "null";
}

// Writes JSON directly with sorted keys: no sorted copy of the value is made.
function write(value: unknown, unit: string, newline: string): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    case "bigint":
      throw new TypeError("canonicalJson cannot write a bigint");
    default:
      return undefined;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return write((value as { toJSON(): unknown }).toJSON(), unit, newline);
  const inner = unit === "" ? "" : newline + unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => write(item, unit, inner) ?? "null");
    return unit === "" ? `[${items.join(",")}]` : `[${inner}${items.join(`,${inner}`)}${newline}]`;
  }
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = write((value as Record<string, unknown>)[key], unit, inner);
    if (item !== undefined) parts.push(unit === "" ? `${JSON.stringify(key)}:${item}` : `${JSON.stringify(key)}: ${item}`);
  }
  if (parts.length === 0) return "{}";
  return unit === "" ? `{${parts.join(",")}}` : `{${inner}${parts.join(`,${inner}`)}${newline}}`;
}

/**
 * Structural equality of JSON-like values; `undefined` keys count as absent.
 * Not `util.isDeepStrictEqual`: that tells `{ a: undefined }` from `{}`, and
 * an optional input left undefined must not read as a change (nor NaN, which
 * JSON cannot hold, as equal to itself).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bs[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const key in ao) if (ao[key] !== undefined && !deepEqual(ao[key], bo[key])) return false;
  for (const key in bo) if (bo[key] !== undefined && ao[key] === undefined) return false;
  return true;
}
