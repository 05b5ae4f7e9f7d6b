// Names: CloudFormation's PascalCase to the camelCase a TypeScript user writes.

const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
  "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
  "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
]);

/**
 * Names every resource already has (`id` is the cloud id, `urn` Cairn's):
 * a property of that name is written `idValue`.
 */
const MEMBERS = new Set(["id", "urn"]);

/** The camelCase name of a property, never one of {@link MEMBERS}. */
export function propertyName(name) {
  const out = camel(name);
  return MEMBERS.has(out) ? `${out}Value` : out;
}

/**
 * `SSESpecification` -> `sseSpecification`, `KeySchema` -> `keySchema`,
 * `VPC` -> `vpc`: a leading run of capitals is lowered, except the last one
 * when it starts the next word.
 */
export function camel(name) {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? "";
  if (run.length === 0) return name;
  if (run.length === name.length) return name.toLowerCase();
  const rest = name.slice(run.length);
  const keep = run.length > 1 && /^[a-z]/.test(rest) ? 1 : 0;
  return run.slice(0, run.length - keep).toLowerCase() + run.slice(run.length - keep) + rest;
}

/** A property key as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function key(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A type or class name that is a valid identifier and no reserved word. */
export function typeName(name) {
  const clean = name.replace(/[^A-Za-z0-9_$]/g, "");
  const safe = /^[0-9]/.test(clean) ? `T${clean}` : clean;
  return RESERVED.has(safe) ? `${safe}Type` : safe;
}

/** TSDoc text: no comment terminator, no accidental tags, at most `max` characters. */
export function docText(text, max) {
  if (text === undefined) return undefined;
  let out = text.trim().replace(/\*\//g, "*\\/").replace(/@/g, "\\@").replace(/\r/g, "");
  if (max !== undefined && out.length > max) {
    const cut = out.lastIndexOf(". ", max);
    out = `${out.slice(0, cut > max / 2 ? cut + 1 : max).trimEnd()} …`;
  }
  return out;
}

/** A TSDoc block at `indent`, or nothing when there is no text. */
export function docBlock(lines, indent) {
  const text = lines.filter((line) => line !== undefined && line.length > 0).join("\n\n");
  if (text.length === 0) return "";
  const body = text.split("\n").map((line) => (line.length === 0 ? `${indent} *` : `${indent} * ${line}`));
  return `${indent}/**\n${body.join("\n")}\n${indent} */\n`;
}
