import type { Lease, LockInfo, StackRef } from "@cairn/core/automation";

/** Timing of a shared lock. */
export interface LockTiming {
  /** A lock unrefreshed for longer than this is reported stale. @default 2 minutes */
  readonly ttlMs: number;
  /** How often a held lock is refreshed. @default 30 seconds */
  readonly refreshMs: number;
}

/**
 * The lock half of a shared backend: a lock object in S3 (conditional
 * writes) or an item in a DynamoDB table, behind one interface.
 */
export interface StackLocker {
  /** Takes the stack's lock or fails at once with STATE_LOCKED naming the holder. */
  lock(ref: StackRef, info: LockInfo): Promise<Lease>;
  /** Who holds the lock and whether it looks stale. */
  readLock(ref: StackRef): Promise<{ readonly info: LockInfo; readonly stale: boolean } | undefined>;
  /** Removes the lock, whoever holds it; the holder's next refresh finds it lost. */
  forceUnlock(ref: StackRef): Promise<void>;
}
