import { CairnError } from "../errors.js";
import type { EvaluationPhase } from "../output/phase.js";
import { resolveProperties } from "../output/resolve.js";
import { sealInputs } from "../output/seal.js";
import type { SecretMask } from "../output/secret-mask.js";
import { containsUnknown, type PropertyMap } from "../output/values.js";
import { sealRulesOf } from "../provider/seal-rules.js";
import type { ResourceNode } from "../resource/node.js";
import type { ResourceState } from "../state/model.js";
import { replacingChanges } from "./decide.js";
import { applyIgnoreChanges } from "./ignore-changes.js";
import type { ProviderQueries } from "./provider-queries.js";
import type { PlanStep, StepOp } from "./step.js";

/** What apply needs to refine one planned step of a desired provider-backed resource. */
export interface RefineFacts {
  readonly node: ResourceNode;
  /** Its record in state when the step starts (found by URN or alias). */
  readonly prior: ResourceState | undefined;
  /** The values of the resources it depends on, now that they are done. */
  readonly phase: EvaluationPhase;
  readonly provider: ProviderQueries;
  /** The secrets this operation has seen, to seal values that hold them. @default none */
  readonly mask?: SecretMask;
}

/** A step as apply performs it: its op and its final inputs. */
export interface RefinedStep {
  readonly op: StepOp;
  readonly inputs: PropertyMap;
}

/**
 * Decides at apply only what unknown values kept the plan from deciding. A
 * step planned with every input known is performed as planned, with no
 * provider call. Otherwise its inputs, now known, are checked again; and an
 * update or replace is diffed again: it may turn out to need less than
 * planned (an update, or nothing), never more. A delete-before-replace stays
 * a replace, since its old object is gone before this step starts.
 */
export function refineStep(step: PlanStep, facts: RefineFacts): RefinedStep | Promise<RefinedStep> {
  const planned = step.inputs;
  if (planned !== undefined && !containsUnknown(planned)) return { op: step.op, inputs: planned };
  return refineUnknown(step, facts);
}

/** The inputs resolved in the apply phase and checked (CHECK_FAILED if they now fail), then the op they call for. */
async function refineUnknown(step: PlanStep, facts: RefineFacts): Promise<RefinedStep> {
  const { node, prior, provider } = facts;
  const raw = await resolveProperties(node.inputs, facts.phase, node.name);
  const checked = (await provider.check(node.type, raw)) ?? { inputs: raw };
  if (checked.failures !== undefined && checked.failures.length > 0) {
    const detail = checked.failures.map((failure) => (failure.property === undefined ? failure.reason : `${failure.property}: ${failure.reason}`)).join("; ");
    throw new CairnError("CHECK_FAILED", `Invalid inputs once known: ${detail}`, { urn: node.urn });
  }
  const rules = sealRulesOf(provider.schema(node.type), node.options.additionalSecretOutputs);
  const sealed = sealInputs(checked.inputs, raw, facts.mask === undefined ? rules : { ...rules, mask: facts.mask });
  const inputs = prior?.id !== undefined ? applyIgnoreChanges(sealed, prior.inputs, node.options.ignoreChanges) : sealed;
  const change = step.op === "update" || (step.op === "replace" && step.deleteBeforeReplace !== true);
  if (step.inputs === undefined || !change) return { op: step.op, inputs };
  return { op: await rediffedOp(step, facts, inputs), inputs };
}

/** With inputs now known, an update or replace may need less than planned, never more. */
async function rediffedOp(step: PlanStep, facts: RefineFacts, inputs: PropertyMap): Promise<"same" | "update" | "replace"> {
  const { provider, prior } = facts;
  const diff = await provider.diff(step.type, prior!, inputs);
  if (diff.changes.length === 0 && step.reason !== "replace-requested") return "same";
  const schemaReplaces = provider.schema(step.type)?.replaceOnChanges ?? [];
  const replaces = replacingChanges(diff.changes, diff.replaces ?? [], schemaReplaces, facts.node.options.replaceOnChanges, { olds: prior!.inputs, news: inputs }).length > 0;
  if (step.op === "replace") return replaces || step.reason === "replace-requested" || !provider.canUpdate ? "replace" : "update";
  if (replaces) {
    throw new CairnError("PLAN_INCONSISTENT", `Once its inputs were known, ${step.urn} needs replacement (${diff.changes.join(", ")}), but the plan said update. Run preview again.`, { urn: step.urn });
  }
  return "update";
}
