import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeCacheDir, requireWithCodeCache, saveCodeCaches } from "../../src/cli/code-cache.js";

function folder(): string {
  return mkdtempSync(join(tmpdir(), "cairn-code-cache-"));
}

/** A CommonJS file whose exports show it ran, with a function that runs when called. */
function writeModule(dir: string, body = "exports.twice = (n) => n * 2; exports.loaded = __filename;"): string {
  const file = join(dir, "mod.cjs");
  writeFileSync(file, body);
  return file;
}

describe("code cached between runs", () => {
  test("the first load compiles from source and writes a cache; the next one uses it and behaves the same", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir);
    const first = requireWithCodeCache(file, "k1", cache);
    expect(first.cache).toBe("made");
    expect((first.exports as { twice(n: number): number }).twice(21)).toBe(42);
    saveCodeCaches();
    expect(readdirSync(cache)).toHaveLength(1);
    const second = requireWithCodeCache(file, "k1", cache);
    expect(second.cache).toBe("used");
    expect((second.exports as { twice(n: number): number }).twice(4)).toBe(8);
    expect((second.exports as { loaded: string }).loaded).toBe(file);
  });

  test("a changed file never meets the cache of the old one, even at the same length", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir, "exports.answer = 1;");
    requireWithCodeCache(file, "k1", cache);
    saveCodeCaches();
    writeFileSync(file, "exports.answer = 2;");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const again = requireWithCodeCache(file, "k1", cache);
    expect(again.cache).toBe("made");
    expect((again.exports as { answer: number }).answer).toBe(2);
  });

  test("a damaged cache is refused and replaced; the code still runs", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir);
    requireWithCodeCache(file, "k1", cache);
    saveCodeCaches();
    const [name] = readdirSync(cache);
    writeFileSync(join(cache, name!), Buffer.from("not a code cache at all"));
    const damaged = requireWithCodeCache(file, "k1", cache);
    expect(damaged.cache).toBe("made");
    expect((damaged.exports as { twice(n: number): number }).twice(2)).toBe(4);
    saveCodeCaches();
    expect(readFileSync(join(cache, name!)).toString()).not.toBe("not a code cache at all");
    expect(requireWithCodeCache(file, "k1", cache).cache).toBe("used");
  });

  test("one flipped byte inside a cache is caught: V8's release builds would run it or crash", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir, `${"exports.pad = 1;\n".repeat(200)}exports.twice = (n) => n * 2;`);
    requireWithCodeCache(file, "k1", cache);
    saveCodeCaches();
    const [name] = readdirSync(cache);
    const bytes = readFileSync(join(cache, name!));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync(join(cache, name!), bytes);
    const flipped = requireWithCodeCache(file, "k1", cache);
    expect(flipped.cache).toBe("made");
    expect((flipped.exports as { twice(n: number): number }).twice(3)).toBe(6);
  });

  test("a cache folder that cannot be written costs only the saving", () => {
    const dir = folder();
    const file = writeModule(dir);
    writeFileSync(join(dir, "blocked"), "a file where the folder would be");
    const loaded = requireWithCodeCache(file, "k1", join(dir, "blocked", "cache"));
    expect(() => saveCodeCaches()).not.toThrow();
    expect((loaded.exports as { twice(n: number): number }).twice(5)).toBe(10);
    expect(requireWithCodeCache(file, "k1", undefined).cache).toBe("off");
  });

  test("only the newest three caches of a file are kept as it is rebuilt", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = writeModule(dir);
    for (let build = 0; build < 5; build++) {
      utimesSync(file, new Date(), new Date(Date.now() + build * 5000));
      requireWithCodeCache(file, `k${build}`, cache);
      saveCodeCaches();
      // Runs a second apart, as builds are: the age of each cache is what decides.
      const written = readdirSync(cache).find((name) => name.startsWith(`mod-k${build}-`))!;
      utimesSync(join(cache, written), new Date(), new Date(Date.now() + build * 1000));
    }
    expect(readdirSync(cache).sort()).toEqual(["mod-k2", "mod-k3", "mod-k4"].map((prefix) => expect.stringMatching(new RegExp(`^${prefix}-.*\\.v8$`))));
    expect(requireWithCodeCache(file, "k4", cache).cache).toBe("used");
  });

  test("the cache folder is the user's: XDG_CACHE_HOME, else ~/.cache, else none", () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: "/x", HOME: "/h" })).toBe(join("/x", "cairn", "code"));
    expect(codeCacheDir({ HOME: "/h" })).toBe(join("/h", ".cache", "cairn", "code"));
    expect(codeCacheDir({ XDG_CACHE_HOME: "relative/cache", HOME: "/h" })).toBe(join("/h", ".cache", "cairn", "code"));
    expect(codeCacheDir({})).toBeUndefined();
  });
});
