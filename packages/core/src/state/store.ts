/** Identifies one stack in a backend. */
export interface StackRef {
  readonly project: string;
  readonly stack: string;
}

/** Who holds a stack's lock, and since when. */
export interface LockInfo {
  /** user@host of the holder. */
  readonly holder: string;
  readonly host: string;
  readonly pid: number;
  /** The operation, such as `up` or `destroy`. */
  readonly operation: string;
  /** When the lock was taken, as an ISO time. */
  readonly startedAt: string;
  /** When the holder last refreshed it, as an ISO time. @default startedAt */
  readonly refreshedAt?: string;
  /** The holder's machine boot id (Linux), so a lock from another boot or machine of the same name is told apart. @default unknown */
  readonly bootId?: string;
  /** When the holder's process started, in clock ticks after boot, so a reused pid is not taken for the holder. @default unknown */
  readonly processStart?: string;
}

/** A lock held on a stack. */
export interface Lease {
  readonly info: LockInfo;
  /** Aborted if the backend finds the lock was taken over; writes must stop. */
  readonly lost: AbortSignal;
  /** The holder this lock was taken over from: it ran on this host and its process is gone. */
  readonly tookOver?: LockInfo;
  /** Releases the lock; idempotent. */
  release(): Promise<void>;
}

/** An append-only journal of one operation. */
export interface JournalSink {
  /** Appends lines (each one JSON record, no newline) and resolves once they are durable. */
  append(lines: readonly string[]): Promise<void>;
  /** Stops appending; the journal stays until a snapshot supersedes it. */
  close(): Promise<void>;
  /**
   * Closes and removes the journal: the operation changed nothing after all
   * (its records cancel out, as a create that failed does), so no snapshot
   * supersedes it. @default a snapshot is written instead
   */
  discard?(): Promise<void>;
  /**
   * Appends an operation's last lines (its commit record), which complete
   * it: the journal is kept, and the next operation continues it. A backend
   * may then store the operation's records as one piece (S3 does, so a read
   * costs one object per operation, not one per batch). @default append
   */
  seal?(lines: readonly string[]): Promise<void>;
}

/**
 * A snapshot's text: one string, or its pieces in order, made as they are
 * asked for (a state of 100,000 resources is tens of megabytes; a backend
 * that writes the pieces as they come never holds the whole text). Iterate
 * it once; `snapshotString` joins it for a backend that needs it whole.
 */
export type SnapshotText = string | Iterable<string>;

/** What a backend holds for a stack. */
export interface StoredState {
  /** The last snapshot's text, if there is one. */
  readonly snapshot: string | undefined;
  /** Journal lines written after that snapshot, in order: the operations completed since, and perhaps one that did not finish. */
  readonly journal: readonly string[];
}

/**
 * Where stack state lives: the local file backend, S3, or anything else that
 * can store text durably and lock a stack. Backends store text; the core owns
 * the format, the journal's meaning and encryption.
 */
export interface StateStore {
  /** Where this backend stores state, as a URL (`file:///…/.cairn`, `s3://bucket/prefix`). */
  readonly url: string;
  /** The stacks of a project, by name, sorted. */
  listStacks(project: string): Promise<string[]>;
  /** The snapshot and journal of a stack, or `undefined` if the stack does not exist. */
  read(ref: StackRef): Promise<StoredState | undefined>;
  /**
   * Whether the stack exists (it has a snapshot or a journal), without reading
   * it: what `read(ref) !== undefined` says, for callers that need no more.
   * @default `read(ref) !== undefined`, for a backend that does not have it
   */
  exists?(ref: StackRef): Promise<boolean>;
  /**
   * Writes a snapshot atomically, keeping earlier ones as backups, and retires
   * the journal it supersedes. A large state's text comes in pieces, to be
   * written in order as they come (see {@link SnapshotText}).
   */
  writeSnapshot(ref: StackRef, text: SnapshotText, lease: Lease | undefined): Promise<void>;
  /**
   * Starts a journal for one operation; its first line is `header`. Nothing
   * need be written until the first append: an operation that changes
   * nothing should leave no journal behind.
   */
  openJournal(ref: StackRef, header: string, lease: Lease): Promise<JournalSink>;
  /**
   * Continues the stack's journal as last read: the operation's records are
   * appended after those of the operations before it, and the header is not
   * written again. Called only for a journal that ends with a complete record.
   * A backend without it gets a new snapshot after every operation instead.
   * Nothing need be written until the first append; `discard` removes only
   * what this operation appended.
   */
  appendJournal?(ref: StackRef, lease: Lease): Promise<JournalSink>;
  /**
   * Takes the stack's lock or fails with STATE_LOCKED naming the holder. A
   * lock whose holder ran on this host and is gone (see `isHolderGone`) is
   * taken over, and the lease says from whom.
   */
  lock(ref: StackRef, info: LockInfo): Promise<Lease>;
  /** Who holds the lock, if anyone, and whether the lock looks stale. */
  readLock(ref: StackRef): Promise<{ readonly info: LockInfo; readonly stale: boolean } | undefined>;
  /** Removes the lock whoever holds it. */
  forceUnlock(ref: StackRef): Promise<void>;
  /** Deletes the stack's state, journal and backups. */
  remove(ref: StackRef): Promise<void>;
}
