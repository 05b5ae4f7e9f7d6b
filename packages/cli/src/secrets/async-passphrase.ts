import { scrypt } from "node:crypto";
import type { SecretsCrypter, SecretsProvider, SecretsState } from "@cairn/core";

/** The key derivation the core's passphrase provider uses, run off the main thread. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(passphrase, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A key derivation started early, as soon as the passphrase and the salt are known. */
export interface EarlyDerivation {
  readonly passphrase: string;
  readonly salt: string;
  readonly key: Promise<Buffer>;
}

/** Starts deriving a passphrase stack's key now, so it runs while modules load. */
export function startDerivation(state: SecretsState, passphrase: string): EarlyDerivation | undefined {
  const salt = state.state.salt;
  if (state.provider !== "passphrase" || salt === undefined) return undefined;
  const key = deriveKey(passphrase, Buffer.from(salt, "base64"));
  // Whoever uses it handles a failure; an unused one must not crash the process.
  key.catch(() => undefined);
  return { passphrase, salt, key };
}

/**
 * The passphrase secrets provider with its key derivation (scrypt, about a
 * tenth of a second) on libuv's thread pool, so it overlaps with loading and
 * bundling instead of blocking them. It opens what the core's provider made;
 * whenever it cannot unwrap a key, it defers to the core's provider, which
 * stays the authority on formats and errors.
 */
export async function asyncPassphraseProvider(early?: EarlyDerivation): Promise<SecretsProvider> {
  const core = await import("@cairn/core");
  const fallback = core.passphraseSecretsProvider;
  return {
    name: fallback.name,
    create: (spec, context) => fallback.create(spec, context),
    async open(state: SecretsState, context) {
      const salt = state.state.salt;
      const wrapped = state.state.wrappedKey;
      if (state.provider !== "passphrase" || salt === undefined || wrapped === undefined || context.passphrase === undefined) {
        return fallback.open(state, context);
      }
      const passphrase = await context.passphrase();
      const derived = early !== undefined && early.passphrase === passphrase && early.salt === salt ? early.key : deriveKey(passphrase, Buffer.from(salt, "base64"));
      const dataKey = core.tryOpenWithKey(await derived, wrapped);
      if (dataKey === undefined) return fallback.open(state, { ...context, passphrase: async () => passphrase });
      const key = Buffer.from(dataKey, "base64");
      const crypter: SecretsCrypter = {
        state,
        encrypt: (plaintext) => core.sealWithKey(key, plaintext),
        decrypt(ciphertext) {
          const plain = core.tryOpenWithKey(key, ciphertext);
          if (plain === undefined) {
            throw new core.CairnError("SECRETS_BAD_PASSPHRASE", "A secret in this stack could not be decrypted with its key; the value was altered or belongs to another stack.");
          }
          return plain;
        },
      };
      return crypter;
    },
  };
}
