import { isUnknown, type CheckFailure } from "@cairn/core/provider";
import { shapeOf, type PropertySpec, type PropertyTable, type ServiceSchema, type Shape } from "./schema.js";

type Json = Record<string, unknown>;

/** How many names an "unknown property" failure lists. */
const NAMES_SHOWN = 12;

/**
 * Checks a program's properties against the type's schema, with no cloud
 * call: unknown names, missing required properties, value types and the
 * allowed values of enumerations, at any depth. Values not known yet pass.
 */
export function validateProperties(values: Json, table: PropertyTable, schema: ServiceSchema): CheckFailure[] {
  const failures: CheckFailure[] = [];
  checkObject(values, table, schema, "", failures);
  return failures;
}

function checkObject(values: Json, table: PropertyTable, schema: ServiceSchema, path: string, failures: CheckFailure[]): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const spec = table[key];
    const at = path === "" ? key : `${path}.${key}`;
    if (spec === undefined) failures.push({ property: at, reason: unknownName(key, table) });
    else checkValue(value, spec, shapeOf(spec[1]), schema, at, failures);
  }
  for (const [key, spec] of Object.entries(table)) {
    if (spec[2] === 1 && values[key] === undefined) failures.push({ property: path === "" ? key : `${path}.${key}`, reason: "is required" });
  }
}

function unknownName(key: string, table: PropertyTable): string {
  const names = Object.keys(table);
  if (names.length === 0) return "is not a property (this type has none here)";
  const near = closest(key, names);
  if (near !== undefined) return `is not a property; did you mean ${near}?`;
  return `is not a property; expected one of ${names.slice(0, NAMES_SHOWN).join(", ")}${names.length > NAMES_SHOWN ? ", …" : ""}`;
}

/** The name a typo most likely meant: the same but for case, or within two edits. */
function closest(key: string, names: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

function checkValue(value: unknown, spec: PropertySpec | undefined, shape: Shape, schema: ServiceSchema, at: string, failures: CheckFailure[]): void {
  if (isUnknown(value)) return;
  const problem = problemWith(value, spec, shape, schema, at, failures);
  if (problem !== undefined) failures.push({ property: at, reason: problem });
}

function problemWith(value: unknown, spec: PropertySpec | undefined, shape: Shape, schema: ServiceSchema, at: string, failures: CheckFailure[]): string | undefined {
  switch (shape.kind) {
    case "object":
      if (!isObject(value)) return `expected an object, got ${describe(value)}`;
      checkObject(value, schema.defs[shape.def] ?? {}, schema, at, failures);
      return undefined;
    case "list":
      if (!Array.isArray(value)) return `expected a list, got ${describe(value)}`;
      value.forEach((item, i) => checkValue(item, undefined, shape.element, schema, `${at}.${i}`, failures));
      return undefined;
    case "map":
      if (!isObject(value)) return `expected a map of names to values, got ${describe(value)}`;
      for (const [key, item] of Object.entries(value)) checkValue(item, undefined, shape.element, schema, `${at}.${key}`, failures);
      return undefined;
    case "union":
      return shape.members.some((member) => fits(value, member, schema)) ? undefined : `got ${describe(value)}, which matches none of the forms this property takes`;
    default:
      return primitiveProblem(value, shape.code, spec?.[3]);
  }
}

/** Whether a value fits a shape, with no failures recorded. */
function fits(value: unknown, shape: Shape, schema: ServiceSchema): boolean {
  const failures: CheckFailure[] = [];
  return problemWith(value, undefined, shape, schema, "", failures) === undefined && failures.length === 0;
}

function primitiveProblem(value: unknown, code: string, allowed: readonly (string | number)[] | undefined): string | undefined {
  const expected = { s: "string", d: "string", n: "number", i: "number", b: "boolean" }[code];
  if (expected !== undefined && typeof value !== expected) return `expected a ${code === "i" ? "whole number" : expected}, got ${describe(value)}`;
  if (code === "i" && !Number.isInteger(value)) return `expected a whole number, got ${describe(value)}`;
  if (code === "t" && !(isObject(value) && typeof value.key === "string" && typeof value.value === "string")) return `expected { key, value }, got ${describe(value)}`;
  if (allowed !== undefined && !allowed.includes(value as string | number)) {
    return `expected one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, got ${describe(value)}`;
  }
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return JSON.stringify(value);
}
