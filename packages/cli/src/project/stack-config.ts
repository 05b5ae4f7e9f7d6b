import { readFile } from "node:fs/promises";
import type { Document } from "yaml";
import type { SecretsState } from "@cairn/core";
import { CliError } from "../cli/cli-error.js";
import { writeTextAtomic } from "./write-text.js";

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
  readonly #doc: Document;
  /** Whether the file existed when it was read. */
  readonly existed: boolean;

  private constructor(path: string, doc: Document, existed: boolean) {
    this.path = path;
    this.#doc = doc;
    this.existed = existed;
  }

  /** Reads a stack's config file; a missing file reads as empty. */
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
    const config = new StackConfig(path, doc, text !== undefined);
    config.#validate();
    return config;
  }

  #validate(): void {
    const root: unknown = this.#doc.toJS();
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
    const value = this.#doc.getIn(["secrets"]);
    if (value === undefined || value === null) return undefined;
    return (value as { toJSON(): SecretsState }).toJSON();
  }

  set secrets(state: SecretsState | undefined) {
    if (state === undefined) this.#doc.deleteIn(["secrets"]);
    else this.#doc.setIn(["secrets"], this.#doc.createNode({ provider: state.provider, state: { ...state.state } }));
  }

  /** Every config value by full key, sorted by key. */
  entries(): [string, StoredConfigValue][] {
    const config = (this.#doc.toJS() as { config?: Record<string, unknown> } | null)?.config ?? {};
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
    if (!this.#doc.has("config") || this.#doc.get("config") === null) this.#doc.set("config", this.#doc.createNode({}));
    const node = value.secret ? this.#doc.createNode({ secure: value.ciphertext }) : value.value;
    this.#doc.setIn(["config", key], node);
  }

  /** Removes a value by full key; says whether it was there. */
  remove(key: string): boolean {
    if (!this.#doc.hasIn(["config", key])) return false;
    this.#doc.deleteIn(["config", key]);
    return true;
  }

  /** Writes the file atomically. */
  async save(): Promise<void> {
    await writeTextAtomic(this.path, this.#doc.toString());
  }
}
