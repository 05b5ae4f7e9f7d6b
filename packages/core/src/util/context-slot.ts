import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Process-wide slots, shared through global symbols so that two copies of
 * this package (loaded by two component packages) still see one program.
 * What a slot holds belongs to one async context, so two stacks can run in
 * one process; nothing about a stack lives here. The slot knows nothing of
 * what it holds: the program layer puts its scope in, the layers below read
 * it through their own narrow interfaces.
 */
interface Slots {
  /** Where the running program's context lives. */
  storage: AsyncLocalStorage<object>;
  /** How many programs are running; context tracking is switched off when none is. */
  running: number;
  /** The context of a callback running synchronously after its program finished. */
  replayed: object | undefined;
}

const SLOTS_KEY = Symbol.for("cairn.programScopeSlots");
const slots: Slots = ((globalThis as Record<symbol, unknown>)[SLOTS_KEY] ??= {
  storage: new AsyncLocalStorage<object>(),
  running: 0,
  replayed: undefined,
}) as Slots;

/** The context of the program running in this async context, if any. */
export function currentContext(): object | undefined {
  return slots.storage.getStore() ?? slots.replayed;
}

/** Runs a program's body inside its context. */
export async function runInContext<T>(context: object, body: () => Promise<T>): Promise<T> {
  slots.running++;
  try {
    return await slots.storage.run(context, body);
  } finally {
    // On Node 20, context tracking taxes every promise; the engine makes many, so it is
    // switched off once no program is running (run() switches it on again).
    if (--slots.running === 0) slots.storage.disable();
  }
}

/**
 * Calls `fn` synchronously with `context` current, for callbacks (apply) that
 * run after their program finished: a resource they create then finds its
 * frozen scope and fails with GRAPH_FROZEN instead of a vaguer error.
 */
export function callInContext<T>(context: object | undefined, fn: () => T): T {
  if (context === undefined || slots.storage.getStore() === context) return fn();
  const previous = slots.replayed;
  slots.replayed = context;
  try {
    return fn();
  } finally {
    slots.replayed = previous;
  }
}
