import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FileStateStore } from "@cairn/core/automation";
import { makeProject, type TempProject } from "./harness.js";

// Each test gets its own project: what a user gets for bad input (DESIGN §4).
describe("what a user gets for bad input", () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await makeProject();
  });
  afterEach(() => project.remove());

  const stateFile = (): string => join(project.dir, ".cairn", "stacks", "e2e", "dev.json");

  it("up without --yes and without a terminal refuses at once, changing nothing", async () => {
    const before = await readFile(stateFile(), "utf8");
    const up = await project.run(["up"]);
    expect(up.code).toBe(2);
    expect(up.stderr).toContain("`cairn up` asks for confirmation before it changes anything, and CI is set.");
    expect(up.stderr).toContain("hint: Review the plan with `cairn preview`, then run `cairn up --yes`.");
    expect(up.stderr).toContain("(CLI_NEEDS_TTY)");
    expect(await readFile(stateFile(), "utf8")).toBe(before);
    const destroy = await project.run(["destroy"], { CI: undefined });
    expect(destroy.code).toBe(2);
    expect(destroy.stderr).toContain("there is no terminal to ask on");
  });

  it("an export that never settles is a warning; the resources are applied and recorded, and the stack is not left locked", async () => {
    await appendFile(join(project.dir, "index.ts"), "\nexport const never = new Promise<string>(() => undefined);\n");
    const up = await project.run(["up", "--yes"]);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('warning: Stack output "never" could not be computed: it waits for something nothing will provide');
    expect(up.stdout).toContain("Update done in");
    expect(existsSync(join(project.dir, ".cairn", "stacks", "e2e", "dev.lock"))).toBe(false);
    expect(existsSync(join(project.dir, ".cairn", "stacks", "e2e", "dev.journal"))).toBe(false);
    expect((await project.run(["preview", "--expect-no-changes"])).code).toBe(0);
  });

  it("a missing config key names the key, the stack and the command that sets it", async () => {
    const index = join(project.dir, "index.ts");
    await writeFile(index, (await readFile(index, "utf8")).replace('config.get("title") ?? "Hello from Cairn"', 'config.require("title")'));
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(1);
    expect(preview.stderr).toContain('Missing required configuration "e2e:title" for stack "dev". Set it with: cairn config set title <value>');
    expect(preview.stderr).toContain("(CONFIG_MISSING)");
    expect((await project.run(["config", "set", "title", "Set now"])).code).toBe(0);
    expect((await project.run(["preview"])).code).toBe(0);
  });

  it("a syntax error is reported with the .ts file, line and column, before anything runs", async () => {
    const site = join(project.dir, "static-site.ts");
    const lines = (await readFile(site, "utf8")).split("\n");
    const at = lines.findIndex((line) => line.includes("this.dir = output(args.dir);"));
    lines.splice(at, 0, "    const broken = ;");
    await writeFile(site, lines.join("\n"));
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(1);
    expect(preview.stderr).toContain(`static-site.ts:${at + 1}:20: Unexpected ";"`);
    expect(preview.stderr).toContain("(CLI_PROGRAM_BUILD)");
  });

  it("a program that throws is reported at the line of the .ts source that threw", async () => {
    const index = join(project.dir, "index.ts");
    const lines = (await readFile(index, "utf8")).split("\n");
    const at = lines.findIndex((line) => line.startsWith("const suffix"));
    lines.splice(at, 0, 'if (title.length > 0) throw new Error("no titles today");');
    await writeFile(index, lines.join("\n"));
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(1);
    expect(preview.stderr).toContain("no titles today");
    expect(preview.stderr).toContain(`at index.ts:${at + 1}:`);
  });

  it("a locked stack names the holder, the operation and how to unlock, and unlock clears it", async () => {
    const store = new FileStateStore(join(project.dir, ".cairn"));
    const startedAt = new Date().toISOString();
    await store.lock({ project: "e2e", stack: "dev" }, { holder: "alice@build-box", host: "build-box", pid: process.pid, operation: "up", startedAt });
    const up = await project.run(["up", "--yes"]);
    expect(up.code).toBe(1);
    expect(up.stderr).toContain('Stack "dev" is locked by alice@build-box');
    expect(up.stderr).toContain('running "up"');
    expect(up.stderr).toContain("(STATE_LOCKED)");
    const unlock = await project.run(["state", "unlock", "--yes"]);
    expect(unlock.code).toBe(0);
    expect(unlock.stdout).toContain(`locked by alice@build-box (pid ${process.pid}) for \`up\` since ${startedAt}`);
    expect((await project.run(["up", "--yes"])).code).toBe(0);
  });

  it("a corrupt state file is refused and left exactly as it was", async () => {
    expect((await project.run(["up", "--yes"])).code).toBe(0);
    const damaged = (await readFile(stateFile(), "utf8")).slice(0, 200);
    await writeFile(stateFile(), damaged);
    for (const args of [["preview"], ["up", "--yes"], ["refresh"]]) {
      const run = await project.run(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("is not valid JSON");
      expect(run.stderr).toContain("(STATE_CORRUPT)");
    }
    expect(await readFile(stateFile(), "utf8")).toBe(damaged);
  });

  it("a wrong passphrase is refused before anything runs", async () => {
    const preview = await project.run(["preview"], { CAIRN_PASSPHRASE: "not it" });
    expect(preview.code).toBe(1);
    expect(preview.stderr).toContain("(SECRETS_BAD_PASSPHRASE)");
    const none = await project.run(["preview"], { CAIRN_PASSPHRASE: undefined });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Set CAIRN_PASSPHRASE");
  });

  it("a step that fails is reported with its resource and message; independent work completes and is recorded; exit 1", async () => {
    const index = join(project.dir, "index.ts");
    await writeFile(index, `${await readFile(index, "utf8")}\nnew Command("broken", { create: "echo 'disk full' >&2; exit 4" });\n`);
    const up = await project.run(["up", "--yes"]);
    expect(up.code).toBe(1);
    expect(up.stdout).toContain("✗ broken (local:command/Command) create failed: Command exited with code 4");
    expect(up.stdout).toContain("      disk full");
    expect(up.stdout).toContain("+ 7 created");
    expect(up.stdout).toContain("Update failed in");
    const list = await project.run(["state", "list", "--json"]);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(7);
  });
});
