// Writes what the provider needs to know of one service's types: names in
// both spellings, value shapes, identifiers, replacement and write-only paths.

/**
 * A value's shape as a short code: `s` string, `n` number, `i` integer, `b`
 * boolean, `j` any JSON, `d` date-time, `z` null, `t` a Key/Value tag,
 * `@Name` a nested type, `[x` a list of x, `{x` a map of x, `(x|y)` either.
 */
export function shapeCode(type) {
  switch (type.kind) {
    case "ref":
      return `@${type.def.name}`;
    case "array":
      return `[${shapeCode(type.element)}`;
    case "map":
      return `{${shapeCode(type.element)}`;
    case "union":
      return `(${[...new Set(type.types.map(shapeCode))].join("|")})`;
    default:
      return type.prim;
  }
}

function propTable(props) {
  const out = {};
  for (const p of props) {
    const entry = [p.pascal, shapeCode(p.type), p.required ? 1 : 0];
    const allowed = p.type.kind === "prim" ? p.type.allowed : undefined;
    if (allowed !== undefined) entry.push(allowed);
    out[p.camel] = entry;
  }
  return out;
}

function typeSchema(type) {
  const schema = { cfn: type.cfnType, props: propTable(type.props), attrs: propTable(type.attrs), id: type.primaryIdentifier };
  if (type.createOnly.length > 0) schema.replace = type.createOnly;
  if (type.writeOnly.length > 0) schema.writeOnly = type.writeOnly;
  if (type.tags !== undefined) schema.tags = [type.tags.property, type.tags.variant];
  return schema;
}

/** The provider's module for one service. */
export function emitServiceSchema(service, header) {
  const types = {};
  for (const type of service.types) types[type.name] = typeSchema(type);
  const defs = {};
  for (const def of service.defs) defs[def.name] = propTable(def.props);
  const data = { namespace: service.namespace, types, defs };
  return `${header}/** The ${service.namespace} types, as the provider reads them (see src/native/schema.ts). */\nexport const schema = ${JSON.stringify(data)};\n`;
}

/**
 * The catalog: every service that has a module with its namespace, and the write-only
 * properties of each type (the engine asks for them before anything else
 * is loaded, to keep them secret).
 */
export function emitCatalog(services, header, tokenOf) {
  const writeOnly = {};
  for (const service of services) {
    for (const type of service.types) {
      const top = [...new Set(type.writeOnly.map((path) => path.split(".")[0]))];
      if (top.length > 0) writeOnly[tokenOf(service, type)] = top;
    }
  }
  const namespaces = Object.fromEntries(services.map((s) => [s.name, s.namespace]));
  const js =
    `${header}export const NATIVE_NAMESPACES = ${JSON.stringify(namespaces, null, 2)};\n` +
    `export const WRITE_ONLY = ${JSON.stringify(writeOnly, null, 2)};\n`;
  const dts =
    `${header}/** The services with native types, each with its CloudFormation namespace (\`dynamodb\`: \`AWS::DynamoDB\`). */\nexport declare const NATIVE_NAMESPACES: Readonly<Record<string, string>>;\n` +
    `/** Top-level write-only properties by type token; they are kept as secrets. */\nexport declare const WRITE_ONLY: Readonly<Record<string, readonly string[]>>;\n`;
  return { js, dts };
}
