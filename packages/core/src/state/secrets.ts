import { createCipheriv, createDecipheriv, randomBytes, scrypt, scryptSync } from "node:crypto";
import { CairnError } from "../errors.js";
import type { SecretsState } from "./model.js";

/**
 * Encrypts and decrypts a stack's secret values. Synchronous, because it runs
 * inside state serialisation; a provider that needs a network call (KMS)
 * unwraps its data key once when it is opened and then encrypts locally.
 */
export interface SecretsCrypter {
  /** The provider's name and the state it keeps (salt, wrapped key), stored with the stack. */
  readonly state: SecretsState;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
}

const CIPHER = "aes-256-gcm";
/**
 * scrypt's cost for new stacks: N = 2^14, r = 8, the interactive-use setting
 * (16 MiB, about 50 ms here). It is recorded with the stack (`scryptN`), so
 * it can be raised later; a stack that records none used 2^15.
 */
const NEW_STACK_SCRYPT_N = 1 << 14;
const UNRECORDED_SCRYPT_N = 1 << 15;

function scryptOptions(n: number): { N: number; r: number; p: number; maxmem: number } {
  return { N: n, r: 8, p: 1, maxmem: 256 * n * 8 + 1024 * 1024 };
}

/** The scrypt cost a stack's secrets state records. */
export function scryptCostOf(state: SecretsState): number {
  const recorded = Number(state.state.scryptN);
  return Number.isInteger(recorded) && recorded > 1 ? recorded : UNRECORDED_SCRYPT_N;
}

/** AES-256-GCM with a random 12-byte nonce: `v1:<nonce>:<tag>:<ciphertext>`, base64. */
export function sealWithKey(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv(CIPHER, key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v1:${nonce.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${body.toString("base64")}`;
}

/** Reverses {@link sealWithKey}; `undefined` if the key is wrong or the text was altered. */
export function tryOpenWithKey(key: Buffer, sealed: string): string | undefined {
  const [version, nonce, tag, body] = sealed.split(":");
  if (version !== "v1" || nonce === undefined || tag === undefined || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv(CIPHER, key, Buffer.from(nonce, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * A crypter over a plain 256-bit key, whichever provider made or unwrapped it
 * (a passphrase, a cloud key service): AES-256-GCM, locally.
 */
export function keyCrypter(state: SecretsState, key: Buffer): SecretsCrypter {
  return new KeyCrypter(state, key);
}

class KeyCrypter implements SecretsCrypter {
  readonly state: SecretsState;
  readonly #key: Buffer;

  constructor(state: SecretsState, key: Buffer) {
    this.state = state;
    this.#key = key;
  }

  encrypt(plaintext: string): string {
    return sealWithKey(this.#key, plaintext);
  }

  decrypt(ciphertext: string): string {
    const plain = tryOpenWithKey(this.#key, ciphertext);
    if (plain === undefined) throw new CairnError("SECRETS_BAD_PASSPHRASE", "A secret in this stack could not be decrypted with its key; the value was altered or belongs to another stack.");
    return plain;
  }
}

function deriveKey(passphrase: string, salt: Buffer, n: number): Buffer {
  return scryptSync(passphrase, salt, 32, scryptOptions(n));
}

/**
 * Creates passphrase-based secrets for a new stack: a random data key,
 * wrapped by a key derived from the passphrase with scrypt.
 */
export function createPassphraseSecrets(passphrase: string): SecretsCrypter {
  const salt = randomBytes(16);
  const dataKey = randomBytes(32);
  const wrapping = deriveKey(passphrase, salt, NEW_STACK_SCRYPT_N);
  const state: SecretsState = {
    provider: "passphrase",
    state: { salt: salt.toString("base64"), scryptN: String(NEW_STACK_SCRYPT_N), wrappedKey: sealWithKey(wrapping, dataKey.toString("base64")) },
  };
  return new KeyCrypter(state, dataKey);
}

/** Opens a stack's passphrase secrets; a wrong passphrase is SECRETS_BAD_PASSPHRASE. */
export function openPassphraseSecrets(state: SecretsState, passphrase: string): SecretsCrypter {
  return openPassphraseSecretsWithKey(state, deriveKey(passphrase, Buffer.from(saltOf(state), "base64"), scryptCostOf(state)));
}

/**
 * Derives the key that wraps a passphrase stack's data key, on libuv's
 * thread pool: scrypt takes about a tenth of a second, which a command can
 * spend loading its modules instead of waiting.
 */
export function derivePassphraseKey(passphrase: string, salt: string, n: number = UNRECORDED_SCRYPT_N): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, Buffer.from(salt, "base64"), 32, scryptOptions(n), (error, key) => (error === null ? resolve(key) : reject(error))),
  );
}

/** Opens a stack's passphrase secrets with the key {@link derivePassphraseKey} derived. */
export function openPassphraseSecretsWithKey(state: SecretsState, wrappingKey: Buffer): SecretsCrypter {
  saltOf(state);
  const dataKey = tryOpenWithKey(wrappingKey, state.state.wrappedKey ?? "");
  if (dataKey === undefined) {
    throw new CairnError("SECRETS_BAD_PASSPHRASE", "The passphrase is wrong for this stack's secrets. Nothing was written.");
  }
  return new KeyCrypter(state, Buffer.from(dataKey, "base64"));
}

/** The salt of passphrase secrets; fails if the state is another provider's. */
function saltOf(state: SecretsState): string {
  const salt = state.state.salt;
  if (state.provider !== "passphrase" || salt === undefined || state.state.wrappedKey === undefined) {
    throw new CairnError("SECRETS_UNAVAILABLE", `This stack's secrets use the "${state.provider}" provider, not a passphrase.`);
  }
  return salt;
}

