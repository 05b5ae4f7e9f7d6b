import { mkdtemp, readFile, rm, stat, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalProvider, FILE_TOKEN } from "@cairn/local";
import { callContext } from "../call-context.js";

describe("the File type", () => {
  let dir: string;
  let provider: LocalProvider;
  const ctx = callContext(FILE_TOKEN);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-file-"));
    provider = new LocalProvider({ projectDir: dir });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("check applies the default mode and normalises a three-digit one", () => {
    expect(provider.check(FILE_TOKEN, { path: "a.txt", content: "x" })).toEqual({ inputs: { path: "a.txt", content: "x", mode: "0644" }, failures: [] });
    expect(provider.check(FILE_TOKEN, { path: "a.txt", content: "x", mode: "600" }).inputs.mode).toBe("0600");
  });

  it("check names every property at fault", () => {
    const result = provider.check(FILE_TOKEN, { path: "", content: 3, mode: "rwx", colour: "red" });
    expect(result.failures?.map((failure) => failure.property).sort()).toEqual(["colour", "content", "mode", "path"]);
  });

  it("create writes the file relative to the project with its mode, and leaves no temporary file", async () => {
    const inputs = provider.check(FILE_TOKEN, { path: "out/motd.txt", content: "hello\n", mode: "0600" }).inputs;
    const created = await provider.create(inputs, "t1", ctx);
    const path = join(dir, "out/motd.txt");
    expect(created).toEqual({ id: path, outputs: { path, content: "hello\n", mode: "0600" } });
    expect(await readFile(path, "utf8")).toBe("hello\n");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, "out"))).toEqual(["motd.txt"]);
  });

  it("read reports content changed by hand, and nothing for a deleted file", async () => {
    const inputs = provider.check(FILE_TOKEN, { path: "a.txt", content: "one" }).inputs;
    const { id, outputs } = await provider.create(inputs, "t1", ctx);
    await writeFile(id, "two");
    const read = await provider.read(id, inputs, outputs, ctx);
    expect(read?.inputs?.content).toBe("two");
    expect(read?.outputs.content).toBe("two");
    await rm(id);
    expect(await provider.read(id, inputs, outputs, ctx)).toBeUndefined();
  });

  it("a path change replaces while a content change updates in place", () => {
    const olds = { path: "a.txt", content: "one", mode: "0644" };
    expect(provider.diff(FILE_TOKEN, "id", olds, { ...olds, content: "two" })).toEqual({ changes: ["content"], replaces: [] });
    expect(provider.diff(FILE_TOKEN, "id", olds, { ...olds, path: "b.txt" })).toEqual({ changes: ["path"], replaces: ["path"] });
  });

  it("update rewrites the file and delete removes it, even twice", async () => {
    const inputs = provider.check(FILE_TOKEN, { path: "a.txt", content: "one" }).inputs;
    const { id, outputs } = await provider.create(inputs, "t1", ctx);
    const updated = await provider.update(id, inputs, { ...inputs, content: "two" }, outputs, ctx);
    expect(updated.content).toBe("two");
    expect(await readFile(id, "utf8")).toBe("two");
    await provider.delete(id, inputs, updated, ctx);
    await provider.delete(id, inputs, updated, ctx);
    await expect(stat(id)).rejects.toThrow(/ENOENT/);
  });
});
