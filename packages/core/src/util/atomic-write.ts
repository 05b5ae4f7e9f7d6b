import { mkdir, open, rename, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Permission bits of the file, such as `0o644`. @default 0o644 */
  readonly mode?: number;
}

/**
 * Writes a file so that a reader sees either the old content or the new, never
 * a part: the bytes go to a temporary file beside it, are flushed to disk,
 * and the temporary file is renamed over the target; the folder is then
 * flushed so the rename itself survives a crash.
 */
export async function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const mode = options.mode ?? 0o644;
  const handle = await open(temp, "w", mode);
  try {
    await handle.writeFile(content, "utf8");
    // The process umask may have narrowed the mode given to open().
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}
