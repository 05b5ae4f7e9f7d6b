import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StackConfig } from "../../src/project/stack-config.js";
import { readYamlCached } from "../../src/project/yaml-cache.js";

describe("the YAML cache", () => {
  let dir: string;
  const fail = (message: string): Error => new Error(message);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-yaml-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("returns the cached value while the file is unchanged and reparses once it changes", async () => {
    const file = join(dir, "cairn.yaml");
    await writeFile(file, "name: one\n");
    expect(await readYamlCached(file, join(dir, "cache"), fail)).toEqual({ exists: true, value: { name: "one" } });
    // The cache is what is read: a stale entry with the same fingerprint proves it.
    await writeFile(join(dir, "cache", "yaml", "cairn.yaml.json"), JSON.stringify({ ...(await fingerprint(file)), value: { name: "cached" } }));
    expect((await readYamlCached(file, join(dir, "cache"), fail)).value).toEqual({ name: "cached" });
    await writeFile(file, "name: two\n");
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect((await readYamlCached(file, join(dir, "cache"), fail)).value).toEqual({ name: "two" });
  });

  it("reports a missing file as absent and a broken one through onError, naming it", async () => {
    expect(await readYamlCached(join(dir, "none.yaml"), dir, fail)).toEqual({ exists: false, value: undefined });
    await writeFile(join(dir, "bad.yaml"), "a: [\n");
    await expect(readYamlCached(join(dir, "bad.yaml"), dir, fail)).rejects.toThrow(new RegExp(`^${join(dir, "bad.yaml")} is not valid YAML`));
  });

  it("a stack config read for reading refuses edits", async () => {
    const file = join(dir, "cairn.dev.yaml");
    await writeFile(file, "config:\n  p:a: b\n");
    const config = await StackConfig.read(file, join(dir, "cache"));
    expect(config.entries()).toEqual([["p:a", { secret: false, value: "b" }]]);
    expect(() => config.set("p:c", { secret: false, value: "d" })).toThrow(/read for reading only/);
  });
});

async function fingerprint(file: string): Promise<{ mtimeMs: number; size: number }> {
  const { stat } = await import("node:fs/promises");
  const info = await stat(file);
  return { mtimeMs: info.mtimeMs, size: info.size };
}
