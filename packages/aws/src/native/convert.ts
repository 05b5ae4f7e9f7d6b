import type { PropertyTable, ServiceSchema, Shape } from "./schema.js";
import { shapeOf } from "./schema.js";

type Json = Record<string, unknown>;

const reversed = new WeakMap<PropertyTable, ReadonlyMap<string, string>>();

/** CloudFormation names to camelCase names of one table. */
function camelNames(table: PropertyTable): ReadonlyMap<string, string> {
  let names = reversed.get(table);
  if (names === undefined) {
    names = new Map(Object.entries(table).map(([camel, [cfn]]) => [cfn, camel]));
    reversed.set(table, names);
  }
  return names;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One way of renaming: a program's camelCase to CloudFormation's PascalCase, or back. */
interface Direction {
  /** An object of a nested type, renamed by its table. */
  object(value: Json, table: PropertyTable, schema: ServiceSchema): Json;
  /** A legacy Key/Value tag. */
  tag(value: Json): Json;
  /** Whether every name of an object value belongs to a table (to pick a union's member). */
  fits(value: Json, table: PropertyTable): boolean;
}

const TO_CLOUD: Direction = {
  object: (value, table, schema) => toCloud(value, table, schema),
  tag: (value) => ({ Key: value.key, Value: value.value }),
  fits: (value, table) => Object.keys(value).every((key) => key in table),
};

const FROM_CLOUD: Direction = {
  // The cloud may report names the schema does not list; they are kept as reported.
  object: (value, table, schema) => {
    const names = camelNames(table);
    const out = fromCloud(value, table, schema);
    for (const [cfn, item] of Object.entries(value)) if (!names.has(cfn)) out[cfn] = item;
    return out;
  },
  tag: (value) => ({ key: value.Key, value: value.Value }),
  fits: (value, table) => {
    const names = camelNames(table);
    return Object.keys(value).every((key) => names.has(key));
  },
};

/**
 * A program's properties (camelCase) as Cloud Control takes them
 * (CloudFormation's PascalCase), nested types included. Maps and JSON values
 * (policy documents, tag maps) keep their keys as they are.
 */
export function toCloud(values: Json, table: PropertyTable, schema: ServiceSchema): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const spec = table[key];
    if (spec === undefined) out[key] = value;
    else out[spec[0]] = convert(value, shapeOf(spec[1]), schema, TO_CLOUD);
  }
  return out;
}

/** What Cloud Control reports (PascalCase) as the program's camelCase properties; names the table lacks are left out. */
export function fromCloud(model: Json, table: PropertyTable, schema: ServiceSchema): Json {
  const names = camelNames(table);
  const out: Json = {};
  for (const [cfn, value] of Object.entries(model)) {
    const camel = names.get(cfn);
    if (camel === undefined || value === undefined) continue;
    out[camel] = convert(value, shapeOf(table[camel]![1]), schema, FROM_CLOUD);
  }
  return out;
}

function convert(value: unknown, shape: Shape, schema: ServiceSchema, way: Direction): unknown {
  switch (shape.kind) {
    case "object":
      return isObject(value) ? way.object(value, schema.defs[shape.def] ?? {}, schema) : value;
    case "list":
      return Array.isArray(value) ? value.map((item) => convert(item, shape.element, schema, way)) : value;
    case "map":
      return isObject(value) ? mapValues(value, (item) => convert(item, shape.element, schema, way)) : value;
    case "union": {
      const member = unionMember(value, shape, schema, way);
      return member === undefined ? value : convert(value, member, schema, way);
    }
    default:
      return shape.code === "t" && isObject(value) ? way.tag(value) : value;
  }
}

/**
 * The member of a union a value belongs to: a list member for a list; for an
 * object, the first object member whose names fit it, else a map member.
 */
function unionMember(value: unknown, shape: Shape & { kind: "union" }, schema: ServiceSchema, way: Direction): Shape | undefined {
  if (Array.isArray(value)) return shape.members.find((m) => m.kind === "list");
  if (!isObject(value)) return undefined;
  const objects = shape.members.filter((m): m is Shape & { kind: "object" } => m.kind === "object");
  return objects.find((m) => way.fits(value, schema.defs[m.def] ?? {})) ?? objects[0] ?? shape.members.find((m) => m.kind === "map");
}

function mapValues(value: Json, fn: (item: unknown) => unknown): Json {
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) out[key] = fn(item);
  return out;
}
