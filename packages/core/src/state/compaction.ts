/**
 * When a stack's journal is folded into a new snapshot. Operations append
 * their records to the journal and keep it, so an update writes what it
 * changed rather than the whole state; reading a stack replays the journal
 * over the snapshot, so the journal is kept small next to the snapshot:
 * a read never costs more than the snapshot and half of it again (plus the
 * last operation's records), and a snapshot is rewritten only after
 * operations have written half its size in records.
 */

/**
 * A snapshot smaller than this (in characters) is rewritten by every
 * operation that changes something: at that size the write costs about what
 * its fsync does, and the snapshot file stays the whole state.
 */
export const SMALL_SNAPSHOT = 64 * 1024;

/** The journal is folded once it is larger than this fraction of the snapshot's size. */
export const JOURNAL_FRACTION = 0.5;

/** ... or once it holds this many completed operations (each is one object to read on S3). */
export const JOURNAL_OPERATIONS = 32;

/** What the decision looks at, at the end of an operation that changed the state. */
export interface JournalGrowth {
  /** The snapshot's size, in characters. */
  readonly snapshotSize: number;
  /** How many resources the snapshot holds. */
  readonly snapshotResources: number;
  /** The journal's size with this operation's records, in characters. */
  readonly journalSize: number;
  /** The operations the journal would hold with this one. */
  readonly operations: number;
  /** How many resources the state holds now. */
  readonly resources: number;
}

/**
 * Whether the operation ending now should write a new snapshot instead of
 * committing in the journal: the journal outgrew its share of the snapshot,
 * holds too many operations, the snapshot is small, or the state shrank below half the snapshot's
 * resources (a destroy: the new snapshot is small, and replaying deletes
 * over a large snapshot would be wasted work on every read).
 */
export function shouldCompact(growth: JournalGrowth): boolean {
  return (
    growth.snapshotSize < SMALL_SNAPSHOT ||
    growth.journalSize > JOURNAL_FRACTION * growth.snapshotSize ||
    growth.operations > JOURNAL_OPERATIONS ||
    growth.resources * 2 < growth.snapshotResources
  );
}
