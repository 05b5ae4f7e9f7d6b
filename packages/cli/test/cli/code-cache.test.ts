import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeCacheDir } from "../../src/cli/code-cache.js";

// The cache works inside Node's own `require`, which jest replaces with its
// own; so each load runs in a new Node process, as each run of `cairn` does,
// with the built loader (npm test builds first).
const LOADER = join(__dirname, "..", "..", "dist", "code-cache.cjs");

function folder(): string {
  return mkdtempSync(join(tmpdir(), "cairn-code-cache-"));
}

/** A bundle as the build writes it (its first line the mark), whose exports show it ran, with a function that runs when called. */
function writeModule(dir: string, body = "exports.twice = (n) => n * 2; exports.loaded = __filename;"): string {
  const file = join(dir, "mod.cjs");
  writeFileSync(file, `/* cairn bundle ${hexKey("k1")} */\n${body}`);
  return file;
}

/** A test's short key ("k1") as a build's hash. */
function hexKey(key: string): string {
  return Buffer.from(key).toString("hex").padStart(16, "0");
}

interface Loaded {
  /** How the cache served: "made", "used", "off", or undefined when the file was not compiled through it. */
  readonly cache?: string;
  /** `twice(7)`, when the module has `twice`. */
  readonly twice?: number;
  readonly loaded?: string;
  readonly answer?: number;
}

/**
 * Loads `file` with `require` in a new process with the code cache on (in
 * `cache`, or none) for `profile`, as the build's key `key` marks it; the process writes its
 * caches when it exits. Returns what the module exported and how its cache served.
 */
function requireWithCodeCache(file: string, key: string, cache: string | undefined, profile?: string): Loaded {
  const marked = readFileSync(file, "utf8").replace(/^\/\* cairn bundle [0-9a-f]{16} \*\//, `/* cairn bundle ${hexKey(key)} */`);
  // A file rebuilt with another key is another file; the same key leaves it as it was.
  if (marked !== readFileSync(file, "utf8")) writeFileSync(file, marked);
  const script = [
    `const { installCodeCache, cacheUseOf } = require(${JSON.stringify(LOADER)});`,
    `installCodeCache(${JSON.stringify(cache)}, ${JSON.stringify(profile)});`,
    `const m = require(${JSON.stringify(file)});`,
    `process.stdout.write(JSON.stringify({ cache: cacheUseOf(${JSON.stringify(file)}), twice: typeof m.twice === "function" ? m.twice(7) : undefined, loaded: m.loaded, answer: m.answer }));`,
  ].join("\n");
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as Loaded;
}

describe("code cached between runs", () => {
  test("the first load compiles from source and writes a cache; the next one uses it and behaves the same", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir);
    const first = requireWithCodeCache(file, "k1", cache);
    expect(first).toEqual({ cache: "made", twice: 14, loaded: file });
    expect(readdirSync(cache)).toHaveLength(1);
    const second = requireWithCodeCache(file, "k1", cache);
    expect(second).toEqual({ cache: "used", twice: 14, loaded: file });
  });

  test("each profile has caches of its own: the first run of one does not decide what the other's cache holds", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir);
    expect(requireWithCodeCache(file, "k1", cache, "operation").cache).toBe("made");
    expect(requireWithCodeCache(file, "k1", cache, "command").cache).toBe("made");
    expect(requireWithCodeCache(file, "k1", cache, "operation").cache).toBe("used");
    expect(requireWithCodeCache(file, "k1", cache, "command").cache).toBe("used");
    expect(readdirSync(cache).map((name) => name.split("-")[1]).sort()).toEqual(["command", "operation"]);
  });

  test("a changed file never meets the cache of the old one, even at the same length", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir, "exports.answer = 1;");
    requireWithCodeCache(file, "k1", cache);
    writeFileSync(file, readFileSync(file, "utf8").replace("exports.answer = 1;", "exports.answer = 2;"));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(requireWithCodeCache(file, "k1", cache)).toEqual({ cache: "made", answer: 2 });
  });

  test("a damaged cache is refused and replaced; the code still runs", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir);
    requireWithCodeCache(file, "k1", cache);
    const [name] = readdirSync(cache);
    writeFileSync(join(cache, name!), Buffer.from("not a code cache at all"));
    expect(requireWithCodeCache(file, "k1", cache)).toMatchObject({ cache: "made", twice: 14 });
    expect(readFileSync(join(cache, name!)).toString()).not.toBe("not a code cache at all");
    expect(requireWithCodeCache(file, "k1", cache).cache).toBe("used");
  });

  test("one flipped byte inside a cache is caught: V8's release builds would run it or crash", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir, `${"exports.pad = 1;\n".repeat(200)}exports.twice = (n) => n * 2;`);
    requireWithCodeCache(file, "k1", cache);
    const [name] = readdirSync(cache);
    const bytes = readFileSync(join(cache, name!));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync(join(cache, name!), bytes);
    expect(requireWithCodeCache(file, "k1", cache)).toEqual({ cache: "made", twice: 14 });
  });

  test("a file without the build's mark on its first line loads as Node loads it, with no cache", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = join(dir, "plain.cjs");
    writeFileSync(file, "exports.twice = (n) => n * 2;");
    expect(requireWithCodeCache(file, "k1", cache)).toEqual({ twice: 14 });
    expect(existsSync(cache)).toBe(false);
  });

  test("a cache folder that cannot be written costs only the saving", () => {
    const dir = folder();
    const file = writeModule(dir);
    writeFileSync(join(dir, "blocked"), "a file where the folder would be");
    expect(requireWithCodeCache(file, "k1", join(dir, "blocked", "cache"))).toMatchObject({ cache: "made", twice: 14 });
    expect(requireWithCodeCache(file, "k1", undefined)).toMatchObject({ cache: "off", twice: 14 });
  });

  test("only the newest three caches of a file are kept as it is rebuilt", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir);
    for (let build = 0; build < 5; build++) {
      requireWithCodeCache(file, `k${build}`, cache);
      // Runs a second apart, as builds are: the age of each cache is what decides.
      const written = readdirSync(cache).find((name) => name.startsWith(`mod-all-${hexKey(`k${build}`)}-`))!;
      utimesSync(join(cache, written), new Date(), new Date(Date.now() + build * 1000));
    }
    expect(readdirSync(cache).sort()).toEqual(["k2", "k3", "k4"].map((key) => expect.stringMatching(new RegExp(`^mod-all-${hexKey(key)}-.*\\.v8$`))));
    expect(requireWithCodeCache(file, "k4", cache).cache).toBe("used");
  });

  test("the cache folder is the user's: XDG_CACHE_HOME, else ~/.cache, else none", () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: "/x", HOME: "/h" })).toBe(join("/x", "cairn", "code"));
    expect(codeCacheDir({ HOME: "/h" })).toBe(join("/h", ".cache", "cairn", "code"));
    expect(codeCacheDir({ XDG_CACHE_HOME: "relative/cache", HOME: "/h" })).toBe(join("/h", ".cache", "cairn", "code"));
    expect(codeCacheDir({})).toBeUndefined();
  });
});
