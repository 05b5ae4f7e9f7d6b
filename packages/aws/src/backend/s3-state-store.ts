import type { JournalSink, Lease, LockInfo, SnapshotText, StackRef, StateStore, StoredState } from "@cairn/core/automation";
import { BackendClients, type BackendClientOptions } from "./backend-clients.js";
import { s3BackendUrl } from "./backend-url.js";
import { DynamoDbLockTable } from "./dynamodb-lock.js";
import { DEFAULT_LOCK_REFRESH_MS, DEFAULT_LOCK_TTL_MS } from "./lock-record.js";
import { assertHeld } from "./refreshing-lease.js";
import { appendS3Journal, openS3Journal, readS3Journal } from "./s3-journal.js";
import { S3Layout } from "./s3-layout.js";
import { S3ObjectLock } from "./s3-lock.js";
import { S3Objects } from "./s3-objects.js";
import type { StackLocker } from "./stack-locker.js";

/** Where an {@link S3StateStore} keeps state and how it reaches it. */
export interface S3StateStoreOptions extends BackendClientOptions {
  readonly bucket: string;
  /** A key prefix, so one bucket can hold many teams' state. @default "" */
  readonly prefix?: string;
  /**
   * A DynamoDB table (partition key `LockID`, a string) that holds the locks,
   * for S3-compatible stores without conditional writes. @default lock objects in the bucket
   */
  readonly lockTable?: string;
  /** A lock unrefreshed for this long is reported stale. @default 120000 (2 minutes) */
  readonly lockTtlMs?: number;
  /** How often a held lock is refreshed. @default 30000 */
  readonly lockRefreshMs?: number;
  /** How many earlier snapshots to keep per stack. @default 10 */
  readonly backupsKept?: number;
}

/**
 * Stack state in S3 (or any S3-compatible store), shared by a team:
 *
 * - the snapshot is one object, replaced atomically by each write; the one
 *   it replaces is first copied, server-side, to `backups/`;
 * - while an operation runs, its journal is a series of small objects, one
 *   per group-commit batch; when it completes, they become one object, and
 *   the journal is kept until it outgrows half the snapshot and is folded
 *   into a new one. A deploy therefore sends O(N) bytes for N resources, and
 *   an update sends what it changed;
 * - the lock is an object created with `If-None-Match: *` and refreshed with
 *   `If-Match`, or an item in a DynamoDB lock table.
 *
 * The SDK is loaded on first use.
 *
 * @example
 * const store = new S3StateStore({ bucket: "acme-cairn-state", prefix: "ml-platform", region: "us-west-2" });
 * const stack = new Stack({ project: "ml-platform", stack: "prod", program, store });
 */
export class S3StateStore implements StateStore {
  readonly url: string;
  readonly #objects: S3Objects;
  readonly #layout: S3Layout;
  readonly #locker: StackLocker;
  readonly #clients: BackendClients;
  readonly #backupsKept: number;

  constructor(options: S3StateStoreOptions) {
    this.#layout = new S3Layout(options.prefix ?? "");
    this.url = s3BackendUrl({ bucket: options.bucket, prefix: this.#layout.prefix.replace(/\/$/, "") });
    this.#clients = new BackendClients(options);
    this.#objects = new S3Objects(options.bucket, () => this.#clients.s3());
    this.#backupsKept = options.backupsKept ?? 10;
    const timing = { ttlMs: options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS, refreshMs: options.lockRefreshMs ?? DEFAULT_LOCK_REFRESH_MS };
    this.#locker =
      options.lockTable === undefined
        ? new S3ObjectLock(this.#objects, this.#layout, timing)
        : new DynamoDbLockTable(options.lockTable, () => this.#clients.dynamoDb(), (ref) => `${options.bucket}/${this.#layout.snapshot(ref)}`, timing);
  }

  async listStacks(project: string): Promise<string[]> {
    const folder = this.#layout.projectFolder(project);
    const keys = await this.#objects.list(folder, "/");
    return keys.filter((key) => key.endsWith(".json")).map((key) => key.slice(folder.length, -".json".length)).sort();
  }

  async read(ref: StackRef): Promise<StoredState | undefined> {
    const [snapshot, journal] = await Promise.all([this.#objects.tryGet(this.#layout.snapshot(ref)), readS3Journal(this.#objects, this.#layout, ref)]);
    if (snapshot === undefined && journal.length === 0) return undefined;
    return { snapshot: snapshot?.text, journal };
  }

  async exists(ref: StackRef): Promise<boolean> {
    // A stack has a snapshot from its creation on; the journal is read only for one that lost it, as read() would.
    return (await this.#objects.exists(this.#layout.snapshot(ref))) || (await readS3Journal(this.#objects, this.#layout, ref)).length > 0;
  }

  async writeSnapshot(ref: StackRef, text: SnapshotText, lease: Lease | undefined): Promise<void> {
    assertHeld(lease);
    // Encoded before anything changes in the bucket, so a text that fails to encode leaves it as it was.
    const body = typeof text === "string" ? text : utf8(text);
    const key = this.#layout.snapshot(ref);
    const backedUp = await this.#objects.copy(key, this.#layout.backup(ref, new Date()));
    assertHeld(lease);
    await this.#objects.put(key, body);
    await this.#objects.deleteAll(await this.#objects.list(this.#layout.journalFolder(ref)));
    if (backedUp) await this.#pruneBackups(ref);
  }

  openJournal(ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
    return openS3Journal(this.#objects, this.#layout, ref, header, lease);
  }

  appendJournal(ref: StackRef, lease: Lease): Promise<JournalSink> {
    return appendS3Journal(this.#objects, this.#layout, ref, lease);
  }

  lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    return this.#locker.lock(ref, info);
  }

  readLock(ref: StackRef): Promise<{ readonly info: LockInfo; readonly stale: boolean } | undefined> {
    return this.#locker.readLock(ref);
  }

  forceUnlock(ref: StackRef): Promise<void> {
    return this.#locker.forceUnlock(ref);
  }

  async remove(ref: StackRef): Promise<void> {
    const journal = await this.#objects.list(this.#layout.journalFolder(ref));
    const backups = await this.#objects.list(this.#layout.backupsFolder(ref));
    await this.#objects.deleteAll([this.#layout.snapshot(ref), ...journal, ...backups]);
  }

  /** The keys of a stack's backups, oldest first. */
  backups(ref: StackRef): Promise<string[]> {
    return this.#objects.list(this.#layout.backupsFolder(ref));
  }

  /** Closes the SDK clients' sockets. */
  destroy(): Promise<void> {
    return this.#clients.destroy();
  }

  async #pruneBackups(ref: StackRef): Promise<void> {
    const kept = await this.backups(ref);
    await this.#objects.deleteAll(kept.slice(0, Math.max(0, kept.length - this.#backupsKept)));
  }
}

/**
 * A snapshot's pieces as one body of UTF-8 bytes: a PutObject needs its
 * length up front, and bytes (unlike one joined string) are held outside the
 * JavaScript heap and sent without another copy.
 */
function utf8(pieces: Iterable<string>): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  for (const piece of pieces) {
    const part = Buffer.from(piece, "utf8");
    parts.push(part);
    length += part.length;
  }
  return Buffer.concat(parts, length);
}
