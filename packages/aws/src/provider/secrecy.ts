import type { Fields } from "../check/spec.js";

/** The inputs a physical name (and an ARN built from it) derives from. */
export const NAME_SOURCES: readonly string[] = ["name", "namePrefix"];

/**
 * The `derivedFrom` declaration of a type whose outputs repeat its checked
 * inputs, each derived from the input of its own name (so a secret tag stays
 * secret on its own path), beside the computed outputs given. An output
 * neither repeated nor given stays secret whenever any input holds a secret.
 */
export function echoingInputs(fields: Fields, computed: Readonly<Record<string, readonly string[]>>): Readonly<Record<string, readonly string[]>> {
  const out: Record<string, readonly string[]> = {};
  for (const key of Object.keys(fields)) out[key] = [key];
  return { ...out, ...computed };
}
