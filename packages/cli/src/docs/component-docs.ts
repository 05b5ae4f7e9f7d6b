import type { ClassInfo, InterfaceInfo, MemberInfo, SourceInfo } from "./ts-reader.js";

/** The markers between which `cairn docs` writes; everything outside them is the author's. */
export const DOCS_START = "<!-- cairn-docs:start -->";
export const DOCS_END = "<!-- cairn-docs:end -->";

/** One source file of a package, read. */
export interface ReadFile {
  /** The path relative to the package, with `/`. */
  readonly path: string;
  readonly info: SourceInfo;
}

/** A component found in a package: its class, its args interface, and the file it is in. */
export interface ComponentDoc {
  readonly file: string;
  readonly cls: ClassInfo;
  readonly args: InterfaceInfo | undefined;
  readonly imports: Readonly<Record<string, string>>;
}

/**
 * The components of a package: exported classes that extend
 * ComponentResource (directly or through another class of the package),
 * sorted by name.
 */
export function findComponents(files: readonly ReadFile[]): ComponentDoc[] {
  const classes = new Map(files.flatMap((file) => file.info.classes.map((cls) => [cls.name, cls] as const)));
  const interfaces = new Map(files.flatMap((file) => file.info.interfaces.map((i) => [i.name, i] as const)));
  const isComponent = (cls: ClassInfo, seen = new Set<string>()): boolean => {
    const base = cls.base.split(".").pop()!;
    if (base === "ComponentResource") return true;
    const parent = classes.get(base);
    return parent !== undefined && !seen.has(base) && isComponent(parent, seen.add(base));
  };
  const out: ComponentDoc[] = [];
  for (const file of files) {
    for (const cls of file.info.classes) {
      if (!isComponent(cls)) continue;
      out.push({ file: file.path, cls, args: cls.argsType === undefined ? undefined : interfaces.get(cls.argsType), imports: file.info.imports });
    }
  }
  return out.sort((a, b) => a.cls.name.localeCompare(b.cls.name));
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (text: string): string => (text === "" ? "" : `\`${cell(text)}\``);

/** The Markdown written between the markers: a section per component. */
export function renderComponentDocs(components: readonly ComponentDoc[]): string {
  if (components.length === 0) return "_This package exports no components._\n";
  return components.map(renderComponent).join("\n");
}

function renderComponent(component: ComponentDoc): string {
  const { cls, args } = component;
  const lines = [`### ${cls.name}`, ""];
  if (cls.token !== undefined) lines.push(`Type \`${cls.token}\`, in \`${component.file}\`.`, "");
  if (cls.doc?.summary) lines.push(cls.doc.summary, "");
  lines.push(`#### Inputs${args === undefined ? "" : ` (\`${args.name}\`)`}`, "");
  if (args === undefined || args.members.length === 0) lines.push("None.", "");
  else lines.push("| Name | Type | Required | Default | Description |", "| --- | --- | --- | --- | --- |", ...args.members.map((m) => inputRow(m, cls)), "");
  const outputs = cls.fields;
  lines.push("#### Outputs", "");
  if (outputs.length === 0) lines.push("None.", "");
  else lines.push("| Name | Type | Description |", "| --- | --- | --- |", ...outputs.map((m) => `| ${code(m.name)} | ${code(unwrapOutput(m.type))} | ${cell(m.doc?.summary ?? "")} |`), "");
  lines.push("#### Resources", "");
  if (cls.creates.length === 0) lines.push("None.", "");
  else lines.push("| Creates | From |", "| --- | --- |", ...cls.creates.map((name) => `| ${code(name)} | ${code(component.imports[name.split(".")[0]!] ?? "this package")} |`), "");
  return lines.join("\n");
}

function inputRow(member: MemberInfo, cls: ClassInfo): string {
  const fallback = member.doc?.defaultValue ?? cls.defaults[member.name];
  return `| ${code(member.name)} | ${code(member.type)} | ${member.optional ? "no" : "yes"} | ${fallback === undefined ? "" : code(fallback)} | ${cell(member.doc?.summary ?? "")} |`;
}

/** `Output<string>` is documented as `string`: every output is one. */
function unwrapOutput(type: string): string {
  const m = /^Output<([\s\S]*)>$/.exec(type);
  return m === null ? type : m[1]!;
}

/**
 * The README with the generated section between the markers: replaced when
 * the markers are there, appended under a "Components" heading when not.
 */
export function injectDocs(readme: string | undefined, generated: string): string {
  const block = `${DOCS_START}\n<!-- Written by \`cairn docs\`; edit the TSDoc in the source instead. -->\n\n${generated.trimEnd()}\n\n${DOCS_END}`;
  if (readme === undefined) return `# Components\n\n${block}\n`;
  const start = readme.indexOf(DOCS_START);
  const end = readme.indexOf(DOCS_END);
  if (start >= 0 && end > start) return `${readme.slice(0, start)}${block}${readme.slice(end + DOCS_END.length)}`;
  return `${readme.trimEnd()}\n\n## Components\n\n${block}\n`;
}
