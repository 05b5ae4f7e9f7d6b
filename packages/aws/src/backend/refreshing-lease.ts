import { CairnError } from "@cairn/core";
import type { Lease, LockInfo, StackRef } from "@cairn/core/automation";

/** What a lock backend does for a held lock. */
export interface LeaseHooks {
  /**
   * Rewrites the lock with a newer `refreshedAt`, on condition that it is
   * still this holder's. `"lost"` means it is not (someone forced it open);
   * a thrown error means "unknown, try again next time".
   */
  refresh(info: LockInfo): Promise<"held" | "lost">;
  /** Deletes the lock if it is still this holder's. */
  release(): Promise<void>;
}

/**
 * A held lock that refreshes itself every `refreshMs` while the operation
 * runs. A refresh that finds the lock taken aborts `lost`, and the store
 * refuses every later write. The timer never keeps the process alive.
 */
export function startLease(ref: StackRef, info: LockInfo, hooks: LeaseHooks, refreshMs: number): Lease {
  const controller = new AbortController();
  let current = info;
  let inFlight: Promise<void> | undefined;
  let released = false;

  const tick = (): void => {
    if (inFlight !== undefined || released || controller.signal.aborted) return;
    const next: LockInfo = { ...current, refreshedAt: new Date().toISOString() };
    inFlight = hooks
      .refresh(next)
      .then(
        (outcome) => {
          if (outcome === "held") current = next;
          else {
            clearInterval(timer);
            controller.abort(
              new CairnError("STATE_LOCKED", `The lock of stack "${ref.stack}" was taken over (force-unlocked) while this operation ran; nothing more was written to its state.`),
            );
          }
        },
        () => undefined, // a network failure: the next tick tries again
      )
      .finally(() => {
        inFlight = undefined;
      });
  };
  const timer = setInterval(tick, refreshMs);
  timer.unref();

  return {
    info,
    lost: controller.signal,
    release: async () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      await inFlight;
      if (!controller.signal.aborted) await hooks.release();
    },
  };
}

/** Fails with the reason the lease was lost, if it was; stores call it before every write. */
export function assertHeld(lease: Lease | undefined): void {
  if (lease?.lost.aborted) {
    throw lease.lost.reason instanceof Error ? lease.lost.reason : new CairnError("STATE_LOCKED", "The stack's lock was taken over by another process; nothing more was written.");
  }
}
