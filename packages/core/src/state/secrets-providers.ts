import { CairnError } from "../errors.js";
import type { SecretsState } from "./model.js";
import { createPassphraseSecrets, derivePassphraseKey, openPassphraseSecrets, openPassphraseSecretsWithKey, scryptCostOf, type SecretsCrypter } from "./secrets.js";

/** What a secrets provider may ask for while it creates or opens a stack's key. */
export interface SecretsContext {
  /** The stack, named in prompts and errors. */
  readonly stack: string;
  /**
   * The passphrase: `CAIRN_PASSPHRASE`, a file, or a prompt; the caller
   * decides. Asked only by providers that need one.
   * @default a provider that needs one fails with SECRETS_UNAVAILABLE
   */
  readonly passphrase?: () => Promise<string>;
}

/**
 * One way of protecting a stack's data key. Every provider keeps the same
 * design: a random per-stack data key encrypts values locally with
 * AES-256-GCM; the provider only wraps and unwraps that key (with a
 * passphrase, or a cloud key service such as AWS KMS), once per operation.
 */
export interface SecretsProvider {
  /** The name stored with the stack (`passphrase`, `awskms`). */
  readonly name: string;
  /**
   * Makes a new data key. `spec` is what the user chose: the bare name
   * (`passphrase`) or a URL that starts with it (`awskms://alias/cairn`).
   */
  create(spec: string, context: SecretsContext): Promise<SecretsCrypter>;
  /** Unwraps a stack's data key from the state stored with the stack. */
  open(state: SecretsState, context: SecretsContext): Promise<SecretsCrypter>;
}

/** Protects the data key with a key derived from a passphrase (scrypt). */
export const passphraseSecretsProvider: SecretsProvider = {
  name: "passphrase",
  async create(_spec, context) {
    return createPassphraseSecrets(await passphraseOf(context));
  },
  async open(state, context) {
    const salt = state.state.salt;
    if (state.provider !== "passphrase" || salt === undefined) return openPassphraseSecrets(state, await passphraseOf(context));
    return openPassphraseSecretsWithKey(state, await derivePassphraseKey(await passphraseOf(context), salt, scryptCostOf(state)));
  },
};

async function passphraseOf(context: SecretsContext): Promise<string> {
  if (context.passphrase === undefined) {
    throw new CairnError("SECRETS_UNAVAILABLE", `Stack "${context.stack}" keeps its secrets under a passphrase, and none was given. Set CAIRN_PASSPHRASE.`);
  }
  return context.passphrase();
}

/**
 * The secrets providers known to a command, by name. Build one per CLI run
 * (it is not a global); packages add theirs with {@link SecretsProviders.with}.
 *
 * @example
 * const providers = new SecretsProviders().with(awsKmsSecretsProvider);
 * const crypter = await providers.create("awskms://alias/cairn", { stack: "dev" });
 */
export class SecretsProviders {
  readonly #byName: ReadonlyMap<string, SecretsProvider>;

  /** @param providers the providers. @default the passphrase provider */
  constructor(providers: readonly SecretsProvider[] = [passphraseSecretsProvider]) {
    this.#byName = new Map(providers.map((provider) => [provider.name, provider]));
  }

  /** A registry with one more provider (replacing one of the same name). */
  with(provider: SecretsProvider): SecretsProviders {
    return new SecretsProviders([...[...this.#byName.values()].filter((p) => p.name !== provider.name), provider]);
  }

  /** The names of the providers known, sorted. */
  get names(): string[] {
    return [...this.#byName.keys()].sort();
  }

  /** The provider a spec (`passphrase`, `awskms://…`) names; unknown is SECRETS_UNAVAILABLE listing the known ones. */
  get(spec: string): SecretsProvider {
    const name = providerNameOf(spec);
    const provider = this.#byName.get(name);
    if (provider === undefined) {
      throw new CairnError("SECRETS_UNAVAILABLE", `No secrets provider "${name}"; the known ones are ${this.names.join(", ")}.`);
    }
    return provider;
  }

  /** Makes a new data key with the provider a spec names. */
  create(spec: string, context: SecretsContext): Promise<SecretsCrypter> {
    try {
      return this.get(spec).create(spec, context);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Opens a stack's data key with the provider its stored state names. */
  open(state: SecretsState, context: SecretsContext): Promise<SecretsCrypter> {
    try {
      return this.get(state.provider).open(state, context);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

/** The provider name of a spec: `awskms://alias/x` → `awskms`, `passphrase` → `passphrase`. */
export function providerNameOf(spec: string): string {
  const at = spec.indexOf("://");
  return at < 0 ? spec : spec.slice(0, at);
}
