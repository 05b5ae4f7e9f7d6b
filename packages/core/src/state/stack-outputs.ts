import { isDeepStrictEqual } from "node:util";
import { CairnError } from "../errors.js";
import type { PropertyMap } from "../output/values.js";
import { decodeSecrets, encodeSecrets, isSealed } from "./codec.js";
import { tryLoadState } from "./load.js";
import type { SecretsState } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";
import type { StackRef, StateStore } from "./store.js";

/**
 * Opens another stack's secrets from the state it stored (for a
 * StackReference); `undefined` leaves that stack's secret outputs sealed.
 */
export type SecretsOpener = (state: SecretsState, ref: StackRef) => Promise<SecretsCrypter | undefined>;

/**
 * The recorded outputs of a stack, read without its lock. Secret outputs
 * stay {@link SecretValue}s: decrypted when `openSecrets` can open the
 * stack's key, sealed (still secret, unusable) otherwise.
 */
export async function readStackOutputs(store: StateStore, ref: StackRef, openSecrets?: SecretsOpener): Promise<PropertyMap> {
  const loaded = await tryLoadState(store, ref, undefined);
  if (loaded === undefined) {
    throw new CairnError("STACK_NOT_FOUND", `Stack "${ref.project}/${ref.stack}" does not exist in ${store.url}; a StackReference can only read stacks of the same backend.`);
  }
  const { outputs, secrets } = loaded.doc;
  if (secrets === undefined || openSecrets === undefined || !Object.values(outputs).some(isSealed)) return outputs;
  const crypter = await openSecrets(secrets, ref);
  if (crypter === undefined) return outputs;
  return decodeSecrets(encodeSecrets(outputs, undefined), crypter) as PropertyMap;
}

/**
 * The opener a stack uses by default: another stack whose secrets state is
 * this stack's own (the same key) is opened with it; others stay sealed.
 */
export function sameKeyOpener(own: SecretsCrypter | undefined): SecretsOpener | undefined {
  if (own === undefined) return undefined;
  return async (state) => (state.provider === own.state.provider && isDeepStrictEqual(state.state, own.state.state) ? own : undefined);
}

/**
 * The stack a StackReference names: `project/stack`, or `stack` for one of
 * the same project.
 */
export function parseStackName(name: string, project: string): StackRef {
  const parts = name.split("/");
  const valid = parts.length <= 2 && parts.every((part) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(part));
  if (!valid) {
    throw new CairnError("INVALID_ARGUMENT", `A stack reference is "project/stack" or "stack", got ${JSON.stringify(name)}.`);
  }
  return parts.length === 2 ? { project: parts[0]!, stack: parts[1]! } : { project, stack: parts[0]! };
}
