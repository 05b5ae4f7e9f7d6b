import { CairnError } from "../errors.js";
import { hintSentence, type Hint } from "../hints.js";
import { secret } from "../output/functions.js";
import type { Output } from "../output/output.js";
import { currentScope } from "./scope-storage.js";
import type { ConfigEntry, ProgramScope } from "./scope.js";

/** Marks a missing key that must be set as a secret. */
const SECRET = Symbol("secret");

/**
 * Typed access to the stack's configuration. Keys live in a namespace: the
 * project's by default, or a package's (`new Config("aws").require("region")`
 * reads `aws:region`). A key may also be given in full, as `aws:region`.
 *
 * @example
 * const cfg = new Config();
 * const replicas = cfg.requireNumber("replicas");
 * const dbPassword = cfg.requireSecret("dbPassword");
 */
export class Config {
  /** The namespace of keys without one. */
  readonly namespace: string;
  readonly #scope: ProgramScope;

  /** @param namespace the key namespace. @default the project name */
  constructor(namespace?: string) {
    const scope = currentScope();
    if (scope === undefined) {
      throw new CairnError("NO_PROGRAM_SCOPE", "Config can only be read while a Cairn program runs (cairn up, cairn preview, or Stack from @cairn/core/automation).");
    }
    this.#scope = scope;
    this.namespace = namespace ?? scope.project;
  }

  /** A string value, or `undefined` if the key is not set. */
  get(key: string): string | undefined {
    const entry = this.#entry(key);
    if (entry?.secret) {
      this.#scope.warn(`Config key "${this.fullKey(key)}" is secret but was read with get(); use getSecret() or requireSecret() to keep it secret.`);
    }
    return entry?.value;
  }

  /** A string value; a missing key is an error naming the key, the stack and the command that sets it. */
  require(key: string): string {
    const value = this.get(key);
    if (value === undefined) throw this.#missing(key);
    return value;
  }

  /** A number, or `undefined` if the key is not set. */
  getNumber(key: string): number | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed)) throw this.#invalid(key, "a number", value);
    return parsed;
  }

  /** A number; missing or not a number is an error. */
  requireNumber(key: string): number {
    const value = this.getNumber(key);
    if (value === undefined) throw this.#missing(key, "<number>");
    return value;
  }

  /** A boolean (`true` or `false`), or `undefined` if the key is not set. */
  getBoolean(key: string): boolean | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    if (value === "true") return true;
    if (value === "false") return false;
    throw this.#invalid(key, "true or false", value);
  }

  /** A boolean; missing or not `true`/`false` is an error. */
  requireBoolean(key: string): boolean {
    const value = this.getBoolean(key);
    if (value === undefined) throw this.#missing(key, "true");
    return value;
  }

  /** A structured value (stored as JSON), or `undefined` if the key is not set. */
  getObject<T>(key: string): T | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value) as T;
    } catch {
      throw this.#invalid(key, "JSON", value);
    }
  }

  /** A structured value; missing or not JSON is an error. */
  requireObject<T>(key: string): T {
    const value = this.getObject<T>(key);
    if (value === undefined) throw this.#missing(key, "'<json>'");
    return value;
  }

  /** A value as a secret Output, or `undefined` if the key is not set. */
  getSecret(key: string): Output<string> | undefined {
    const entry = this.#entry(key);
    return entry === undefined ? undefined : secret(entry.value);
  }

  /** A value as a secret Output; a missing key is an error. */
  requireSecret(key: string): Output<string> {
    const value = this.getSecret(key);
    if (value === undefined) throw this.#missing(key, SECRET);
    return value;
  }

  /** The full key (`namespace:key`) for a key. */
  fullKey(key: string): string {
    return key.includes(":") ? key : `${this.namespace}:${key}`;
  }

  #entry(key: string): ConfigEntry | undefined {
    return this.#scope.configEntry(this.fullKey(key));
  }

  #commandKey(key: string): string {
    const full = this.fullKey(key);
    return full.startsWith(`${this.#scope.project}:`) ? full.slice(this.#scope.project.length + 1) : full;
  }

  #missing(key: string, example: string | typeof SECRET = "<value>"): CairnError {
    const set: Hint = example === SECRET ? { kind: "set-config", key: this.#commandKey(key), secret: true } : { kind: "set-config", key: this.#commandKey(key), secret: false, example };
    return new CairnError("CONFIG_MISSING", `Missing required configuration "${this.fullKey(key)}" for stack "${this.#scope.stack}". ${hintSentence(set)}`, { hints: [set] });
  }

  #invalid(key: string, expected: string, found: string): CairnError {
    const shown = this.#entry(key)?.secret ? "[secret]" : JSON.stringify(found);
    return new CairnError(
      "CONFIG_INVALID",
      `Configuration "${this.fullKey(key)}" of stack "${this.#scope.stack}" must be ${expected}, got ${shown}.`,
    );
  }
}
