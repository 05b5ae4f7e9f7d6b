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
    else out[spec[0]] = valueToCloud(value, shapeOf(spec[1]), schema);
  }
  return out;
}

function valueToCloud(value: unknown, shape: Shape, schema: ServiceSchema): unknown {
  switch (shape.kind) {
    case "object":
      return isObject(value) ? toCloud(value, schema.defs[shape.def] ?? {}, schema) : value;
    case "list":
      return Array.isArray(value) ? value.map((item) => valueToCloud(item, shape.element, schema)) : value;
    case "map":
      return isObject(value) ? mapValues(value, (item) => valueToCloud(item, shape.element, schema)) : value;
    case "union": {
      const member = unionMember(value, shape, schema, (table) => Object.keys(value as Json).every((key) => key in table));
      return member === undefined ? value : valueToCloud(value, member, schema);
    }
    default:
      return shape.code === "t" && isObject(value) ? { Key: value.key, Value: value.value } : value;
  }
}

/** What Cloud Control reports (PascalCase) as the program's camelCase properties; names the table lacks are left out. */
export function fromCloud(model: Json, table: PropertyTable, schema: ServiceSchema): Json {
  const names = camelNames(table);
  const out: Json = {};
  for (const [cfn, value] of Object.entries(model)) {
    const camel = names.get(cfn);
    if (camel === undefined || value === undefined) continue;
    out[camel] = valueFromCloud(value, shapeOf(table[camel]![1]), schema);
  }
  return out;
}

function valueFromCloud(value: unknown, shape: Shape, schema: ServiceSchema): unknown {
  switch (shape.kind) {
    case "object":
      return isObject(value) ? nestedFromCloud(value, schema.defs[shape.def] ?? {}, schema) : value;
    case "list":
      return Array.isArray(value) ? value.map((item) => valueFromCloud(item, shape.element, schema)) : value;
    case "map":
      return isObject(value) ? mapValues(value, (item) => valueFromCloud(item, shape.element, schema)) : value;
    case "union": {
      const member = unionMember(value, shape, schema, (table) => {
        const names = camelNames(table);
        return Object.keys(value as Json).every((key) => names.has(key));
      });
      return member === undefined ? value : valueFromCloud(value, member, schema);
    }
    default:
      return shape.code === "t" && isObject(value) ? { key: value.Key, value: value.Value } : value;
  }
}

/** A nested object keeps the names the schema does not know, camel-cased by nothing: the cloud may report more than the schema says. */
function nestedFromCloud(model: Json, table: PropertyTable, schema: ServiceSchema): Json {
  const names = camelNames(table);
  const out = fromCloud(model, table, schema);
  for (const [cfn, value] of Object.entries(model)) if (!names.has(cfn)) out[cfn] = value;
  return out;
}

/**
 * The member of a union a value belongs to: a list member for a list; for an
 * object, the first object member whose names fit it, else a map member.
 */
function unionMember(value: unknown, shape: Shape & { kind: "union" }, schema: ServiceSchema, fits: (table: PropertyTable) => boolean): Shape | undefined {
  if (Array.isArray(value)) return shape.members.find((m) => m.kind === "list");
  if (!isObject(value)) return undefined;
  const objects = shape.members.filter((m): m is Shape & { kind: "object" } => m.kind === "object");
  return objects.find((m) => fits(schema.defs[m.def] ?? {})) ?? objects[0] ?? shape.members.find((m) => m.kind === "map");
}

function mapValues(value: Json, fn: (item: unknown) => unknown): Json {
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) out[key] = fn(item);
  return out;
}
