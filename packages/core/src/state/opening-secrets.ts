import { CairnError } from "../errors.js";
import type { SecretsState } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";

/**
 * A stack's secrets whose key is still being opened (a passphrase's key is
 * derived on the thread pool): usable once {@link keyOpened} settles.
 * Whoever needs a secret waits for that first: loading a state that holds
 * ciphertext, and an operation before its first step (see docs/state.md).
 */
class OpeningCrypter implements SecretsCrypter {
  readonly opening: Promise<void>;
  #open: SecretsCrypter | undefined;
  readonly #state: SecretsState;

  constructor(state: SecretsState, opening: Promise<SecretsCrypter>) {
    this.#state = state;
    this.opening = opening.then((crypter) => {
      this.#open = crypter;
    });
    // A wrong key is reported where the key is waited for; one nobody waited for must not crash the process.
    this.opening.catch(() => undefined);
  }

  get state(): SecretsState {
    return this.#open?.state ?? this.#state;
  }

  encrypt(plaintext: string): string {
    return this.#crypter().encrypt(plaintext);
  }

  decrypt(ciphertext: string): string {
    return this.#crypter().decrypt(ciphertext);
  }

  #crypter(): SecretsCrypter {
    if (this.#open === undefined) throw new CairnError("SECRETS_UNAVAILABLE", "A secret was used before the stack's secrets key was open.");
    return this.#open;
  }
}

/**
 * Secrets whose key `opening` will give: `state` is the stack's recorded
 * secrets state, the one the key opens. The crypter may be used only after
 * {@link keyOpened}; a wrong key rejects there.
 */
export function openingSecrets(state: SecretsState, opening: Promise<SecretsCrypter>): SecretsCrypter {
  return new OpeningCrypter(state, opening);
}

/** Waits until a crypter's key is open; at once for one that was open already (or none). */
export async function keyOpened(crypter: SecretsCrypter | undefined): Promise<void> {
  if (crypter instanceof OpeningCrypter) await crypter.opening;
}

/** Whether a crypter's key may still be opening. */
export function isOpening(crypter: SecretsCrypter | undefined): boolean {
  return crypter instanceof OpeningCrypter;
}
