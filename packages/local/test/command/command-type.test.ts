import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMAND_TOKEN, LocalProvider } from "@cairn/local";
import { callContext } from "../call-context.js";

describe("the Command type", () => {
  let dir: string;
  let provider: LocalProvider;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-command-"));
    provider = new LocalProvider({ projectDir: dir });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("create runs in the project folder with the environment and captures stdout and stderr", async () => {
    const ctx = callContext(COMMAND_TOKEN);
    const inputs = { create: 'echo "$GREETING from $(pwd)"; echo oops >&2', environment: { GREETING: "hi" } };
    const { outputs } = await provider.create(inputs, "t", ctx);
    expect(outputs).toEqual({ stdout: `hi from ${dir}`, stderr: "oops" });
    expect(ctx.progressLines).toEqual([`hi from ${dir}`]);
  });

  it("a failing command rejects with its exit code and the end of its stderr", async () => {
    await expect(provider.create({ create: "echo broken >&2; exit 3" }, "t", callContext(COMMAND_TOKEN))).rejects.toThrow(
      /Command exited with code 3: echo broken >&2; exit 3\nbroken/,
    );
  });

  it("update and delete see the previous stdout", async () => {
    const ctx = callContext(COMMAND_TOKEN);
    const olds = { create: "echo v1", update: "echo updated-from-$CAIRN_STDOUT", delete: "echo $CAIRN_STDOUT > deleted.txt" };
    const { id, outputs } = await provider.create(olds, "t", ctx);
    const news = { ...olds, create: "echo v2" };
    const updated = await provider.update(id, olds, news, outputs, ctx);
    expect(updated.stdout).toBe("updated-from-v1");
    await provider.delete(id, news, updated, ctx);
    expect(await readFile(join(dir, "deleted.txt"), "utf8")).toBe("updated-from-v1\n");
  });

  it("without an update command a change replaces, and triggers always replace", () => {
    const olds = { create: "echo 1", triggers: [1] };
    expect(provider.diff(COMMAND_TOKEN, "id", olds, { ...olds, create: "echo 2" })).toEqual({ changes: ["create"], replaces: ["create"] });
    const withUpdate = { ...olds, update: "echo u" };
    expect(provider.diff(COMMAND_TOKEN, "id", withUpdate, { ...withUpdate, create: "echo 2" })).toEqual({ changes: ["create"], replaces: [] });
    expect(provider.diff(COMMAND_TOKEN, "id", withUpdate, { ...withUpdate, triggers: [2] })).toEqual({ changes: ["triggers"], replaces: ["triggers"] });
  });

  it("an aborted command stops", async () => {
    const controller = new AbortController();
    const started = provider.create({ create: "sleep 10" }, "t", callContext(COMMAND_TOKEN, controller.signal));
    setTimeout(() => controller.abort(), 50);
    await expect(started).rejects.toThrow(/stopped before it finished/);
  });
});
