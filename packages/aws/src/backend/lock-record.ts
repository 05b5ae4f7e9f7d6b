import { CairnError, hintText, type Hint } from "@cairn/core";
import type { LockInfo, StackRef } from "@cairn/core/automation";

/** How long a lock may go unrefreshed before it is reported stale. @default 2 minutes */
export const DEFAULT_LOCK_TTL_MS = 120_000;
/** How often a held lock is refreshed. @default 30 seconds */
export const DEFAULT_LOCK_REFRESH_MS = 30_000;

/** A lock as stored: who holds it, plus when it was last refreshed. */
export interface LockRecord {
  readonly info: LockInfo;
  /** When the holder last proved it was alive, as far as the store knows. */
  readonly refreshedAt: Date;
}

/** The text of a lock object or item. */
export function encodeLockInfo(info: LockInfo): string {
  return JSON.stringify(info, null, 1) + "\n";
}

/** Parses lock text; a damaged one still names what it can, so it can be reported and force-unlocked. */
export function decodeLockInfo(text: string): LockInfo {
  try {
    const raw = JSON.parse(text) as Partial<LockInfo>;
    return {
      holder: String(raw.holder ?? "unknown"),
      host: String(raw.host ?? "unknown"),
      pid: Number(raw.pid ?? 0),
      operation: String(raw.operation ?? "unknown"),
      startedAt: String(raw.startedAt ?? "unknown"),
      ...(typeof raw.refreshedAt === "string" ? { refreshedAt: raw.refreshedAt } : {}),
      ...(typeof raw.bootId === "string" ? { bootId: raw.bootId } : {}),
      ...(typeof raw.processStart === "string" ? { processStart: raw.processStart } : {}),
    };
  } catch {
    return { holder: "unknown", host: "unknown", pid: 0, operation: "unknown", startedAt: "unknown" };
  }
}

/**
 * When a lock was last refreshed: the store's own time of the last write
 * when it keeps one (S3's Last-Modified, immune to the holder's clock),
 * else what the holder wrote.
 */
export function lastRefresh(info: LockInfo, storedAt: Date | undefined): Date {
  if (storedAt !== undefined && Number.isFinite(storedAt.getTime())) return storedAt;
  const said = Date.parse(info.refreshedAt ?? info.startedAt);
  return new Date(Number.isFinite(said) ? said : 0);
}

/** Whether a lock has gone unrefreshed for longer than the TTL. */
export function isStale(record: LockRecord, ttlMs: number, now: Date = new Date()): boolean {
  return now.getTime() - record.refreshedAt.getTime() > ttlMs;
}

/**
 * STATE_LOCKED for a shared backend: who holds the stack, since when, doing
 * what, and how to unlock. A stale lock says how long it has gone
 * unrefreshed; it is never taken over without `--force`.
 */
export function remoteLockedError(ref: StackRef, record: LockRecord | undefined, stale: boolean, now: Date = new Date()): CairnError {
  if (record === undefined) {
    return new CairnError("STATE_LOCKED", `Stack "${ref.stack}" is locked by another process (it released the lock while this one was reading it). Try again.`);
  }
  const { info } = record;
  const since = `since ${info.startedAt}${ago(Date.parse(info.startedAt), now)}`;
  const who = `${info.holder} (pid ${info.pid} on ${info.host})`;
  const unlock: Hint = { kind: "unlock", stack: ref.stack, force: true };
  const hint = stale
    ? ` The lock looks stale: it has not been refreshed${ago(record.refreshedAt.getTime(), now)}, so its holder has probably crashed. If no operation is running on this stack, ${hintText(unlock)}`
    : ` Wait for it to finish, or if it crashed, ${hintText(unlock)}`;
  return new CairnError("STATE_LOCKED", `Stack "${ref.stack}" is locked by ${who} ${since}, running "${info.operation}".${hint}`, { hints: [unlock] });
}

function ago(at: number, now: Date): string {
  const ms = now.getTime() - at;
  if (!Number.isFinite(ms) || ms < 0) return "";
  const s = Math.round(ms / 1000);
  return s < 120 ? ` (${s}s ago)` : s < 7200 ? ` (${Math.round(s / 60)}m ago)` : ` (${Math.round(s / 3600)}h ago)`;
}
