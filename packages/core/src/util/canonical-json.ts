/**
 * One canonical JSON: object keys sorted, `undefined` dropped, no spaces.
 * State, plan files and hashes all use it, so equal data gives equal bytes.
 * `end` is appended to the text (a final newline).
 */
export function canonicalJson(value: unknown, indent?: number, end = ""): string {
  const pieces: string[] = [];
  if (!writeInto(pieces, value, indent === undefined || indent <= 0 ? "" : " ".repeat(indent), "\n", SPREAD_LEVELS)) pieces.push("null");
  // Appended here, not by the caller: a big text plus one character would be copied whole once more when written.
  if (end !== "") pieces.push(end);
  return pieces.join("");
}

/**
 * One value as canonical JSON, indented by `indent` spaces a level, laid out
 * as it would be `depth` levels deep inside a larger indented text: a large
 * document can be written piece by piece, each piece equal to its part of
 * {@link canonicalJson}'s text. `undefined` if the value writes nothing.
 */
export function canonicalJsonAt(value: unknown, indent: number, depth: number): string | undefined {
  const unit = indent <= 0 ? "" : " ".repeat(indent);
  return write(value, unit, unit === "" ? "" : "\n" + unit.repeat(depth));
}

/** How many outer levels of a value are written piece by piece (a saved plan's document and its list of steps; snapshots are written by `StateText`). */
const SPREAD_LEVELS = 2;

/**
 * Writes the outer `levels` of a value as a list of pieces, joined once at
 * the end, and each value below them as one text. Joining every level into
 * a text of its own would copy a plan of N steps once per level of
 * nesting, and hold those copies at once; this way writing it costs about
 * twice its size. Returns false when the value writes nothing.
 */
function writeInto(pieces: string[], given: unknown, unit: string, newline: string, levels: number): boolean {
  const value = typeof (given as { toJSON?: unknown } | null)?.toJSON === "function" && typeof given === "object" ? (given as { toJSON(): unknown }).toJSON() : given;
  if (levels === 0 || value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    const text = write(value, unit, newline);
    if (text !== undefined) pieces.push(text);
    return text !== undefined;
  }
  const inner = unit === "" ? "" : newline + unit;
  const separator = "," + inner;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      pieces.push("[]");
      return true;
    }
    pieces.push("[" + inner);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) pieces.push(separator);
      if (!writeInto(pieces, value[i], unit, inner, levels - 1)) pieces.push("null");
    }
    pieces.push(unit === "" ? "]" : newline + "]");
    return true;
  }
  let count = 0;
  for (const key of sortedKeys(value)) {
    const at = pieces.length;
    pieces.push(count === 0 ? "{" + inner : separator, JSON.stringify(key) + (unit === "" ? ":" : ": "));
    if (writeInto(pieces, (value as Record<string, unknown>)[key], unit, inner, levels - 1)) count++;
    else pieces.length = at;
  }
  pieces.push(count === 0 ? "{}" : unit === "" ? "}" : newline + "}");
  return true;
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
  const keys = sortedKeys(value);
  const parts: string[] = [];
  for (const key of keys) {
    const item = write((value as Record<string, unknown>)[key], unit, inner);
    if (item !== undefined) parts.push(unit === "" ? `${JSON.stringify(key)}:${item}` : `${JSON.stringify(key)}: ${item}`);
  }
  if (parts.length === 0) return "{}";
  return unit === "" ? `{${parts.join(",")}}` : `{${inner}${parts.join(`,${inner}`)}${newline}}`;
}

/**
 * An object's keys in the order `sort()` gives. Most objects have a few keys,
 * often in order already: an insertion sort settles them without the work
 * space that `Array.prototype.sort` allocates on every call.
 */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
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
