import { currentContext } from "../util/context-slot.js";
import type { DeferredApply } from "./phase.js";

/**
 * What an Output needs of the running program: a place to put work that must
 * finish before the graph freezes, and applies to run after deployment. The
 * program's scope implements it.
 */
export interface ApplyScope {
  track(work: Promise<unknown>): void;
  rememberApply(result: DeferredApply): void;
}

/** The scope of the program running in this async context, as Outputs see it. */
export function currentApplyScope(): ApplyScope | undefined {
  return currentContext() as ApplyScope | undefined;
}
