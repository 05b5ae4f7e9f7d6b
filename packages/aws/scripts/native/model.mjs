// Reads AWS's resource specification into the plain model the emitters write from.
import { camel, propertyName, typeName } from "./names.mjs";

const PRIMITIVES = { string: "s", number: "n", integer: "i", boolean: "b", json: "j", "date-time": "d", null: "z", tag: "t" };
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The services of the specification, each with its resource types, sorted by
 * name so that the same specification always gives the same model.
 * `select(cfnType)` keeps a subset; `writeOnly` maps a CloudFormation type to
 * its write-only property paths (the specification does not carry them).
 */
export function readModel(db, { select = () => true, writeOnly = {} } = {}) {
  const services = [];
  for (const service of [...db.all("service")].sort((a, b) => byName(a.shortName, b.shortName))) {
    const resources = db.follow("hasResource", service).map((link) => link.entity).filter((r) => select(r.cloudFormationType));
    if (resources.length === 0) continue;
    const defs = new DefTable(db);
    // Every class and its Args are named before any nested type, which must not take their names.
    for (const r of resources) {
      defs.reserve(typeName(r.name));
      defs.reserve(`${typeName(r.name)}Args`);
    }
    const types = resources.sort((a, b) => byName(a.name, b.name)).map((r) => readType(r, defs, writeOnly[r.cloudFormationType] ?? []));
    services.push({ name: service.shortName, namespace: service.cloudFormationNamespace, types, defs: defs.list() });
  }
  return services;
}

/** The nested types of one service, named after their resource: `Table` + `KeySchema`. */
class DefTable {
  #db;
  #byId = new Map();
  #names = new Set();

  constructor(db) {
    this.#db = db;
  }

  reserve(name) {
    this.#names.add(name);
  }

  def(ref, owner) {
    const id = ref.$ref;
    const known = this.#byId.get(id);
    if (known !== undefined) return known;
    const entity = this.#db.get("typeDefinition", id);
    let name = typeName(`${owner}${entity.name}`);
    while (this.#names.has(name)) name = `${name}Type`;
    this.#names.add(name);
    const def = { id, name, key: `${owner}.${entity.name}`, doc: entity.documentation, props: [] };
    this.#byId.set(id, def);
    def.props = readProps(entity.properties, this, owner);
    return def;
  }

  list() {
    return [...this.#byId.values()].sort((a, b) => byName(a.name, b.name));
  }
}

function readType(resource, defs, writeOnlyPaths) {
  const className = typeName(resource.name);
  const props = readProps(resource.properties, defs, className, true);
  const propNames = new Set(props.map((p) => p.pascal));
  const attrs = Object.entries(resource.attributes)
    .filter(([name]) => !name.includes(".") && !propNames.has(name))
    .map(([name, attr]) => ({ pascal: name, camel: propertyName(name), type: readTypeExpr(attr.type, defs, className), doc: attr.documentation }))
    .sort((a, b) => byName(a.camel, b.camel));
  const toCamel = pathMapper(props, attrs);
  const createOnly = [...replacementPaths(props, [], new Set()), ...(resource.additionalReplacementProperties ?? []).map(toCamel)];
  return {
    name: resource.name,
    className,
    cfnType: resource.cloudFormationType,
    doc: resource.documentation,
    props,
    attrs,
    primaryIdentifier: (resource.primaryIdentifier ?? []).map((name) => toCamel([name])),
    createOnly: [...new Set(createOnly)].sort(),
    writeOnly: writeOnlyPaths.map((path) => toCamel(path.split("/"))).sort(),
    tags: resource.tagInformation === undefined ? undefined : { property: camel(resource.tagInformation.tagPropertyName), variant: resource.tagInformation.variant },
  };
}

function readProps(properties, defs, owner, top = false) {
  const props = Object.entries(properties)
    .filter(([, p]) => p.deprecated !== "IGNORE")
    .map(([name, p]) => ({
      pascal: name,
      camel: top ? propertyName(name) : camel(name),
      type: readTypeExpr(p.type, defs, owner),
      required: p.required === true,
      replaces: p.causesReplacement === "yes",
      doc: p.documentation,
    }));
  // Two names that camel-case alike keep their own spelling.
  const seen = new Set();
  for (const p of props.sort((a, b) => byName(a.pascal, b.pascal))) {
    if (seen.has(p.camel)) p.camel = p.pascal;
    seen.add(p.camel);
  }
  return props.sort((a, b) => byName(a.camel, b.camel));
}

function readTypeExpr(type, defs, owner) {
  switch (type.type) {
    case "ref":
      return { kind: "ref", def: defs.def(type.reference, owner) };
    case "array":
      return { kind: "array", element: readTypeExpr(type.element, defs, owner) };
    case "map":
      return { kind: "map", element: readTypeExpr(type.element, defs, owner) };
    case "union":
      return { kind: "union", types: type.types.map((t) => readTypeExpr(t, defs, owner)) };
    default: {
      const prim = PRIMITIVES[type.type] ?? "j";
      const allowed = type.allowedValues?.length > 0 ? [...type.allowedValues] : undefined;
      return allowed === undefined ? { kind: "prim", prim } : { kind: "prim", prim, allowed };
    }
  }
}

/** Camel-cased dotted paths of the properties (nested ones too) whose change replaces the resource. */
function replacementPaths(props, prefix, visiting) {
  const out = [];
  for (const p of props) {
    const path = [...prefix, p.camel];
    if (p.replaces) {
      out.push(path.join("."));
      continue;
    }
    const { def, star } = innerDef(p.type);
    if (def === undefined || visiting.has(def.id) || prefix.length >= 4) continue;
    visiting.add(def.id);
    out.push(...replacementPaths(def.props, star ? [...path, "*"] : path, visiting));
    visiting.delete(def.id);
  }
  return out;
}

function innerDef(type) {
  if (type.kind === "ref") return { def: type.def, star: false };
  if ((type.kind === "array" || type.kind === "map") && type.element.kind === "ref") return { def: type.element.def, star: true };
  return { def: undefined, star: false };
}

/** Maps a path of PascalCase names through the model to camelCase; unknown parts are camel-cased. */
function pathMapper(props, attrs) {
  return (segments) => {
    let level = [...props, ...attrs];
    const out = [];
    for (const segment of segments.filter((s) => s !== "" && s !== "properties")) {
      if (segment === "*") {
        out.push("*");
        continue;
      }
      const prop = level.find((p) => p.pascal === segment);
      out.push(prop?.camel ?? camel(segment));
      const { def } = prop === undefined ? {} : innerDef(prop.type);
      level = def?.props ?? [];
    }
    return out.join(".");
  };
}
