import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { BIN, makeProject, PASSPHRASE, type TempProject } from "./harness.js";

/** util-linux `script` gives the CLI a real terminal; without it these tests cannot run. */
const hasScript = spawnSync("script", ["--version"]).status === 0;

/** Runs cairn on a terminal, answering `answer` once the confirmation question appears. */
function onTerminal(cwd: string, args: string, answer: string): Promise<{ code: number; screen: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, CAIRN_PASSPHRASE: PASSPHRASE, TERM: "xterm", CAIRN_HOME: join(cwd, ".home") } as Record<string, string | undefined>;
    for (const name of ["CI", "NO_COLOR", "CAIRN_BACKEND_URL", "CAIRN_BACKEND", "CAIRN_STACK", "CAIRN_LOG"]) delete env[name];
    const child = spawn("script", ["-qec", `${process.execPath} ${BIN} ${args}`, "/dev/null"], { cwd, env: env as NodeJS.ProcessEnv });
    let screen = "";
    let answered = false;
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString();
      if (!answered && screen.includes("[y/N]")) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.on("close", (code) => resolve({ code: code ?? 1, screen }));
  });
}

(hasScript ? describe : describe.skip)("on a terminal", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "tty");
  });
  afterAll(() => project?.remove());

  it("up asks first; answering no changes nothing and exits 3", async () => {
    const run = await onTerminal(project.dir, "up", "n");
    expect(run.screen).toContain('Apply these changes to stack "dev"? [y/N]');
    expect(run.screen).toContain("No changes were made.");
    expect(run.code).toBe(3);
    expect(existsSync(join(project.dir, "out"))).toBe(false);
  });

  it("answering yes applies the plan, in colour, redrawing resources in progress", async () => {
    const run = await onTerminal(project.dir, "up", "y");
    expect(run.code).toBe(0);
    expect(run.screen).toContain("\x1b[32m+\x1b[39m");
    expect(run.screen).toMatch(/\x1b\[\d+F\x1b\[J/);
    expect(run.screen).toContain("\x1b[32m+\x1b[39m 7 created");
    expect((await readdir(join(project.dir, "out"))).length).toBe(1);
  });
});
