import { jsonErrorPlace } from "../util/json-error.js";
import { CairnError } from "../errors.js";
import { isSecretValue, isUnknown, SecretValue, type PropertyValue } from "../output/values.js";
import { canonicalJson } from "../util/canonical-json.js";
import { STATE_FORMAT_VERSION, type StateDocument } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";

const SECRET_KEY = "@secret";

/** A secret whose ciphertext could not be opened here (no key given); written back as it was. */
interface Envelope {
  readonly [SECRET_KEY]: string;
}

function isEnvelope(value: unknown): value is Envelope {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === SECRET_KEY && typeof (value as Envelope)[SECRET_KEY] === "string";
}

/**
 * Replaces every secret with its ciphertext, for state, journals and plan
 * files. Fails if a secret must be written and no crypter is available.
 */
export function encodeSecrets(value: unknown, crypter: SecretsCrypter | undefined): unknown {
  if (isSecretValue(value)) {
    if (isEnvelope(value.value)) return value.value;
    if (crypter === undefined) {
      throw new CairnError("SECRETS_UNAVAILABLE", "A secret value must be stored, but no secrets key is open (set CAIRN_PASSPHRASE).");
    }
    return { [SECRET_KEY]: crypter.encrypt(canonicalJson(value.value)) };
  }
  if (isUnknown(value)) throw new CairnError("STATE_CORRUPT", "An unknown value cannot be stored in state.");
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const encoded = encodeSecrets(value[i], crypter);
      if (encoded !== value[i]) (out ??= value.slice())[i] = encoded;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === "object") {
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      const encoded = encodeSecrets(item, crypter);
      if (encoded !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = encoded;
    }
    return out ?? value;
  }
  return value;
}

/** Turns ciphertexts back into secrets; without a crypter they stay sealed but still secret. */
export function decodeSecrets(value: unknown, crypter: SecretsCrypter | undefined): unknown {
  if (isEnvelope(value)) {
    if (crypter === undefined) return new SecretValue(value as unknown as PropertyValue);
    return new SecretValue(JSON.parse(crypter.decrypt(value[SECRET_KEY])) as PropertyValue);
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const decoded = decodeSecrets(value[i], crypter);
      if (decoded !== value[i]) (out ??= value.slice())[i] = decoded;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === "object") {
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      const decoded = decodeSecrets(item, crypter);
      if (decoded !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = decoded;
    }
    return out ?? value;
  }
  return value;
}

/** Whether a value holds a secret that is still sealed (no key was given when it was read). */
export function isSealed(value: unknown): boolean {
  return isSecretValue(value) && isEnvelope(value.value);
}

/**
 * Parses a snapshot. A newer format or a damaged file is refused with a clear
 * error; the caller leaves the file as it is. `recovery`, when given, is a
 * sentence the damaged-file errors end with (where earlier snapshots are).
 */
export function parseState(text: string, where: string, crypter: SecretsCrypter | undefined, recovery?: string): StateDocument {
  const left = recovery === undefined ? "It was left as it is." : `It was left as it is. ${recovery}`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CairnError("STATE_CORRUPT", `The state at ${where} is not valid JSON (${jsonErrorPlace(text, error)}). ${left}`, { file: where, cause: error });
  }
  const doc = raw as Partial<StateDocument>;
  if (typeof doc !== "object" || doc === null || typeof doc.version !== "number") {
    throw new CairnError("STATE_CORRUPT", `The state at ${where} has no format version. ${left}`, { file: where });
  }
  if (doc.version > STATE_FORMAT_VERSION) {
    throw new CairnError(
      "STATE_NEWER_VERSION",
      `The state at ${where} has format version ${doc.version}, newer than this Cairn understands (${STATE_FORMAT_VERSION}). Upgrade @cairn/cli; the file was left as it is.`,
      { file: where },
    );
  }
  if (typeof doc.lineage !== "string" || typeof doc.serial !== "number" || !Array.isArray(doc.resources)) {
    throw new CairnError("STATE_CORRUPT", `The state at ${where} is missing its lineage, serial or resources. ${left}`, { file: where });
  }
  for (const [i, resource] of doc.resources.entries()) {
    if (typeof resource?.urn !== "string" || typeof resource.type !== "string") {
      throw new CairnError("STATE_CORRUPT", `Resource #${i} in the state at ${where} has no URN or type. ${left}`, { file: where });
    }
  }
  return decodeSecrets({ outputs: {}, packages: {}, ...doc }, crypter) as StateDocument;
}
