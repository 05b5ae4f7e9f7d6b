import { constants, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CairnError } from "../errors.js";
import { hintText, type Hint } from "../hints.js";
import { isHolderGone } from "./lock-holder.js";
import type { JournalSink, Lease, LockInfo, SnapshotText, StackRef, StateStore, StoredState } from "./store.js";

/**
 * A journal is opened for synchronized data writes (O_DSYNC): each write
 * returns once its bytes are on disk, as a write followed by fdatasync
 * would, in one system call instead of two. Every step waits for its
 * intent's write, and a chain of steps waits for one per link, so the hop
 * saved is on the path of every dependency.
 */
const JOURNAL_CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_DSYNC;
const JOURNAL_APPEND = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC;

/** How many earlier snapshots the file backend keeps per stack. */
const BACKUPS_KEPT = 5;

/**
 * The default backend: files under the project's `.cairn/`.
 *
 * - `stacks/<project>/<stack>.json`: the snapshot, replaced by write, fsync, rename;
 * - `stacks/<project>/<stack>.journal`: the operations since the snapshot,
 *   appended to by each one, and perhaps one still running;
 * - `stacks/<project>/<stack>.lock`: who holds the stack, created exclusively;
 * - `backups/<project>/<stack>/`: the last few snapshots, each with the
 *   journal that continued it, kept as hard links (no bytes copied).
 */
export class FileStateStore implements StateStore {
  readonly url: string;
  readonly #root: string;

  /** @param root the `.cairn` folder. */
  constructor(root: string) {
    this.#root = path.resolve(root);
    this.url = pathToFileURL(this.#root).href;
  }

  async listStacks(project: string): Promise<string[]> {
    const names = await fs.readdir(path.join(this.#root, "stacks", project)).catch(() => [] as string[]);
    return names.filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -".json".length)).sort();
  }

  async read(ref: StackRef): Promise<StoredState | undefined> {
    return onDisk("read the state at", this.#file(ref, "json"), async () => {
      // Side by side: a journal read with a newer snapshot than the one it continues is ignored on replay.
      const [snapshot, journal] = await Promise.all([readIfExists(this.#file(ref, "json")), readIfExists(this.#file(ref, "journal"))]);
      if (snapshot === undefined && journal === undefined) return undefined;
      return { snapshot, journal: journal === undefined ? [] : journal.split("\n") };
    });
  }

  async exists(ref: StackRef): Promise<boolean> {
    return (await isFile(this.#file(ref, "json"))) || (await isFile(this.#file(ref, "journal")));
  }

  async writeSnapshot(ref: StackRef, text: SnapshotText, lease: Lease | undefined): Promise<void> {
    assertHeld(lease);
    return onDisk("write the state at", this.#file(ref, "json"), () => this.#writeSnapshot(ref, text));
  }

  async #writeSnapshot(ref: StackRef, text: SnapshotText): Promise<void> {
    const target = this.#file(ref, "json");
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    // Independent steps run side by side: each is a trip to the I/O threads, and
    // the operation's end waits for the longest chain of them. The folder is
    // opened now for its fsync after the rename; the backup of the snapshot
    // being replaced is made while the new one is written.
    const folder = openFolder(dir);
    try {
      await settledAll([writeDurably(temp, text), this.#keepBackup(ref, target, this.#file(ref, "journal"))]);
      await fs.rename(temp, target);
      await folder.sync();
    } finally {
      await folder.close();
    }
    // Only once the new snapshot's name is durable: the journal it folds in goes.
    await removeFile(this.#file(ref, "journal"));
  }

  async openJournal(ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
    assertHeld(lease);
    const file = this.#file(ref, "journal");
    // The file is made at the first append, with the header: an operation that changes nothing leaves none.
    let handle: FileHandle | undefined;
    return {
      async append(lines: readonly string[]): Promise<void> {
        assertHeld(lease);
        const text = lines.join("\n") + "\n";
        if (handle === undefined) {
          handle = await createJournal(file, header + "\n" + text);
          return;
        }
        await writeAll(handle, text);
      },
      close: async () => {
        await handle?.close();
        handle = undefined;
      },
      discard: async () => {
        assertHeld(lease);
        const opened = handle;
        handle = undefined;
        if (opened === undefined) return;
        await opened.close();
        await removeFile(file);
        await syncDir(path.dirname(file));
      },
    };
  }

  async appendJournal(ref: StackRef, lease: Lease): Promise<JournalSink> {
    assertHeld(lease);
    const file = this.#file(ref, "journal");
    // Opened at the first append: an operation that changes nothing writes nothing.
    let handle: FileHandle | undefined;
    let start = 0;
    return {
      async append(lines: readonly string[]): Promise<void> {
        assertHeld(lease);
        if (handle === undefined) {
          handle = await fs.open(file, JOURNAL_APPEND);
          start = (await handle.stat()).size;
        }
        await writeAll(handle, lines.join("\n") + "\n");
      },
      close: async () => {
        await handle?.close();
        handle = undefined;
      },
      discard: async () => {
        assertHeld(lease);
        const opened = handle;
        handle = undefined;
        if (opened === undefined) return;
        // Only this operation's records go: the operations before it stay.
        await opened.truncate(start);
        await opened.datasync();
        await opened.close();
      },
    };
  }

  lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    return onDisk("lock the stack with", this.#file(ref, "lock"), () => this.#lock(ref, info));
  }

  async #lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    const file = this.#file(ref, "lock");
    let tookOver: LockInfo | undefined;
    for (let attempt = 0; ; attempt++) {
      if (await inFolder(file, () => createExclusive(file, JSON.stringify(info, null, 1) + "\n"))) break;
      const text = await readIfExists(file);
      if (text === undefined) continue; // released meanwhile: try again
      const held = parseLockInfo(text);
      if (attempt > 2 || !isHolderGone(held) || !(await setAside(file, text))) throw lockedError(ref, held, isHolderGone(held));
      tookOver = held;
    }
    const controller = new AbortController();
    let released = false;
    return {
      info,
      lost: controller.signal,
      ...(tookOver === undefined ? {} : { tookOver }),
      release: async () => {
        if (released) return;
        released = true;
        // Whether the lock is still this one; whether its holder is alive does not matter here.
        const text = await readIfExists(file);
        const current = text === undefined ? undefined : parseLockInfo(text);
        if (current !== undefined && current.pid === info.pid && current.startedAt === info.startedAt) {
          await removeFile(file);
        }
      },
    };
  }

  async readLock(ref: StackRef): Promise<{ info: LockInfo; stale: boolean } | undefined> {
    const text = await readIfExists(this.#file(ref, "lock"));
    if (text === undefined) return undefined;
    const info = parseLockInfo(text);
    return { info, stale: isHolderGone(info) };
  }

  async forceUnlock(ref: StackRef): Promise<void> {
    await removeFile(this.#file(ref, "lock"));
  }

  async remove(ref: StackRef): Promise<void> {
    await removeFile(this.#file(ref, "json"));
    await removeFile(this.#file(ref, "journal"));
    await fs.rm(path.join(this.#root, "backups", ref.project, ref.stack), { recursive: true, force: true });
  }

  /** The folder of a stack's backups. */
  backupsDir(ref: StackRef): string {
    return path.join(this.#root, "backups", ref.project, ref.stack);
  }

  /** The snapshot file of a stack. */
  snapshotPath(ref: StackRef): string {
    return this.#file(ref, "json");
  }

  #file(ref: StackRef, ext: "json" | "journal" | "lock"): string {
    return path.join(this.#root, "stacks", ref.project, `${ref.stack}.${ext}`);
  }

  /** Keeps the snapshot being replaced, and the journal that continued it (as `<name>.journal`), in the backups. */
  async #keepBackup(ref: StackRef, current: string, journal: string): Promise<void> {
    const dir = this.backupsDir(ref);
    await fs.mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    // Two snapshots in one millisecond need two names; "_n" sorts after the first.
    let name: string;
    for (let n = 0; ; n++) {
      name = `${stamp}-${process.pid}${n === 0 ? "" : `_${n}`}`;
      try {
        await fs.link(current, path.join(dir, `${name}.json`));
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return;
        if (code !== "EEXIST") throw error;
      }
    }
    await fs.link(journal, path.join(dir, `${name}.journal`)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    const kept = (await fs.readdir(dir)).filter((file) => file.endsWith(".json")).sort();
    for (const old of kept.slice(0, Math.max(0, kept.length - BACKUPS_KEPT))) {
      await removeFile(path.join(dir, old));
      await removeFile(path.join(dir, `${old.slice(0, -".json".length)}.journal`));
    }
  }
}

/** The STATE_LOCKED error: who holds the stack, since when, doing what, and how to unlock. */
export function lockedError(ref: StackRef, info: LockInfo | undefined, stale: boolean): CairnError {
  const who = info === undefined ? "another process" : `${info.holder} (pid ${info.pid})`;
  const since = info === undefined ? "" : ` since ${info.startedAt}${ago(info.startedAt)}`;
  const doing = info === undefined ? "" : `, running "${info.operation}"`;
  const unlock: Hint = { kind: "unlock", stack: ref.stack, force: true };
  const hint = stale
    ? ` The lock looks stale: that process is no longer running. If no operation is in progress, ${hintText(unlock)}`
    : ` Wait for it to finish, or if it crashed, ${hintText(unlock)}`;
  return new CairnError("STATE_LOCKED", `Stack "${ref.stack}" is locked by ${who}${since}${doing}.${hint}`, { hints: [unlock] });
}

function ago(iso: string): string {
  const ms = Date.now() - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 0) return "";
  const s = Math.round(ms / 1000);
  return s < 120 ? ` (${s}s ago)` : s < 7200 ? ` (${Math.round(s / 60)}m ago)` : ` (${Math.round(s / 3600)}h ago)`;
}

function assertHeld(lease: Lease | undefined): void {
  if (lease?.lost.aborted) throw new CairnError("STATE_LOCKED", "The stack's lock was taken over by another process; nothing more was written.");
}

function parseLockInfo(text: string): LockInfo {
  try {
    return JSON.parse(text) as LockInfo;
  } catch {
    return { holder: "unknown", host: "unknown", pid: 0, operation: "unknown", startedAt: "unknown" };
  }
}

/** Runs `create` (which makes `file`); when the file's folder does not exist yet, makes it and runs `create` again. */
async function inFolder<T>(file: string, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await fs.mkdir(path.dirname(file), { recursive: true });
    return create();
  }
}

/** Removes a file, if it is there: one call, where `fs.rm` makes three. */
async function removeFile(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Creates a file only if there is none; false if there is one. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes a lock judged abandoned, if it is still the one judged: it is
 * renamed aside (of two processes doing this, one gets it), compared with
 * what was read, and put back if a live holder's lock was caught instead.
 */
async function setAside(file: string, judged: string): Promise<boolean> {
  const aside = `${file}.taken-${process.pid}-${Date.now()}`;
  try {
    await fs.rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
  if ((await readIfExists(aside)) === judged) {
    await removeFile(aside);
    return true;
  }
  await fs.link(aside, file).catch(() => undefined);
  await removeFile(aside);
  return false;
}

/** Whether something is at `file`; like {@link readIfExists}, only its absence is an answer, other errors are thrown. */
async function isFile(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/**
 * `run`, with a failure of the disk (a folder that is a file, a file that is a
 * folder, no permission, a full or read-only disk) reported as
 * STATE_BACKEND_ERROR naming the file; Cairn's own errors pass unchanged.
 */
async function onDisk<T>(what: string, file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (CairnError.isCairnError(error) || typeof code !== "string") throw error;
    throw new CairnError("STATE_BACKEND_ERROR", `Could not ${what} ${file}: ${(error as Error).message}. Nothing was half-written.`, { file, cause: error });
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes a new file and flushes it; a file left part-written (the text failed to encode, the disk filled) is removed. */
async function writeDurably(file: string, text: SnapshotText): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    if (typeof text === "string") await writeAll(handle, text);
    else for (const piece of text) await writeAll(handle, piece);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await removeFile(file);
    throw error;
  }
  await handle.close();
}

/** Writes all of a text at the file's position, however many writes the system takes for it. */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
}

/**
 * Makes a stack's journal for its first append, holding `text` (the header
 * and the first lines) durably: its bytes (O_DSYNC) and its name in the
 * folder (the folder's fsync). The two are made durable side by side, since
 * every step of the operation waits for this; a crash between them leaves no
 * journal, or an empty or cut one, which replay tolerates, and no step has
 * called a provider yet.
 */
async function createJournal(file: string, text: string): Promise<FileHandle> {
  // Opened beside the file, not after it: the folder holds the lock file, so it exists.
  const folder = openFolder(path.dirname(file));
  try {
    const handle = await openNewJournal(file);
    try {
      await settledAll([writeAll(handle, text), folder.sync()]);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  } finally {
    await folder.close();
  }
}

/**
 * Opens a new, empty journal file. A journal left over is unlinked, not
 * truncated in place (it may be linked into the backups); a missing folder is
 * made. Both are rare, so the common case is one call.
 */
async function openNewJournal(file: string): Promise<FileHandle> {
  return inFolder(file, async () => {
    try {
      return await fs.open(file, JOURNAL_CREATE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      await removeFile(file);
      return fs.open(file, JOURNAL_CREATE);
    }
  });
}

/** Waits for all of `work`, then throws the first failure, if any: nothing is left running when it throws. */
async function settledAll(work: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((result) => result.status === "rejected");
  if (failed !== undefined) throw failed.reason;
}

/**
 * A folder opened at once, for an fsync of its entries later, so that the
 * open overlaps other work. `sync` opens it again if the first open failed
 * (the folder may have been made since); `close` closes what was opened.
 */
function openFolder(dir: string): { sync(): Promise<void>; close(): Promise<void> } {
  const opening = fs.open(dir, "r").catch(() => undefined);
  let reopened: FileHandle | undefined;
  return {
    async sync() {
      const handle = (await opening) ?? (reopened ??= await fs.open(dir, "r"));
      await handle.sync();
    },
    async close() {
      await (await opening)?.close();
      await reopened?.close();
    },
  };
}

async function syncDir(dir: string): Promise<void> {
  const folder = openFolder(dir);
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
