import type { StackRef } from "@cairn/core/automation";

/**
 * Where a stack's objects live under the backend's prefix:
 *
 * - `stacks/<project>/<stack>.json`: the snapshot;
 * - `stacks/<project>/<stack>.journal/<n>`: the journal, one object per
 *   group-commit batch while an operation runs (n zero-padded, so keys sort);
 * - `stacks/<project>/<stack>.journal/<from>-<to>`: a completed operation's
 *   batches (pieces from..to-1) and commit (piece to) as one object;
 * - `stacks/<project>/<stack>.lock`: who holds the stack;
 * - `backups/<project>/<stack>/<time>.json`: earlier snapshots.
 */
export class S3Layout {
  /** The key prefix, empty or ending in `/`. */
  readonly prefix: string;

  constructor(prefix: string) {
    const trimmed = prefix.replace(/^\/+|\/+$/g, "");
    this.prefix = trimmed === "" ? "" : `${trimmed}/`;
  }

  /** The folder of a project's snapshots. */
  projectFolder(project: string): string {
    return `${this.prefix}stacks/${project}/`;
  }

  snapshot(ref: StackRef): string {
    return `${this.projectFolder(ref.project)}${ref.stack}.json`;
  }

  journalFolder(ref: StackRef): string {
    return `${this.projectFolder(ref.project)}${ref.stack}.journal/`;
  }

  journalChunk(ref: StackRef, seq: number): string {
    return `${this.journalFolder(ref)}${String(seq).padStart(10, "0")}`;
  }

  /** The object holding pieces `from`..`to` of the journal: a completed operation, whole. */
  journalRange(ref: StackRef, from: number, to: number): string {
    return `${this.journalFolder(ref)}${String(from).padStart(10, "0")}-${String(to).padStart(10, "0")}`;
  }

  lock(ref: StackRef): string {
    return `${this.projectFolder(ref.project)}${ref.stack}.lock`;
  }

  backupsFolder(ref: StackRef): string {
    return `${this.prefix}backups/${ref.project}/${ref.stack}/`;
  }

  /** A backup key that sorts by time; the pid keeps two writers in one millisecond apart. */
  backup(ref: StackRef, at: Date): string {
    return `${this.backupsFolder(ref)}${at.toISOString().replace(/[:.]/g, "-")}-${process.pid}.json`;
  }
}
