import { CairnError } from "../errors.js";
import { Output, type DependencySource } from "../output/output.js";
import type { Resolved } from "../output/phase.js";
import { containsSecret, isSecretValue, reveal, type PropertyMap, type PropertyValue } from "../output/values.js";
import { isSealed } from "../state/codec.js";
import { currentScope } from "./scope-storage.js";
import type { ProgramScope } from "./scope.js";

const NO_RESOURCES: ReadonlySet<DependencySource> = new Set();

/**
 * Another stack's outputs, read from the same backend while the program
 * runs (in preview too). Values are known before deployment, so they can
 * decide what the program creates. Secret outputs stay secret Outputs.
 *
 * The name is `project/stack`, or `stack` for a stack of the same project.
 * Nothing is read until an output is asked for.
 *
 * @example
 * const network = new StackReference(`region-base/${cairn.currentScope()!.stack}`);
 * const vpcId = network.requireOutput<string>("vpcId");
 * const dbPassword = network.requireOutput<string>("dbPassword"); // secret if it was secret there
 */
export class StackReference {
  /** The referenced stack, as given. */
  readonly name: string;
  readonly #scope: ProgramScope;
  #read: Promise<PropertyMap> | undefined;

  constructor(name: string) {
    const scope = currentScope();
    if (scope === undefined) {
      throw new CairnError("NO_PROGRAM_SCOPE", `StackReference "${name}" can only be created while a Cairn program runs.`);
    }
    this.name = name;
    this.#scope = scope;
  }

  /** An output of the referenced stack; `undefined` if it has none by that key. */
  getOutput<T = unknown>(key: string): Output<T | undefined> {
    return this.#output(async () => (await this.#outputs())[key], key) as Output<T | undefined>;
  }

  /** An output of the referenced stack; a missing key fails the program, naming the stack and key. */
  requireOutput<T = unknown>(key: string): Output<T> {
    return this.#output(async () => {
      const outputs = await this.#outputs();
      if (!(key in outputs)) {
        const known = Object.keys(outputs).sort();
        throw new CairnError(
          "CONFIG_MISSING",
          `Stack "${this.name}" has no output "${key}"${known.length === 0 ? " (it has no outputs; has it been deployed?)" : `; its outputs are ${known.join(", ")}`}.`,
        );
      }
      return outputs[key];
    }, key) as Output<T>;
  }

  /** Every output of the referenced stack as one Output, secret if any of them is. */
  get outputs(): Output<Record<string, unknown>> {
    return this.#output(async () => this.#outputs(), "outputs") as Output<Record<string, unknown>>;
  }

  #outputs(): Promise<PropertyMap> {
    if (this.#read === undefined) {
      this.#read = this.#scope.readStackOutputs(this.name);
      this.#scope.track(this.#read);
    }
    return this.#read;
  }

  #output(read: () => Promise<PropertyValue | PropertyMap | undefined>, key: string): Output<unknown> {
    return new Output<unknown>(NO_RESOURCES, async (): Promise<Resolved<unknown>> => {
      const value = await read();
      if (value === undefined) return { known: true, value: undefined, secret: false };
      if (isSealedAnywhere(value)) {
        throw new CairnError("SECRETS_UNAVAILABLE", `Output "${key}" of stack "${this.name}" is secret, and that stack's secrets key could not be opened here (is its passphrase the same as this stack's?).`);
      }
      return { known: true, value: reveal(value as PropertyValue), secret: containsSecret(value) };
    });
  }
}

/** A secret whose value is still ciphertext (`{"@secret": …}`): its stack's key was not available. */
function isSealedAnywhere(value: unknown): boolean {
  if (isSecretValue(value)) return isSealed(value);
  if (Array.isArray(value)) return value.some(isSealedAnywhere);
  if (value !== null && typeof value === "object") return Object.values(value).some(isSealedAnywhere);
  return false;
}
