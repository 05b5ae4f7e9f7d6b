import type { SealRules } from "../output/seal.js";
import type { TypeSchema } from "./provider.js";

const NO_STRINGS: readonly string[] = [];
const NO_RULES: SealRules = {};

/** What a type declares about the secrecy of the values its provider returns. */
export function sealRulesOf(schema: TypeSchema | undefined, additionalSecretOutputs: readonly string[] = NO_STRINGS): SealRules {
  if (schema?.secretOutputs === undefined && schema?.derivedFrom === undefined && schema?.writeOnlyInputs === undefined && additionalSecretOutputs.length === 0) return NO_RULES;
  const secret = [...(schema?.secretOutputs ?? NO_STRINGS), ...additionalSecretOutputs];
  return {
    ...(secret.length === 0 ? {} : { secret }),
    ...(schema?.derivedFrom === undefined ? {} : { derivedFrom: schema.derivedFrom }),
    ...(schema?.writeOnlyInputs === undefined ? {} : { writeOnly: schema.writeOnlyInputs }),
  };
}
