import { currentContext } from "../util/context-slot.js";
import type { EvaluationPhase } from "./phase.js";

/** An `apply` result the program keeps to run once values known only after deployment are. */
export interface RememberedApply {
  evaluate(phase: EvaluationPhase): Promise<unknown>;
  evaluatedIn(phase: EvaluationPhase): boolean;
}

/**
 * What an Output needs of the running program: a place to put work that must
 * finish before the graph freezes, and applies to run after deployment. The
 * program's scope implements it.
 */
export interface ApplyScope {
  track(work: Promise<unknown>): void;
  rememberApply(result: RememberedApply): void;
}

/** The scope of the program running in this async context, as Outputs see it. */
export function currentApplyScope(): ApplyScope | undefined {
  return currentContext() as ApplyScope | undefined;
}
