import { mkdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { writeFileAtomic } from "@cairn/core/automation";

/** A YAML file as read: its value, or `undefined` if the file does not exist. */
export interface YamlRead {
  readonly exists: boolean;
  readonly value: unknown;
}

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly value: unknown;
}

/**
 * Reads a YAML file's value, keeping the parsed value as JSON under
 * `cacheDir` keyed by the file's modification time and size: most runs then
 * need no YAML parser at all, which is a good part of a quick start. Parse
 * errors are thrown by `onError` with the file named; nothing is cached then.
 */
export async function readYamlCached(path: string, cacheDir: string, onError: (message: string, cause: unknown) => Error): Promise<YamlRead> {
  let info: { mtimeMs: number; size: number };
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { exists: false, value: undefined };
    throw error;
  }
  const cacheFile = join(cacheDir, "yaml", `${basename(path)}.json`);
  try {
    const entry = JSON.parse(await readFile(cacheFile, "utf8")) as CacheEntry;
    if (entry.mtimeMs === info.mtimeMs && entry.size === info.size) return { exists: true, value: entry.value };
  } catch {
    // No cache yet, or a damaged one: parse the file.
  }
  const text = await readFile(path, "utf8");
  const { parse } = await import("yaml");
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw onError(`${path} is not valid YAML: ${(error as Error).message}`, error);
  }
  try {
    await mkdir(join(cacheDir, "yaml"), { recursive: true });
    await writeFileAtomic(cacheFile, JSON.stringify({ mtimeMs: info.mtimeMs, size: info.size, value } satisfies CacheEntry));
  } catch {
    // A cache that cannot be written only costs speed.
  }
  return { exists: true, value };
}
