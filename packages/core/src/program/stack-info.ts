import { CairnError } from "../errors.js";
import { currentScope } from "./scope-storage.js";
import type { ProgramScope } from "./scope.js";

/**
 * The name of the stack the running program deploys (`dev`, `prod`).
 *
 * @example
 * const network = new StackReference(`network/${getStack()}`);
 */
export function getStack(): string {
  return scopeFor("getStack").stack;
}

/** The name of the project the running program belongs to, from `cairn.yaml`. */
export function getProject(): string {
  return scopeFor("getProject").project;
}

function scopeFor(caller: string): ProgramScope {
  const scope = currentScope();
  if (scope === undefined) {
    throw new CairnError("NO_PROGRAM_SCOPE", `${caller}() can only be called while a Cairn program runs (cairn up, cairn preview, or Stack from @cairn/core/automation).`);
  }
  return scope;
}
