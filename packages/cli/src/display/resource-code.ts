import { isSecretValue, type PropertyValue } from "@cairn/core/automation";

/** How a program names one resource class: the module to import and the expression of the class. */
export interface ClassRef {
  /** The npm module, such as `@cairn/aws`. */
  readonly module: string;
  /** The local name the module is imported as, such as `aws`. */
  readonly alias: string;
  /** The class as written after the alias, such as `s3.Bucket` or `File`. */
  readonly path: string;
}

/** One resource to write as TypeScript. */
export interface ResourceCode {
  readonly cls: ClassRef;
  readonly name: string;
  readonly inputs: Readonly<Record<string, PropertyValue>>;
}

/**
 * The TypeScript that declares resources with the given inputs: the import
 * lines, then one `new` per resource. Secret inputs are never written out;
 * they read from a secret config key of the same name instead.
 */
export function renderResourceCode(resources: readonly ResourceCode[]): string {
  const modules = new Map<string, string>();
  for (const { cls } of resources) modules.set(cls.module, cls.alias);
  const secrets = resources.some((resource) => Object.values(resource.inputs).some((value) => containsSecretValue(value)));
  const lines = [...modules].sort(([a], [b]) => a.localeCompare(b)).map(([module, alias]) => `import * as ${alias} from ${JSON.stringify(module)};`);
  if (secrets) lines.unshift(`import { Config } from "@cairn/core";`, "");
  if (secrets) lines.push("", "const config = new Config();");
  for (const resource of resources) {
    const variable = camel(resource.name);
    lines.push("", `const ${variable} = new ${resource.cls.alias}.${resource.cls.path}(${JSON.stringify(resource.name)}, ${literal(resource.inputs, 0, [])});`);
  }
  return `${lines.join("\n")}\n`;
}

function literal(value: PropertyValue, depth: number, path: readonly string[]): string {
  if (isSecretValue(value)) return `config.requireSecret(${JSON.stringify(path.join("."))})`;
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  const pad = "  ".repeat(depth + 1);
  const end = "  ".repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item, i) => `${pad}${literal(item, depth + 1, [...path, String(i)])},`).join("\n")}\n${end}]`;
  }
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return "{}";
  const map = value as Readonly<Record<string, PropertyValue>>;
  return `{\n${keys.map((key) => `${pad}${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${literal(map[key]!, depth + 1, [...path, key])},`).join("\n")}\n${end}}`;
}

function containsSecretValue(value: PropertyValue): boolean {
  if (isSecretValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecretValue);
  if (value !== null && typeof value === "object") return Object.values(value as Record<string, PropertyValue>).some(containsSecretValue);
  return false;
}

/** A variable name for a resource name: `site-index` becomes `siteIndex`. */
export function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join("");
  return /^[A-Za-z_$]/.test(joined) ? joined : `r${joined}`;
}
