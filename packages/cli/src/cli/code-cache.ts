import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join } from "node:path";
import { Script } from "node:vm";

/** A CommonJS file loaded with V8's code cache, and how its cache was used. */
export interface CachedModule {
  readonly exports: unknown;
  /** `used`: compiled from the cache; `made`: compiled from source, the cache is written by {@link saveCodeCaches}; `off`: no cache folder. */
  readonly cache: "used" | "made" | "off";
}

/** Caches to write when the process ends: the file's compiled code, including the functions that ran. */
const pending = new Map<string, { readonly script: Script; readonly base: string }>();

/** How many caches of one file are kept: a new build, or another Cairn on the machine, writes another. */
const KEPT_PER_FILE = 3;

/**
 * Loads a CommonJS file (a bundle with no imports of its own but Node's
 * modules) with V8's code cache, so that it is not compiled again on every
 * run: Node 20 has no compile cache of its own. The cache lives under
 * `cacheDir`, one file per version of the code: `key` names the content
 * (the build's hash of it), and the file's size and modification time, the
 * Node version and the architecture are part of the name too, so a changed
 * file or another Node never meets an old cache; V8 itself refuses a cache
 * made by another V8 or other flags, and then the file is compiled as usual.
 * A cache that cannot be read or written costs nothing but the saving. V8
 * checks little of a cache in release builds, so each is stored twice,
 * and a damaged one is compiled past and replaced.
 */
export function requireWithCodeCache(file: string, key: string, cacheDir: string | undefined): CachedModule {
  const source = readFileSync(file, "utf8");
  const base = baseName(file);
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, cacheName(file, base, key));
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (cacheFile === undefined) return { exports: module.exports, cache: "off" };
  if (cachedData !== undefined && !script.cachedDataRejected) return { exports: module.exports, cache: "used" };
  pending.set(cacheFile, { script, base });
  return { exports: module.exports, cache: "made" };
}

/**
 * Writes the caches {@link requireWithCodeCache} made in this process, at its
 * end, so that they hold the functions that ran too; atomically (a temporary
 * file renamed), so a reader never meets half a cache; only the newest few
 * caches of each file are kept. Failures are ignored.
 */
export function saveCodeCaches(): void {
  for (const [cacheFile, { script, base }] of pending) {
    pending.delete(cacheFile);
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temp = `${cacheFile}.tmp-${process.pid}`;
      const data = script.createCachedData();
      writeFileSync(temp, Buffer.concat([data, data]));
      renameSync(temp, cacheFile);
      pruneOlder(cacheFile, `${base}-`);
    } catch {
      // A read-only or full disk: the next run compiles from source, as without a cache.
    }
  }
}

/**
 * The per-user cache folder for compiled code: `$XDG_CACHE_HOME/cairn/code`
 * (when that is an absolute path), else `~/.cache/cairn/code`; none without
 * a home folder.
 */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  // The XDG rule: a relative XDG_CACHE_HOME is ignored.
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "cairn", "code");
  const home = env.HOME || env.USERPROFILE;
  return home ? join(home, ".cache", "cairn", "code") : undefined;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, "");
}

function cacheName(file: string, base: string, key: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${base}-${key}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}.v8`;
}

/**
 * Keeps `current` and the newest others of the caches whose names start with
 * `prefix`, {@link KEPT_PER_FILE} in all, and removes the rest, with any
 * temporary file a killed run left.
 */
function pruneOlder(current: string, prefix: string): void {
  const dir = dirname(current);
  const caches = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && join(dir, name) !== current)
    .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs, temp: !name.endsWith(".v8") }))
    .sort((a, b) => b.at - a.at);
  const old = [...caches.filter((entry) => !entry.temp).slice(KEPT_PER_FILE - 1), ...caches.filter((entry) => entry.temp && Date.now() - entry.at > 60_000)];
  for (const entry of old) rmSync(entry.path, { force: true });
}

/**
 * The cached data in `file` when it is there and whole. The file holds the
 * data twice: comparing the halves is a native memcmp, where a checksum in
 * JavaScript cost most of what the cache saves (node:crypto and node:zlib
 * cost more to load). A damaged byte makes the halves differ.
 */
function readCache(file: string): Buffer | undefined {
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  const half = stored.length / 2;
  if (stored.length < 8 || !Number.isInteger(half)) return undefined;
  const data = stored.subarray(0, half);
  return data.equals(stored.subarray(half)) ? data : undefined;
}
