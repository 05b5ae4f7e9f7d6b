import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { BIN, PASSPHRASE, makeProject, type TempProject } from "./harness.js";

const until = async (check: () => boolean, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe("preview while an up is running", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "running");
    const up = await project.run(["up", "--yes"]);
    if (up.code !== 0) throw new Error(up.stderr);
  });
  afterAll(() => project?.remove());

  it("says who runs what since when, and shows the last completed state, not the half-written one", async () => {
    await appendFile(join(project.dir, "index.ts"), '\nnew Command("slow", { create: "sleep 3; echo done" });\n');
    const lockFile = join(project.dir, ".cairn", "stacks", "running", "dev.lock");
    const env = { ...process.env, CI: "true", NO_COLOR: "1", CAIRN_PASSPHRASE: PASSPHRASE };
    const up = spawn(process.execPath, [BIN, "up", "--yes"], { cwd: project.dir, env, stdio: "ignore" });
    const ended = new Promise<number | null>((resolve) => up.on("exit", resolve));
    try {
      // The create of "slow" is in flight once the journal has its intent.
      const journal = join(project.dir, ".cairn", "stacks", "running", "dev.journal");
      await until(() => existsSync(lockFile) && existsSync(journal), 20_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const preview = await project.run(["preview"]);
      expect(preview.code).toBe(0);
      expect(preview.stderr).toMatch(/warning: Stack "dev" is being changed right now: \S+ \(pid \d+ on \S+\) has been running "up" since \S+\./);
      expect(preview.stdout).toMatch(/\+\s+local:command\/Command slow/);
      expect(preview.stdout).not.toContain("interrupted");
      const json = await project.run(["preview", "--json"]);
      expect(JSON.parse(json.stdout.split("\n")[0]!)).toMatchObject({ type: "diagnostic", severity: "warning", lock: { operation: "up" } });
    } finally {
      expect(await ended).toBe(0);
    }
    const after = await project.run(["preview"]);
    expect(after.stderr).toBe("");
    expect(after.stdout).toContain("Nothing to do");
  }, 60_000);
});
