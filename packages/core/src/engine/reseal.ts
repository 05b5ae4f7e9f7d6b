import { sameSecrecy, sealLike, sealOutputs } from "../output/seal.js";
import { containsSecret, type PropertyMap } from "../output/values.js";
import type { PlanStep } from "../plan/step.js";
import type { ResourceState } from "../state/model.js";
import type { Provider } from "../provider/provider.js";
import type { ResourceNode } from "../resource/node.js";
import { sealRulesOf } from "../provider/seal-rules.js";
import { SecretMask } from "../output/secret-mask.js";
import type { OperationContext } from "./context.js";

/**
 * Whether an unchanged resource's record holds in plain text what the
 * program now marks secret (state written before a value became secret, or
 * by an older Cairn): such a record is sealed again although nothing else
 * changed, so no secret stays in state in plain text.
 */
export function needsReseal(step: PlanStep, prior: ResourceState): boolean {
  if (step.untargeted || step.inputs === undefined || !containsSecret(step.inputs)) return false;
  return !sameSecrecy(sealLike(prior.inputs, step.inputs), prior.inputs);
}

/**
 * Ids are stored and printed in plain text; one built from a secret (an S3
 * key, a file path that holds a token) is reported, with the secret masked,
 * so the program can be changed.
 */
export function warnOfSecretId(ctx: OperationContext, urn: string, id: string, inputs: PropertyMap): void {
  if (!containsSecret(inputs)) return;
  // Only the secrets of this resource's own inputs: an id equal to an output merely derived from them is no leak.
  const own = new SecretMask();
  own.addValue(inputs);
  if (!own.holds(id)) return;
  ctx.emit({
    type: "diagnostic",
    severity: "warning",
    urn,
    message: `The id of ${urn} (${own.text(id)}) holds a secret input; ids are stored in state and printed in plain text. Build it from values that are not secret.`,
  });
}

/** The record's inputs and outputs marked as the program and the type now mark them. */
export function resealedRecord(step: PlanStep, node: ResourceNode, prior: ResourceState, provider: Provider, mask: SecretMask | undefined): { inputs: PropertyMap; outputs: PropertyMap } {
  const inputs = sealLike(prior.inputs, step.inputs) as PropertyMap;
  const rules = { ...sealRulesOf(provider.schema?.(node.type), node.options.additionalSecretOutputs), ...(mask === undefined ? {} : { mask }) };
  return { inputs, outputs: sealOutputs(prior.outputs, inputs, rules, prior.outputs) };
}
