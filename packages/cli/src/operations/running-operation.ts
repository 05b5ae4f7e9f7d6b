import type { StackRef, StateStore, StoredState } from "@cairn/core/automation";
import type { CommandContext } from "../cli/context.js";
import { warnWith } from "./edit-warnings.js";

/**
 * The store a read-only command (preview, graph) should read while another
 * operation holds the stack: the state as of the last completed operation,
 * without the running one's half-written journal. When the stack is locked
 * by a live operation, a notice says who runs what since when (on stderr,
 * or as a `diagnostic` line with `--json`); otherwise the store is returned
 * as it is.
 */
export async function lastConsistentStore(ctx: CommandContext, store: StateStore, ref: StackRef, json: boolean): Promise<StateStore> {
  const lock = await store.readLock(ref);
  if (lock === undefined || lock.stale) return store;
  const { info } = lock;
  const message =
    `Stack "${ref.stack}" is being changed right now: ${info.holder} (pid ${info.pid} on ${info.host}) has been running "${info.operation}" since ${info.startedAt}. ` +
    "This shows the state as of the last completed operation; it will change when that one ends.";
  warnWith(ctx, json)(message, { lock: info });
  return snapshotOnly(store);
}

/** A read-only view of a store that sees the operations completed and never one in progress. */
function snapshotOnly(store: StateStore): StateStore {
  return {
    url: store.url,
    listStacks: (project) => store.listStacks(project),
    read: async (ref): Promise<StoredState | undefined> => {
      const stored = await store.read(ref);
      if (stored === undefined) return undefined;
      const { completedJournal } = await import("@cairn/core/automation");
      return { snapshot: stored.snapshot, journal: completedJournal(stored.journal) };
    },
    writeSnapshot: () => Promise.reject(new Error("a read-only view of the state cannot write")),
    openJournal: () => Promise.reject(new Error("a read-only view of the state cannot write")),
    lock: () => Promise.reject(new Error("a read-only view of the state cannot take the lock")),
    readLock: (ref) => store.readLock(ref),
    forceUnlock: () => Promise.reject(new Error("a read-only view of the state cannot unlock")),
    remove: () => Promise.reject(new Error("a read-only view of the state cannot remove a stack")),
  };
}
