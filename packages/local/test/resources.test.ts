import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { interpolate } from "@cairn/core";
import { createPassphraseSecrets, FileStateStore, isSecretValue, Stack } from "@cairn/core/automation";
import { Command, File, RandomId, RandomPassword } from "@cairn/local";

// The resource classes, run by the engine the way `cairn up` runs them.
describe("the local resources in a deployment", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-local-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const program = () => {
    const id = new RandomId("id", { byteLength: 3, prefix: "x-" });
    const password = new RandomPassword("password", { length: 12 });
    const file = new File("env", { path: interpolate`out/${id.hex}.env`, content: interpolate`PASSWORD=${password.result}\n`, mode: "0600" });
    // The command prints the password: its output is declared secret.
    const cat = new Command("cat", { create: interpolate`cat ${file.path}` }, { additionalSecretOutputs: ["stdout"] });
    return { id: id.hex, password: password.result, path: file.path, printed: cat.stdout };
  };

  it("creates them in dependency order, keeps the password secret in outputs and encrypted in state, and destroys them", async () => {
    const store = new FileStateStore(join(dir, ".cairn"));
    const secrets = createPassphraseSecrets("test");
    await Stack.create(store, { project: "local", stack: "test" }, secrets);
    const stack = new Stack({ project: "local", stack: "test", program, store, secrets, projectDir: dir });

    const up = await stack.up();
    expect(up.status).toBe("succeeded");
    expect(up.counts.create).toBe(4);
    expect(up.outputs.id).toMatch(/^x-[0-9a-f]{6}$/);
    expect(isSecretValue(up.outputs.password)).toBe(true);
    const password = String((up.outputs.password as { value: unknown }).value);
    expect(password).toHaveLength(12);
    expect(isSecretValue(up.outputs.printed)).toBe(true);

    const path = join(dir, "out", `${String(up.outputs.id)}.env`);
    expect(await readFile(path, "utf8")).toBe(`PASSWORD=${password}\n`);
    const state = await readFile(join(dir, ".cairn", "stacks", "local", "test.json"), "utf8");
    expect(state).not.toContain(password);

    expect((await stack.preview()).counts.same).toBe(4);
    const destroyed = await stack.destroy();
    expect(destroyed.counts.delete).toBe(4);
    expect(await readdir(join(dir, "out"))).toEqual([]);
  });
});
