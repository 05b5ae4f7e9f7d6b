import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StackConfig } from "../../src/project/stack-config.js";

describe("a stack's config file", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-config-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("reads a missing file as empty", async () => {
    const config = await StackConfig.load(join(dir, "cairn.dev.yaml"));
    expect(config.existed).toBe(false);
    expect(config.entries()).toEqual([]);
    expect(config.secrets).toBeUndefined();
  });

  it("stores plain values, secrets as ciphertext, and the secrets state, keeping comments", async () => {
    const path = join(dir, "cairn.dev.yaml");
    await writeFile(path, "# the dev stack\nconfig:\n  p:size: 3\n");
    const config = await StackConfig.load(path);
    config.set("p:title", { secret: false, value: "Hello" });
    config.set("p:key", { secret: true, ciphertext: "v1:abc" });
    config.secrets = { provider: "passphrase", state: { salt: "s", wrappedKey: "w" } };
    await config.save();
    const text = await readFile(path, "utf8");
    expect(text).toContain("# the dev stack");
    const again = await StackConfig.load(path);
    expect(again.entries()).toEqual([
      ["p:key", { secret: true, ciphertext: "v1:abc" }],
      ["p:size", { secret: false, value: "3" }],
      ["p:title", { secret: false, value: "Hello" }],
    ]);
    expect(again.secrets).toEqual({ provider: "passphrase", state: { salt: "s", wrappedKey: "w" } });
    expect(again.remove("p:title")).toBe(true);
    expect(again.remove("p:title")).toBe(false);
  });

  it("refuses a file that is not YAML, naming it", async () => {
    const path = join(dir, "cairn.dev.yaml");
    await writeFile(path, "config: [unclosed\n");
    await expect(StackConfig.load(path)).rejects.toThrow(new RegExp(`^${path} is not valid YAML`));
  });
});
