import { readFile } from "node:fs/promises";
import type { Document } from "yaml";
import type { SecretsState } from "@cairn/core/automation";
import { CliError } from "../cli/cli-error.js";
import { writeFileAtomic } from "@cairn/core/automation";
import { readYamlCached } from "./yaml-cache.js";

/** One stored config value: plain text, or a secret's ciphertext. */
export type StoredConfigValue = { readonly secret: false; readonly value: string } | { readonly secret: true; readonly ciphertext: string };

/**
 * A stack's `cairn.<stack>.yaml`: its config values (secrets as ciphertext)
 * and the state of its secrets provider (the passphrase's salt and wrapped
 * key). Edits keep the file's comments and order.
 *
 * ```yaml
 * secrets:
 *   provider: passphrase
 *   state: { salt: …, wrappedKey: … }
 * config:
 *   quickstart:greeting: Hello
 *   quickstart:apiKey:
 *     secure: v1:…
 * ```
 */
export class StackConfig {
  readonly path: string;
  /** The YAML document, for edits; absent when the file was read only to be read. */
  readonly #doc: Document | undefined;
  /** The file's value, for reading. */
  #value: unknown;
  /** Whether the file existed when it was read. */
  readonly existed: boolean;

  private constructor(path: string, doc: Document | undefined, value: unknown, existed: boolean) {
    this.path = path;
    this.#doc = doc;
    this.#value = value;
    this.existed = existed;
  }

  /**
   * Reads a stack's config file for reading only: faster (the parsed value is
   * cached under `cacheDir`), and its edit methods refuse. A missing file
   * reads as empty.
   */
  static async read(path: string, cacheDir: string): Promise<StackConfig> {
    const read = await readYamlCached(path, cacheDir, (message, cause) => new CliError("CLI_STACK_CONFIG_INVALID", message, { cause, file: path }));
    const config = new StackConfig(path, undefined, read.value ?? null, read.exists);
    config.#validate();
    return config;
  }

  /** Reads a stack's config file to change it; a missing file reads as empty. */
  static async load(path: string): Promise<StackConfig> {
    const yaml = await import("yaml");
    let text: string | undefined;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const doc = yaml.parseDocument(text ?? "");
    if (doc.errors.length > 0) {
      throw new CliError("CLI_STACK_CONFIG_INVALID", `${path} is not valid YAML: ${doc.errors[0]!.message}`, { file: path });
    }
    const config = new StackConfig(path, doc, doc.toJS(), text !== undefined);
    config.#validate();
    return config;
  }

  #editable(): Document {
    if (this.#doc === undefined) throw new Error(`${this.path} was read for reading only; load it with StackConfig.load to change it.`);
    return this.#doc;
  }

  #validate(): void {
    const root: unknown = this.#value;
    if (root === null || root === undefined) return;
    if (typeof root !== "object" || Array.isArray(root)) throw this.#invalid("expected a mapping with `config:` and `secrets:`.");
    const config = (root as { config?: unknown }).config;
    if (config !== undefined && config !== null && (typeof config !== "object" || Array.isArray(config))) {
      throw this.#invalid("`config` must be a mapping of keys to values.");
    }
    const secrets = (root as { secrets?: Partial<SecretsState> }).secrets;
    if (secrets !== undefined && (typeof secrets?.provider !== "string" || typeof secrets.state !== "object")) {
      throw this.#invalid("`secrets` must have `provider` and `state`.");
    }
  }

  #invalid(what: string): CliError {
    return new CliError("CLI_STACK_CONFIG_INVALID", `${this.path}: ${what}`, { file: this.path });
  }

  /** The secrets provider's state, if the stack has one. */
  get secrets(): SecretsState | undefined {
    const value = (this.#value as { secrets?: SecretsState } | null)?.secrets;
    return value === undefined || value === null ? undefined : value;
  }

  set secrets(state: SecretsState | undefined) {
    const doc = this.#editable();
    if (state === undefined) doc.deleteIn(["secrets"]);
    else doc.setIn(["secrets"], doc.createNode({ provider: state.provider, state: { ...state.state } }));
    this.#value = doc.toJS();
  }

  /** Every config value by full key, sorted by key. */
  entries(): [string, StoredConfigValue][] {
    const config = (this.#value as { config?: Record<string, unknown> } | null)?.config ?? {};
    return Object.keys(config)
      .sort()
      .map((key) => [key, this.#stored(key, config[key])]);
  }

  /** One config value by full key. */
  get(key: string): StoredConfigValue | undefined {
    return this.entries().find(([name]) => name === key)?.[1];
  }

  #stored(key: string, value: unknown): StoredConfigValue {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
      const ciphertext = (value as { secure: unknown }).secure;
      if (typeof ciphertext !== "string") throw this.#invalid(`"${key}": \`secure\` must be ciphertext text.`);
      return { secret: true, ciphertext };
    }
    if (typeof value === "string") return { secret: false, value };
    if (value === null || value === undefined) return { secret: false, value: "" };
    // Numbers, booleans and structures written by hand reach the program as text (structures as JSON).
    return { secret: false, value: typeof value === "object" ? JSON.stringify(value) : String(value) };
  }

  /** Sets a value by full key. */
  set(key: string, value: StoredConfigValue): void {
    const doc = this.#editable();
    if (!doc.has("config") || doc.get("config") === null) doc.set("config", doc.createNode({}));
    const node = value.secret ? doc.createNode({ secure: value.ciphertext }) : value.value;
    doc.setIn(["config", key], node);
    this.#value = doc.toJS();
  }

  /** Removes a value by full key; says whether it was there. */
  remove(key: string): boolean {
    const doc = this.#editable();
    if (!doc.hasIn(["config", key])) return false;
    doc.deleteIn(["config", key]);
    this.#value = doc.toJS();
    return true;
  }

  /** Writes the file atomically. */
  async save(): Promise<void> {
    await writeFileAtomic(this.path, this.#editable().toString());
  }
}
