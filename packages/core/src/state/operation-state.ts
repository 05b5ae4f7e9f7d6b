import { shouldCompact } from "./compaction.js";
import { GroupCommitJournal } from "./journal.js";
import { lastOperationOf } from "./lock-info.js";
import { loadState, readWarnings, type JournalPosition, type LoadedState } from "./load.js";
import type { StateDocument } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";
import { StateSession } from "./session.js";
import { StateText } from "./snapshot-text.js";
import type { Lease, StackRef, StateStore } from "./store.js";

/** Where an operation's state lives, and the lock it holds (none for a read-only one). */
export interface OperationStateOptions {
  readonly store: StateStore;
  readonly ref: StackRef;
  readonly secrets?: SecretsCrypter;
  readonly lease?: Lease;
  /** The operation's name, for the header of a new journal. */
  readonly operation: string;
}

/**
 * The state side of one operation, from its start to its end: the state it
 * started from, the session every change goes through, and the journal that
 * makes each change durable.
 */
export interface OperationState {
  readonly doc: StateDocument;
  readonly session: StateSession;
  /** What loading found that the user should hear of (a torn record, a journal folded in). */
  readonly warnings: readonly string[];
  /**
   * Ends the journal: commits the operation in it, or writes a new snapshot
   * that supersedes it (see {@link finishJournal}); `rank` orders the
   * resources of a new snapshot.
   */
  finish(rank: (urn: string) => number): Promise<void>;
  /** Closes the journal with no commit, for an operation that could not start. */
  abandon(): Promise<void>;
}

/** The state an operation starts from, and the journal it may continue. */
interface StartingState {
  readonly doc: StateDocument;
  readonly snapshot: LoadedState["snapshot"];
  /** The journal of the operations completed since the snapshot, which this one continues. */
  readonly journal?: JournalPosition;
}

/**
 * Loads a stack's state for an operation. Under the lock, a journal a
 * crashed run left is folded in and written as a snapshot first, and the
 * journal for this operation's changes is opened (before the program runs,
 * so its file and fsyncs are ready when the first step needs them).
 */
export async function openOperationState(options: OperationStateOptions): Promise<OperationState> {
  const warnings: string[] = [];
  const start = await loadFolded(options, warnings);
  const session = new StateSession(start.doc, options.secrets);
  const lease = options.lease;
  const journal = lease === undefined ? undefined : await startJournal(options, lease, session, start.journal);
  return {
    doc: start.doc,
    session,
    warnings,
    finish: async (rank) => {
      if (journal !== undefined && lease !== undefined) await finishJournal(options, lease, journal, session, start, rank);
    },
    abandon: async () => {
      await journal?.close().catch(() => undefined);
    },
  };
}

/**
 * Loads state. Under the lock, a journal a crashed run left is folded in and
 * written as a snapshot first; so is a journal of completed operations that
 * cannot be continued (it ends in a torn line, or the backend cannot append).
 */
async function loadFolded(options: OperationStateOptions, warnings: string[]): Promise<StartingState> {
  const { store, ref, secrets, lease } = options;
  const loaded = await loadState(store, ref, secrets);
  // Without the lock nothing is folded: a reader is told only of the torn record.
  warnings.push(...readWarnings(ref, lease === undefined ? { ...loaded, replayed: 0 } : loaded));
  if (lease === undefined) return loaded;
  const journal = loaded.journal;
  if (loaded.replayed > 0) return writeFolded(options, lease, new StateSession(loaded.doc, secrets).toDocument());
  const continuable = journal !== undefined && journal.clean && store.appendJournal !== undefined;
  if (journal !== undefined && journal.operations > 0 && !continuable) return writeFolded(options, lease, loaded.doc);
  return continuable ? loaded : { doc: loaded.doc, snapshot: loaded.snapshot };
}

/** Writes a snapshot of `doc` under the lock; the journal it supersedes is retired. */
async function writeFolded(options: OperationStateOptions, lease: Lease, doc: StateDocument): Promise<StartingState> {
  const text = new StateText(doc, options.secrets);
  await options.store.writeSnapshot(options.ref, text, lease);
  return { doc, snapshot: { size: text.length, resources: doc.resources.length } };
}

/** Opens this operation's journal: appending to the one it continues, or a new one. */
async function startJournal(options: OperationStateOptions, lease: Lease, session: StateSession, continued: JournalPosition | undefined): Promise<GroupCommitJournal> {
  const { store, ref } = options;
  if (continued !== undefined && store.appendJournal !== undefined) {
    const journal = new GroupCommitJournal(await store.appendJournal(ref, lease));
    session.attachJournal(journal, continued.startedAt, continued.lastSeq);
    return journal;
  }
  const startedAt = new Date().toISOString();
  const header = JSON.stringify({ journal: 1, baseSerial: session.baseSerial, operation: options.operation, startedAt });
  const journal = new GroupCommitJournal(await store.openJournal(ref, header, lease));
  session.attachJournal(journal, startedAt);
  return journal;
}

/**
 * Ends an operation's journal. An operation that changed the state either
 * commits in the journal (its last records and a commit record, in one
 * durable write) and keeps it for the next operation, or — when the journal
 * has outgrown its share of the snapshot (see `shouldCompact`) — writes a
 * new snapshot that supersedes it, taking the records still waiting for a
 * flush straight into it (one fsync fewer); if that snapshot cannot be
 * written, they go to the journal after all, for the next run to fold in.
 */
async function finishJournal(
  options: OperationStateOptions,
  lease: Lease,
  journal: GroupCommitJournal,
  session: StateSession,
  start: StartingState,
  rank: (urn: string) => number,
): Promise<void> {
  const { store, ref } = options;
  const unflushed = journal.takeUnflushed();
  try {
    await journal.drain();
    // Records that cancel out (a create that failed) leave the state as it was: no snapshot, serial or backup.
    const unchanged = !session.hasChanges() && (await journal.discard());
    if (!unchanged && (journal.bytesWritten > 0 || unflushed.lines.length > 0)) {
      const lastOperation = lastOperationOf(lease);
      const commit = session.commitLine(lastOperation);
      const journalSize = (start.journal?.size ?? 0) + journal.bytesWritten + sizeOf(unflushed.lines) + commit.length + 1;
      const growth = { snapshotSize: start.snapshot.size, snapshotResources: start.snapshot.resources, journalSize, operations: (start.journal?.operations ?? 0) + 1, resources: session.size };
      if (store.appendJournal !== undefined && !shouldCompact(growth)) {
        await journal.seal([...unflushed.lines, commit]);
      } else {
        try {
          // Written piece by piece as it is encoded: the end of a large deploy is when memory is fullest.
          await store.writeSnapshot(ref, new StateText(session.toDocument(rank, lastOperation), options.secrets), lease);
        } catch (error) {
          await journal.appendNow(unflushed.lines).catch(() => undefined);
          throw error;
        }
      }
    }
    unflushed.settle();
  } catch (error) {
    unflushed.settle(error);
    throw error;
  } finally {
    await journal.close();
  }
}

function sizeOf(lines: readonly string[]): number {
  let size = 0;
  for (const line of lines) size += line.length + 1;
  return size;
}
