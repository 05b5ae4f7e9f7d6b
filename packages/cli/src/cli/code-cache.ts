import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname, isAbsolute, join } from "node:path";
import { Script } from "node:vm";

/** How a bundle's cache served its last load: `used` (compiled from it), `made` (compiled from source; written at exit) or `off` (no cache folder). */
export type CacheUse = "used" | "made" | "off";

/** Caches to write when the process ends: the file's compiled code, including the functions that ran. */
const pending = new Map<string, { readonly script: Script; readonly base: string }>();

/** How each bundle loaded in this process used its cache. */
const uses = new Map<string, CacheUse>();

/** How many caches of one file are kept: a new build, or another Cairn on the machine, writes another. */
const KEPT_PER_FILE = 3;

/**
 * The first line of a bundle that may be compiled through the cache, with the
 * build's hash of its content: `/* cairn bundle <hash> *\/`. scripts/bundle.mjs
 * writes it; files without it load as Node loads them.
 */
const MARK = /^\/\* cairn bundle ([0-9a-f]{16}) \*\//;

type Compile = (this: Module, content: string, filename: string) => unknown;

/**
 * From now on, Cairn's bundles (CommonJS files whose first line is the
 * build's mark; see scripts/bundle.mjs) are compiled with V8's code cache when
 * `require` loads them, so that they are not compiled again on every run:
 * Node 20 has no compile cache of its own. Everything else Node loads as
 * usual. The cache lives under `cacheDir`, one file per version of the code:
 * the mark's hash names the content, and the file's size and modification
 * time, the Node version and the architecture are part of the name too, so a
 * changed file or another Node never meets an old cache; V8 itself refuses a
 * cache made by another V8 or other flags, and then the file is compiled as
 * usual. Caches are written when the process exits. A cache that cannot be
 * read or written costs nothing but the saving. V8 checks little of a cache
 * in release builds, so each is stored twice, and a damaged one is compiled
 * past and replaced.
 *
 * V8 caches the functions that ran before the cache was made, and a cache is
 * made once, by the first run of a build. So runs that need different code
 * name a `profile` each (the bin: one for operations, one for every other
 * command), and each profile has caches of its own: `cairn --help` first
 * does not leave `cairn up` with a cache of the help's code only, nor `up` first
 * leave the help to deserialize all of the engine's.
 *
 * Code compiled so cannot use `import()` on Node 20 (V8 drops the hook it
 * needs); Cairn's bundles import through `importModule` of @cairn/core instead.
 */
export function installCodeCache(cacheDir: string | undefined, profile = "all"): void {
  const prototype = Module.prototype as unknown as { _compile: Compile };
  const compile = prototype._compile;
  prototype._compile = function compileBundle(content, filename) {
    const key = MARK.exec(content)?.[1];
    if (key === undefined) return compile.call(this, content, filename);
    const run = compileCached(content, filename, key, profile, cacheDir);
    return run.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  process.once("exit", saveCodeCaches);
}

/** How the bundle `file` used its cache when it was last loaded in this process, if it was. */
export function cacheUseOf(file: string): CacheUse | undefined {
  return uses.get(file);
}

type Wrapped = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => unknown;

function compileCached(source: string, file: string, key: string, profile: string, cacheDir: string | undefined): Wrapped {
  // Every cache of this file and profile, of any build, starts so.
  const base = `${baseName(file)}-${profile}-`;
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, cacheName(file, base, key));
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const use: CacheUse = cacheFile === undefined ? "off" : cachedData !== undefined && !script.cachedDataRejected ? "used" : "made";
  uses.set(file, use);
  if (use === "made") pending.set(cacheFile!, { script, base });
  return script.runInThisContext() as Wrapped;
}

/**
 * Writes the caches made in this process, at its end, so that they hold the
 * functions that ran too; atomically (a temporary file renamed), so a reader
 * never meets half a cache; only the newest few caches of each file and
 * profile are kept. Failures are ignored.
 */
function saveCodeCaches(): void {
  for (const [cacheFile, { script, base }] of pending) {
    pending.delete(cacheFile);
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temp = `${cacheFile}.tmp-${process.pid}`;
      const data = script.createCachedData();
      writeFileSync(temp, Buffer.concat([data, data]));
      renameSync(temp, cacheFile);
      pruneOlder(cacheFile, base);
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
  return `${base}${key}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}.v8`;
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
