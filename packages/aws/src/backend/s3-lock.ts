import { isHolderGone, type Lease, type LockInfo, type StackRef } from "@cairn/core/automation";
import { decodeLockInfo, encodeLockInfo, isStale, lastRefresh, remoteLockedError, type LockRecord } from "./lock-record.js";
import { startLease } from "./refreshing-lease.js";
import { ConditionFailed, type S3Objects } from "./s3-objects.js";
import type { S3Layout } from "./s3-layout.js";
import type { LockTiming, StackLocker } from "./stack-locker.js";

/**
 * Locks a stack with an object created by a conditional write
 * (`If-None-Match: *`: S3 answers 412 if the key exists, so of two racing
 * writers exactly one wins). The holder refreshes it with `If-Match` on the
 * ETag it last wrote; a 412 or 404 there means the lock was forced open.
 */
export class S3ObjectLock implements StackLocker {
  readonly #objects: S3Objects;
  readonly #layout: S3Layout;
  readonly #timing: LockTiming;

  constructor(objects: S3Objects, layout: S3Layout, timing: LockTiming) {
    this.#objects = objects;
    this.#layout = layout;
    this.#timing = timing;
  }

  async lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    const key = this.#layout.lock(ref);
    let etag: string | undefined;
    let tookOver: LockInfo | undefined;
    for (let attempt = 0; etag === undefined; attempt++) {
      try {
        etag = await this.#objects.put(key, encodeLockInfo(info), { ifNoneMatch: "*" });
        break;
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
      }
      const held = await this.#objects.tryGet(key);
      if (held === undefined && attempt > 4) throw remoteLockedError(ref, undefined, false);
      if (held === undefined) continue; // released meanwhile: try again
      const record: LockRecord = { info: decodeLockInfo(held.text), refreshedAt: lastRefresh(decodeLockInfo(held.text), held.lastModified) };
      if (attempt > 2 || !isHolderGone(record.info)) throw remoteLockedError(ref, record, isStale(record, this.#timing.ttlMs));
      // The holder ran here and is gone: replace its lock, on condition that it is still that one.
      try {
        etag = await this.#objects.put(key, encodeLockInfo(info), { ifMatch: held.etag });
        tookOver = record.info;
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
      }
    }
    let current: string = etag;
    const lease = startLease(
      ref,
      info,
      {
        refresh: async (next) => {
          try {
            current = await this.#objects.put(key, encodeLockInfo(next), { ifMatch: current });
            return "held";
          } catch (error) {
            // 409: a concurrent conditional request; S3 asks to retry it.
            if (error instanceof ConditionFailed && error.status !== 409) return "lost";
            throw error;
          }
        },
        release: async () => {
          try {
            await this.#objects.delete(key, current);
          } catch (error) {
            if (!(error instanceof ConditionFailed)) throw error; // someone else's lock now: leave it
          }
        },
      },
      this.#timing.refreshMs,
    );
    return tookOver === undefined ? lease : { ...lease, tookOver };
  }

  async readLock(ref: StackRef): Promise<{ info: LockInfo; stale: boolean } | undefined> {
    const record = await this.#read(ref);
    return record === undefined ? undefined : { info: record.info, stale: isStale(record, this.#timing.ttlMs) || isHolderGone(record.info) };
  }

  async forceUnlock(ref: StackRef): Promise<void> {
    await this.#objects.delete(this.#layout.lock(ref));
  }

  async #read(ref: StackRef): Promise<LockRecord | undefined> {
    const object = await this.#objects.tryGet(this.#layout.lock(ref));
    if (object === undefined) return undefined;
    const info = decodeLockInfo(object.text);
    return { info, refreshedAt: lastRefresh(info, object.lastModified) };
  }
}
