import { CairnError } from "../errors.js";
import { isSecretValue } from "../output/values.js";
import { StateText } from "./snapshot-text.js";
import { lastOperationOf, lockInfoFor } from "./lock-info.js";
import { takeOverMessage } from "./lock-holder.js";
import { loadState, readWarnings } from "./load.js";
import type { SecretsState } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";
import type { StackRef, StateStore } from "./store.js";

/** What {@link changeSecretsProvider} needs. */
export interface ChangeSecretsOptions {
  /** The stack's current secrets, already opened (so a wrong passphrase fails before anything starts). */
  readonly from: SecretsCrypter | undefined;
  /** The new secrets: a fresh data key from any provider. */
  readonly to: SecretsCrypter;
  /**
   * The stack's secret config values as ciphertexts, by key, as the CLI
   * keeps them in `cairn.<stack>.yaml`; they are re-encrypted too.
   * @default none
   */
  readonly configSecrets?: Readonly<Record<string, string>>;
  /** Told what the change should say besides its result: a lock taken over from a dead run, that run's journal folded in. @default none */
  readonly onWarning?: (message: string) => void;
}

/** What {@link changeSecretsProvider} did. */
export interface ChangeSecretsResult {
  /** The new provider state, to store with the stack's config. */
  readonly secrets: SecretsState;
  /** The config ciphertexts, re-encrypted under the new key. */
  readonly configSecrets: Readonly<Record<string, string>>;
  /** How many secret values in state were re-encrypted. */
  readonly stateSecrets: number;
  /** The serial of the snapshot written. */
  readonly serial: number;
}

/**
 * Re-encrypts every secret of a stack — in state and in its config — under a
 * new data key, holding the stack's lock. Every value is decrypted before
 * anything is written, so a wrong key fails with SECRETS_BAD_PASSPHRASE and
 * leaves the stack as it was. The caller writes the returned config values
 * and provider state to the stack's config file afterwards.
 *
 * @example
 * const from = await providers.open(config.secrets, { stack: "dev", passphrase: () => oldPassphrase });
 * const to = await providers.create("passphrase", { stack: "dev", passphrase: () => newPassphrase });
 * const result = await changeSecretsProvider(store, { project: "demo", stack: "dev" }, { from, to, configSecrets });
 */
export async function changeSecretsProvider(store: StateStore, ref: StackRef, options: ChangeSecretsOptions): Promise<ChangeSecretsResult> {
  const configSecrets = reencryptConfig(ref, options);
  const lease = await store.lock(ref, lockInfoFor("stack change-secrets-provider"));
  if (lease.tookOver !== undefined) options.onWarning?.(takeOverMessage(ref.stack, lease.tookOver));
  try {
    const loaded = await loadState(store, ref, options.from);
    for (const warning of readWarnings(ref, loaded)) options.onWarning?.(warning);
    const doc = loaded.doc;
    const next = { ...doc, serial: doc.serial + 1, secrets: options.to.state, updatedAt: new Date().toISOString(), lastOperation: lastOperationOf(lease) };
    await store.writeSnapshot(ref, new StateText(next, options.to), lease);
    return { secrets: options.to.state, configSecrets, stateSecrets: countSecrets(doc), serial: next.serial };
  } finally {
    await lease.release();
  }
}

function reencryptConfig(ref: StackRef, options: ChangeSecretsOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, ciphertext] of Object.entries(options.configSecrets ?? {})) {
    if (options.from === undefined) {
      throw new CairnError("SECRETS_UNAVAILABLE", `Config key "${key}" of stack "${ref.stack}" is secret, but the stack has no secrets key to decrypt it with.`);
    }
    let plain: string;
    try {
      plain = options.from.decrypt(ciphertext);
    } catch (error) {
      throw new CairnError("SECRETS_BAD_PASSPHRASE", `Config key "${key}" of stack "${ref.stack}" could not be decrypted with the stack's current key (a wrong passphrase?). Nothing was written.`, { cause: error });
    }
    out[key] = options.to.encrypt(plain);
  }
  return out;
}

function countSecrets(value: unknown): number {
  if (isSecretValue(value)) return 1;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countSecrets(item), 0);
  if (value !== null && typeof value === "object") {
    let sum = 0;
    for (const key in value) sum += countSecrets((value as Record<string, unknown>)[key]);
    return sum;
  }
  return 0;
}
