import { callInContext, currentContext, runInContext } from "../util/context-slot.js";
import type { ProgramScope } from "./scope.js";

/** The scope of the program running in this async context, if any. */
export function currentScope(): ProgramScope | undefined {
  return currentContext() as ProgramScope | undefined;
}

/** Runs a program's body inside its scope. */
export function runInScope<T>(scope: ProgramScope, body: () => Promise<T>): Promise<T> {
  return runInContext(scope, body);
}

/** Calls `fn` synchronously with `scope` current (see {@link callInContext}). */
export function callInScope<T>(scope: ProgramScope | undefined, fn: () => T): T {
  return callInContext(scope, fn);
}
