import { AsyncLocalStorage } from "node:async_hooks";
import type { ProgramScope } from "./scope.js";

/**
 * Process-wide slots, shared through global symbols so that two copies of
 * this package (loaded by two component packages) still see one program.
 * The scope itself belongs to one async context, so two stacks can run in
 * one process; nothing about a stack lives here.
 */
interface Slots {
  /** Where the running program's scope lives. */
  storage: AsyncLocalStorage<ProgramScope>;
  /** How many programs are running; context tracking is switched off when none is. */
  running: number;
  /** The scope of an apply() callback running synchronously after its program finished. */
  replayed: ProgramScope | undefined;
}

const SLOTS_KEY = Symbol.for("cairn.programScopeSlots");
const slots: Slots = ((globalThis as Record<symbol, unknown>)[SLOTS_KEY] ??= {
  storage: new AsyncLocalStorage<ProgramScope>(),
  running: 0,
  replayed: undefined,
}) as Slots;

/** The scope of the program running in this async context, if any. */
export function currentScope(): ProgramScope | undefined {
  return slots.storage.getStore() ?? slots.replayed;
}

/** Runs a program's body inside its scope. */
export async function runInScope<T>(scope: ProgramScope, body: () => Promise<T>): Promise<T> {
  slots.running++;
  try {
    return await slots.storage.run(scope, body);
  } finally {
    // On Node 20, context tracking taxes every promise; the engine makes many, so it is
    // switched off once no program is running (run() switches it on again).
    if (--slots.running === 0) slots.storage.disable();
  }
}

/**
 * Calls `fn` synchronously with `scope` current, for callbacks (apply) that
 * run after their program finished: a resource they create then finds its
 * frozen scope and fails with GRAPH_FROZEN instead of a vaguer error.
 */
export function callInScope<T>(scope: ProgramScope | undefined, fn: () => T): T {
  if (scope === undefined || slots.storage.getStore() === scope) return fn();
  const previous = slots.replayed;
  slots.replayed = scope;
  try {
    return fn();
  } finally {
    slots.replayed = previous;
  }
}
