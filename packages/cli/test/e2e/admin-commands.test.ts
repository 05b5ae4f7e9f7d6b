import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { makeProject, type TempProject } from "./harness.js";

// Stacks, config and state edits, on one deployed quickstart.
describe("the stack, config and state commands", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "admin");
    const up = await project.run(["up", "--yes"]);
    if (up.code !== 0) throw new Error(up.stderr);
  });
  afterAll(() => project?.remove());

  it("config set --secret stores ciphertext, ls hides it, get decrypts it", async () => {
    expect((await project.run(["config", "set", "apiKey", "s3cr3t-value", "--secret"])).code).toBe(0);
    expect((await project.run(["config", "set", "title", "Plain"])).code).toBe(0);
    const file = await readFile(join(project.dir, "cairn.dev.yaml"), "utf8");
    expect(file).not.toContain("s3cr3t-value");
    expect(file).toMatch(/admin:apiKey:\n\s+secure: v1:/);
    const ls = await project.run(["config", "ls"]);
    expect(ls.stdout).toMatch(/admin:apiKey\s+\[secret\]/);
    expect(ls.stdout).toMatch(/admin:title\s+Plain/);
    expect((await project.run(["config", "get", "apiKey"])).stdout).toBe("s3cr3t-value\n");
    expect((await project.run(["config", "rm", "apiKey"])).code).toBe(0);
    const missing = await project.run(["config", "get", "apiKey"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Stack "dev" has no config "admin:apiKey".');
  });

  it("state show prints one resource by name, the secret hidden", async () => {
    const show = await project.run(["state", "show", "admin-password"]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("urn      urn:cairn:dev::admin::local:random/RandomPassword::admin-password");
    expect(show.stdout).toContain("result: [secret]");
    const json = JSON.parse((await project.run(["state", "show", "suffix", "--json"])).stdout) as { type: string };
    expect(json.type).toBe("local:random/RandomId");
  });

  it("state delete refuses a resource others depend on, and forgets one nobody needs", async () => {
    const refused = await project.run(["state", "delete", "suffix", "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Other resources depend on");
    const forgotten = await project.run(["state", "delete", "page-size", "--yes"]);
    expect(forgotten.code).toBe(0);
    const list = await project.run(["state", "list", "--json"]);
    expect((JSON.parse(list.stdout) as { urn: string }[]).map((r) => r.urn)).not.toContain("urn:cairn:dev::admin::local:command/Command::page-size");
    const needsYes = await project.run(["state", "delete", "credentials"]);
    expect(needsYes.code).toBe(2);
    expect(needsYes.stderr).toContain("(CLI_NEEDS_TTY)");
  });

  it("a state edit that takes over the lock of a run that died says so on stderr", async () => {
    const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    const lock = { holder: "ci@here", host: hostname(), pid: dead, operation: "up", startedAt: "2026-11-30T20:00:00.000Z" };
    await writeFile(join(project.dir, ".cairn", "stacks", "admin", "dev.lock"), JSON.stringify(lock));
    const edit = await project.run(["state", "unprotect", "suffix"]);
    expect(edit.code).toBe(0);
    expect(edit.stderr).toMatch(/^warning: Took over the lock of stack "dev" from ci@here \(pid \d+, "up" since 2026-11-30T20:00:00.000Z\): that process is no longer running\.$/m);
    expect(edit.stdout).toContain("is no longer protected.");
    expect(existsSync(join(project.dir, ".cairn", "stacks", "admin", "dev.lock"))).toBe(false);
  });

  it("stack init, ls, select and rm manage several stacks", async () => {
    expect((await project.run(["stack", "init", "staging"])).code).toBe(0);
    const ls = await project.run(["stack", "ls"]);
    expect(ls.stdout).toMatch(/^dev\s+6\s/m);
    expect(ls.stdout).toMatch(/^staging\*\s+0\s+never$/m);
    const notEmpty = await project.run(["stack", "rm", "dev", "--yes"]);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain("(CLI_STACK_NOT_EMPTY)");
    expect((await project.run(["stack", "rm", "staging", "--yes"])).code).toBe(0);
    expect(existsSync(join(project.dir, "cairn.staging.yaml"))).toBe(false);
    const none = await project.run(["preview"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("(CLI_NO_STACK)");
    expect((await project.run(["stack", "select", "dev"])).code).toBe(0);
    expect((await project.run(["preview", "--stack", "dev"])).code).toBe(0);
  });

  it("a mistake on a subcommand's command line points at that subcommand's help", async () => {
    const run = await project.run(["state", "mv", "suffix", "x", "--bogus"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("hint: Run `cairn state mv --help` for usage.");
    expect((await project.run(["up", "--bogus"])).stderr).toContain("hint: Run `cairn up --help` for usage.");
  });

  it("every command answers --help with examples", async () => {
    const commands = [[], ["init"], ["stack", "init"], ["stack", "ls"], ["stack", "select"], ["stack", "rm"], ["stack", "output"], ["config", "set"], ["config", "get"], ["config", "rm"], ["config", "ls"], ["preview"], ["up"], ["destroy"], ["refresh"], ["state", "list"], ["state", "show"], ["state", "delete"], ["state", "unprotect"], ["state", "unlock"], ["cancel"], ["validate"], ["login"], ["logout"]];
    for (const command of commands) {
      const help = await project.run([...command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(command.length === 0 ? /Start here:/ : /Examples:\n {2}\$ .*cairn /);
    }
  });
});
