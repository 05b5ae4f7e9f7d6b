// Writes the TypeScript module a program imports for one service: argument
// interfaces, nested types and one class per resource type.
import { docBlock, docText, key } from "./names.mjs";

/** Characters of schema documentation kept per property; a resource keeps all of its own. */
const PROPERTY_DOC_CHARS = 600;

/** The token of a native type: `aws:native.dynamodb/Table`. */
export function tokenOf(service, type) {
  return `aws:native.${service.name}/${type.name}`;
}

/** Where the generated modules find the base class, relative to `native/services/`. */
const RUNTIME = "../../dist/native/native-resource.js";

/**
 * The module of one service: declarations (`.d.ts`, with the schema's
 * documentation) and the small runtime (`.js`, one short class per type).
 */
export function emitServiceModule(service, header) {
  const dts = [header, 'import type { CustomResourceOptions, Input, Output } from "@cairn/core";\n', `import { NativeResource, type Plain } from "${RUNTIME}";\n`];
  for (const def of service.defs) dts.push("\n", emitDef(def));
  for (const type of service.types) dts.push("\n", emitArgs(type), "\n", emitClass(service, type));
  const js = [header, `import { defineOutputs, NativeResource } from "${RUNTIME}";\n`];
  for (const type of service.types) js.push("\n", emitClassJs(service, type));
  const taken = new Set([...service.types.map((t) => t.className), ...service.defs.map((d) => d.name)]);
  return { dts: withAliases(dts.join(""), taken), js: withAliases(js.join(""), taken) };
}

/** The names the generated code takes from Cairn, each with what only its own uses look like. */
const RUNTIME_NAMES = [
  ["Input", /\bInput</g],
  ["Output", /\bOutput</g],
  ["Plain", /\bPlain</g],
  ["NativeResource", /\bextends NativeResource\b/g],
  ["CustomResourceOptions", /\bopts\?: CustomResourceOptions\b/g],
  ["defineOutputs", /\bdefineOutputs\(/g],
];

/**
 * A service with a type of the same name as one Cairn's names (IoT Events
 * has an `Input`) gets that name of Cairn's imported as `Cairn<Name>`.
 */
function withAliases(text, taken) {
  let out = text;
  for (const [name, use] of RUNTIME_NAMES) {
    if (!taken.has(name)) continue;
    out = out.replace(use, (found) => found.replace(name, `Cairn${name}`));
    out = out.replace(new RegExp(`(import (?:type )?\\{[^}]*?)\\b(type )?${name}\\b(?! as)`), `$1$2${name} as Cairn${name}`);
  }
  return out;
}

function emitDef(def) {
  return `${docBlock([docText(def.doc, PROPERTY_DOC_CHARS)], "")}export interface ${def.name} {\n${emitMembers(def.props)}}\n`;
}

function emitArgs(type) {
  return `/** The arguments of {@link ${type.className}}. */\nexport interface ${type.className}Args {\n${emitMembers(type.props)}}\n`;
}

function emitMembers(props) {
  return props
    .map((p) => {
      const notes = p.replaces ? "Changing it replaces the resource." : undefined;
      return `${docBlock([docText(p.doc, PROPERTY_DOC_CHARS), notes], "  ")}  readonly ${key(p.camel)}${p.required ? "" : "?"}: Input<${inputType(p.type)}>;\n`;
    })
    .join("");
}

/** The TypeScript type of a property's value, with `Input` wherever a value may be an Output. */
export function inputType(type) {
  switch (type.kind) {
    case "ref":
      return type.def.name;
    case "array":
      return `readonly Input<${inputType(type.element)}>[]`;
    case "map":
      return `Readonly<Record<string, Input<${inputType(type.element)}>>>`;
    case "union":
      return [...new Set(type.types.map(inputType))].join(" | ");
    default:
      return primitiveType(type);
  }
}

function primitiveType(type) {
  if (type.allowed !== undefined) return type.allowed.map((value) => JSON.stringify(value)).join(" | ");
  switch (type.prim) {
    case "s":
    case "d":
      return "string";
    case "n":
    case "i":
      return "number";
    case "b":
      return "boolean";
    case "z":
      return "null";
    case "t":
      return "{ readonly key: Input<string>; readonly value: Input<string> }";
    default:
      return "unknown";
  }
}

function outputsOf(type) {
  return [...type.attrs.map((a) => ({ ...a, attr: true })), ...type.props.map((p) => ({ ...p, attr: false }))];
}

function writeOnlyTop(type) {
  return [...new Set(type.writeOnly.map((path) => path.split(".")[0]))];
}

function classFacts(type) {
  return [
    `Cloud Control type \`${type.cfnType}\`; its id is ${type.primaryIdentifier.length === 0 ? "the one Cloud Control reports" : type.primaryIdentifier.map((p) => `\`${p}\``).join(" and ") + (type.primaryIdentifier.length > 1 ? " joined by `|`" : "")}.`,
    type.createOnly.length === 0 ? undefined : `Changing ${type.createOnly.map((p) => `\`${p}\``).join(", ")} replaces it.`,
    type.writeOnly.length === 0 ? undefined : `Write-only (secret in state, never compared with what the cloud reports): ${type.writeOnly.map((p) => `\`${p}\``).join(", ")}.`,
    type.tags === undefined ? undefined : `Taggable: the provider's default tags are merged into \`${type.tags.property}\`.`,
  ];
}

function emitClass(service, type) {
  const required = type.props.some((p) => p.required);
  const fields = outputsOf(type)
    .map((o) => {
      const valueType = o.attr ? plainType(o.type) : `Plain<${type.className}Args[${JSON.stringify(o.camel)}]>`;
      const doc = o.attr ? docBlock([docText(o.doc, PROPERTY_DOC_CHARS)], "  ") : "";
      return `${doc}  readonly ${key(o.camel)}: Output<${valueType}>;\n`;
    })
    .join("");
  const doc = docBlock([docText(type.doc), ...classFacts(type)], "");
  return `${doc}export declare class ${type.className} extends NativeResource {\n${fields}  constructor(name: string, args${required ? "" : "?"}: ${type.className}Args, opts?: CustomResourceOptions);\n}\n`;
}

function plainType(type) {
  return type.kind === "prim" ? inputType(type) : `Plain<${inputType(type)}>`;
}

function emitClassJs(service, type) {
  const names = outputsOf(type).map((o) => JSON.stringify(o.camel)).join(", ");
  const writeOnly = writeOnlyTop(type).map((p) => JSON.stringify(p)).join(", ");
  return (
    `export class ${type.className} extends NativeResource {\n` +
    `  static {\n    defineOutputs(this, [${names}]);\n  }\n\n` +
    `  constructor(name, args = {}, opts = {}) {\n` +
    `    super(${JSON.stringify(tokenOf(service, type))}, name, args, opts, [${writeOnly}]);\n  }\n}\n`
  );
}
