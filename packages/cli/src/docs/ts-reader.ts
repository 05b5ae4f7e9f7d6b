/**
 * A small reader of TypeScript source for `cairn docs`: exported interfaces
 * with their members, exported classes with their public fields, constructor
 * and what it creates, each with its TSDoc. It reads the `.ts` text itself
 * (TypeScript 7's compiler has no JavaScript API to ask), after blanking
 * strings and comments so that braces and keywords are found reliably; it
 * needs no build and sees constructor bodies, which `.d.ts` files lack.
 */

/** A TSDoc comment: its text before any tag, and its `@default`. */
export interface DocComment {
  readonly summary: string;
  readonly defaultValue?: string;
}

/** One member of an interface or one field of a class. */
export interface MemberInfo {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly doc: DocComment | undefined;
}

/** An exported interface. */
export interface InterfaceInfo {
  readonly name: string;
  readonly doc: DocComment | undefined;
  readonly members: readonly MemberInfo[];
}

/** An exported class. */
export interface ClassInfo {
  readonly name: string;
  readonly base: string;
  readonly doc: DocComment | undefined;
  /** Public, non-static fields. */
  readonly fields: readonly MemberInfo[];
  /** The type of the constructor's second parameter (the args), if it has one. */
  readonly argsType?: string;
  /** The first string given to `super(…)`: a component's type token. */
  readonly token?: string;
  /** Classes the constructor creates with `new`, in order, each once. */
  readonly creates: readonly string[];
  /** `args.x ?? value` defaults found in the constructor, by property. */
  readonly defaults: Readonly<Record<string, string>>;
}

/** What one source file exports, and where its imported names come from. */
export interface SourceInfo {
  readonly interfaces: readonly InterfaceInfo[];
  readonly classes: readonly ClassInfo[];
  /** Imported name to module specifier (`File` → `@cairn/local`). */
  readonly imports: Readonly<Record<string, string>>;
}

/** Reads one TypeScript source text. */
export function readSource(text: string): SourceInfo {
  const masked = maskNoise(text);
  return { interfaces: readInterfaces(text, masked), classes: readClasses(text, masked), imports: readImports(text) };
}

/** Classes a constructor may make that are never resources. */
const NOT_RESOURCES = new Set(["Error", "TypeError", "RangeError", "Map", "Set", "WeakMap", "Date", "RegExp", "URL", "Promise", "Array", "Object"]);

/** The text with every comment, string and template literal's contents blanked (same length, newlines kept). */
export function maskNoise(text: string): string {
  const out = text.split("");
  let i = 0;
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let k = i + 1;
      while (k < text.length && text[k] !== c) k += text[k] === "\\" ? 2 : 1;
      blank(i + 1, k);
      i = k + 1;
    } else {
      i++;
    }
  }
  return out.join("");
}

/** The index of the brace closing the one at `open`, in masked text. */
function closingBrace(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === "{") depth++;
    else if (masked[i] === "}" && --depth === 0) return i;
  }
  return masked.length;
}

/** The TSDoc comment that ends right before `at` (only whitespace between), parsed. */
export function docBefore(text: string, at: number): DocComment | undefined {
  const before = text.slice(0, at).replace(/(?:export\s+|readonly\s+|public\s+|declare\s+|default\s+)*$/, "").trimEnd();
  if (!before.endsWith("*/")) return undefined;
  const start = before.lastIndexOf("/**");
  if (start < 0) return undefined;
  return parseDoc(before.slice(start + 3, -2));
}

function parseDoc(body: string): DocComment {
  const lines = body.split("\n").map((line) => line.replace(/^\s*\*? ?/, "").trimEnd());
  const text = lines.join("\n").trim();
  const tagAt = text.search(/(^|\s)@\w+/);
  const summary = (tagAt < 0 ? text : text.slice(0, tagAt)).replace(/\{@link\s+([^}|\s]+)[^}]*\}/g, "`$1`").replace(/\s+/g, " ").trim();
  const found = /@default\s+([^@]*)/.exec(text);
  return { summary, ...(found === null ? {} : { defaultValue: found[1]!.replace(/\s+/g, " ").trim() }) };
}

function readInterfaces(text: string, masked: string): InterfaceInfo[] {
  const out: InterfaceInfo[] = [];
  for (const match of masked.matchAll(/export\s+interface\s+([\w$]+)[^{]*\{/g)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(masked, open);
    out.push({ name: match[1]!, doc: docBefore(text, match.index), members: readMembers(text, masked, open + 1, close) });
  }
  return out;
}

/** Members at the top level of a body, split at `;` (or a line end) outside brackets. */
function readMembers(text: string, masked: string, from: number, to: number): MemberInfo[] {
  const members: MemberInfo[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = masked[i];
    if (c === "{" || c === "(" || c === "[" || (c === "<" && masked[i - 1] !== "=")) depth++;
    else if (c === "}" || c === ")" || c === "]" || (c === ">" && masked[i - 1] !== "=")) depth--;
    const lineEnd = c === "\n" && depth === 0 && /[\w$>\])'"]\s*$/.test(masked.slice(start, i)) && !/^\s*[|&]/.test(masked.slice(i + 1, i + 40));
    if ((depth === 0 && c === ";") || lineEnd || i === to) {
      const member = memberAt(text, masked, start, i);
      if (member !== undefined) members.push(member);
      start = i + 1;
    }
  }
  return members;
}

function memberAt(text: string, masked: string, from: number, to: number): MemberInfo | undefined {
  const segment = masked.slice(from, to);
  const lead = segment.length - segment.trimStart().length;
  const m = /^((?:public\s+|readonly\s+|declare\s+)*)([\w$]+)(\?)?\s*:\s*([\s\S]+)$/.exec(segment.trim());
  if (m === null) return undefined;
  if (/\b(private|protected|static)\b/.test(m[1]!)) return undefined;
  const typeStart = from + lead + m[0].length - m[4]!.length;
  // A field's initialiser is not part of its type.
  const type = text.slice(typeStart, from + lead + segment.trim().length).replace(/\s+/g, " ").replace(/\s=\s[\s\S]*$/, "").trim();
  return { name: m[2]!, type, optional: m[3] === "?", doc: docBefore(text, from + lead) };
}

function readClasses(text: string, masked: string): ClassInfo[] {
  const out: ClassInfo[] = [];
  for (const match of masked.matchAll(/export\s+(?:default\s+)?(?:abstract\s+)?class\s+([\w$]+)(?:<[^{]*?>)?\s+extends\s+([\w$.]+)[^{]*\{/g)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(masked, open);
    out.push(readClassBody(text, masked, match[1]!, match[2]!, match.index, open, close));
  }
  return out;
}

function readClassBody(text: string, masked: string, name: string, base: string, at: number, open: number, close: number): ClassInfo {
  // Fields are the body's top-level declarations before the first method or constructor.
  const body = masked.slice(open + 1, close);
  const ctor = /\bconstructor\s*\(/.exec(body);
  const firstMethod = body.search(/\n\s*(?:(?:public|private|protected|static|async|override|get|set)\s+)*[\w$#]+\s*\(/);
  const fieldsEnd = open + 1 + Math.min(ctor?.index ?? body.length, firstMethod < 0 ? body.length : firstMethod);
  const fields = readMembers(text, masked, open + 1, fieldsEnd).filter((field) => !field.name.startsWith("#"));
  if (ctor === null) return { name, base, doc: docBefore(text, at), fields, creates: [], defaults: {} };
  const paramsOpen = open + 1 + ctor.index + ctor[0].length - 1;
  const paramsClose = matching(masked, paramsOpen, "(", ")");
  const params = text.slice(paramsOpen + 1, paramsClose);
  const argsType = /^[^,]+,\s*[\w$]+\??\s*:\s*([\w$.]+)/.exec(params.trim())?.[1];
  const bodyOpen = masked.indexOf("{", paramsClose);
  const ctorBody = text.slice(bodyOpen, closingBrace(masked, bodyOpen));
  const token = /super\(\s*["'`]([^"'`]+)["'`]/.exec(ctorBody)?.[1];
  // A `throw new X(...)` makes an error, not a resource; built-in value classes are not resources either.
  const made = [...maskNoise(ctorBody).matchAll(/(\bthrow\s+)?\bnew\s+([\w$.]+)\s*[(<]/g)].filter((m) => m[1] === undefined).map((m) => m[2]!);
  const creates = [...new Set(made.filter((name) => !NOT_RESOURCES.has(name)))];
  const defaults: Record<string, string> = {};
  for (const m of ctorBody.matchAll(/\bargs\.([\w$]+)\s*\?\?\s*([^;,)\n]+)/g)) defaults[m[1]!] ??= m[2]!.trim();
  return { name, base, doc: docBefore(text, at), fields, ...(argsType === undefined ? {} : { argsType }), ...(token === undefined ? {} : { token }), creates, defaults };
}

function matching(masked: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === left) depth++;
    else if (masked[i] === right && --depth === 0) return i;
  }
  return masked.length;
}

function readImports(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const part of m[1]!.split(",")) {
      const local = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()?.trim();
      if (local) out[local] = m[2]!;
    }
  }
  for (const m of text.matchAll(/import\s+\*\s+as\s+([\w$]+)\s+from\s*["']([^"']+)["']/g)) out[m[1]!] = m[2]!;
  return out;
}
