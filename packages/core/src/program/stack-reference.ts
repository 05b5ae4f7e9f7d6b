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

  /**
   * An output of the referenced stack; `undefined` if it has none by that key.
   * A secret one whose stack's key cannot be opened here fails the program (SECRETS_UNAVAILABLE).
   */
  getOutput<T = unknown>(key: string): Output<T | undefined> {
    this.#checkOnRead((outputs) => this.#sealedError(outputs[key], key));
    return this.#output(async () => (await this.#outputs())[key], key) as Output<T | undefined>;
  }

  /**
   * An output of the referenced stack. A missing key fails the program, naming the stack and key
   * (CONFIG_MISSING), as does a secret one whose stack's key cannot be opened here (SECRETS_UNAVAILABLE).
   */
  requireOutput<T = unknown>(key: string): Output<T> {
    this.#checkOnRead((outputs) => this.#missingError(outputs, key) ?? this.#sealedError(outputs[key], key));
    return this.#output(async () => {
      const outputs = await this.#outputs();
      const missing = this.#missingError(outputs, key);
      if (missing !== undefined) throw missing;
      return outputs[key];
    }, key) as Output<T>;
  }

  /**
   * Once the outputs are read, fails the program with the error `check` finds, or with the
   * read's own (a stack that does not exist): used or not, the value was asked for.
   */
  #checkOnRead(check: (outputs: PropertyMap) => CairnError | undefined): void {
    this.#scope.track(
      this.#outputs().then(
        (outputs) => {
          const error = check(outputs);
          if (error !== undefined) this.#scope.fail(error);
        },
        (error: unknown) => {
          if (CairnError.isCairnError(error)) this.#scope.fail(error);
        },
      ),
    );
  }

  #missingError(outputs: PropertyMap, key: string): CairnError | undefined {
    if (key in outputs) return undefined;
    const known = Object.keys(outputs).sort();
    return new CairnError(
      "CONFIG_MISSING",
      `Stack "${this.name}" has no output "${key}"${known.length === 0 ? " (it has no outputs; has it been deployed?)" : `; its outputs are ${known.join(", ")}`}.`,
    );
  }

  #sealedError(value: unknown, key: string): CairnError | undefined {
    if (value === undefined || !isSealedAnywhere(value)) return undefined;
    return new CairnError("SECRETS_UNAVAILABLE", `Output "${key}" of stack "${this.name}" is secret, and that stack's secrets key could not be opened here (is its passphrase the same as this stack's?).`);
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
      const sealed = this.#sealedError(value, key);
      if (sealed !== undefined) throw sealed;
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
