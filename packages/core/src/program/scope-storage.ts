import { AsyncLocalStorage } from "node:async_hooks";
import type { ProgramScope } from "./scope.js";

const STORAGE_KEY = Symbol.for("cairn.programScopeStorage");

/**
 * Where the running program's scope lives. The storage itself is shared
 * through a global symbol so that two copies of this package, loaded by two
 * component packages, still see one program; the scope inside it belongs to
 * one async context, so two stacks can run in one process.
 */
export const scopeStorage: AsyncLocalStorage<ProgramScope> = ((globalThis as Record<symbol, unknown>)[STORAGE_KEY] ??=
  new AsyncLocalStorage<ProgramScope>()) as AsyncLocalStorage<ProgramScope>;

/** The scope of the program running in this async context, if any. */
export function currentScope(): ProgramScope | undefined {
  return scopeStorage.getStore();
}
