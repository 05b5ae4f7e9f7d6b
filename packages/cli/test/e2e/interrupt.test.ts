import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BIN, makeProject, PASSPHRASE, type TempProject } from "./harness.js";

/** Runs `cairn up --yes` and sends Ctrl-C (SIGINT) `presses` times once `marker` has been printed. */
function upInterrupted(cwd: string, marker: string, presses: number): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", NO_COLOR: "1", CAIRN_PASSPHRASE: PASSPHRASE, CAIRN_HOME: join(cwd, ".home") };
    for (const name of ["CAIRN_BACKEND_URL", "CAIRN_BACKEND", "CAIRN_STACK", "CAIRN_LOG"]) delete env[name];
    const child = spawn(process.execPath, [BIN, "up", "--yes"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let sent = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.includes(marker)) {
        sent = true;
        for (let i = 0; i < presses; i++) setTimeout(() => child.kill("SIGINT"), 100 * (i + 1));
      }
    });
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

describe("Ctrl-C during up", () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await makeProject("quickstart", "interrupt");
    const index = join(project.dir, "index.ts");
    // A slow step that everything after it waits for; slow enough for its start line to be printed (after 2 s).
    const text = (await readFile(index, "utf8"))
      .replace("const suffix = new RandomId", 'const slow = new Command("slow", { create: "sleep 5; echo done" });\nconst suffix = new RandomId')
      .replace('new RandomId("suffix", { byteLength: 4 })', 'new RandomId("suffix", { byteLength: 4 }, { dependsOn: [slow] })');
    await writeFile(index, text);
  });
  afterEach(() => project.remove());

  it("the first stops scheduling: the step in flight finishes and is recorded, the rest wait, exit 130", async () => {
    const run = await upInterrupted(project.dir, "slow (local:command/Command) creating", 1);
    expect(run.code).toBe(130);
    expect(run.stdout.split("Stopping: no new steps start; those in flight finish and are recorded.").length - 1).toBe(1);
    expect(run.stdout).toContain("+ slow (local:command/Command) created");
    expect(run.stdout).toContain("Update stopped in");
    const list = JSON.parse((await project.run(["state", "list", "--json"])).stdout) as { urn: string }[];
    expect(list.map((r) => r.urn)).toContain("urn:cairn:dev::interrupt::local:command/Command::slow");
    const again = await project.run(["up", "--yes"]);
    expect(again.code).toBe(0);
  });

  it("the second aborts the step in flight; it is left pending, the next up asks what to do with it, and then finishes the job", async () => {
    const run = await upInterrupted(project.dir, "slow (local:command/Command) creating", 2);
    expect(run.code).toBe(130);
    expect(run.stdout.split("Aborting: calls in flight are abandoned").length - 1).toBe(1);
    expect(run.stdout.split("Stopping: no new steps start").length - 1).toBe(1);
    expect(run.stdout).not.toContain("+ slow (local:command/Command) created");
    // A command cannot be looked up or repeated safely: the user decides, before anything runs.
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("local:command/Command slow (interrupted create: choose adopt, recreate or forget)");
    expect(preview.stdout).toMatch(/warning: .*1 create\(s\) that a crash interrupted.*::slow.*Decide for each: adopt/);
    const stopped = await project.run(["up", "--yes"]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/create\(s\) that a crash interrupted.*::slow/);
    expect(stopped.stderr).toContain("--pending-creates adopt|recreate|forget");
    expect(stopped.stderr).toContain("(PENDING_OPERATIONS)");
    const again = await project.run(["up", "--yes", "--pending-create", "slow=recreate"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("+ slow (local:command/Command) created");
  });
});
