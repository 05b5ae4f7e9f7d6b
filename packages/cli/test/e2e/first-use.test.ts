import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, cairn, makeProject } from "./harness.js";

describe("what a new user meets", () => {
  it("init --stack without a passphrase or a terminal refuses before writing anything", async () => {
    const parent = await mkdtemp(join(tmpdir(), "cairn-first-"));
    try {
      const run = await cairn(parent, ["init", "quickstart", "--dir", "site", "--no-install", "--stack", "dev"], { CAIRN_PASSPHRASE: undefined });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("nothing was created");
      expect(run.stderr).toContain("(CLI_PASSPHRASE_MISSING)");
      expect(existsSync(join(parent, "site"))).toBe(false);
      expect(await readdir(parent)).toEqual([]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it("stack, config and state show examples in --help; about is a command", async () => {
    for (const group of ["stack", "config", "state"]) {
      const help = await cairn(tmpdir(), [group, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Examples:\\n\\s+\\$ cairn ${group} `));
    }
    const about = await cairn(tmpdir(), ["about"]);
    expect(about.stderr).not.toContain("Did you mean");
  });

  it("an s3 backend without @cairn/aws says how to link the unpublished package", async () => {
    const project = await makeProject("quickstart", "nos3");
    try {
      await appendFile(join(project.dir, "cairn.yaml"), "backend: s3://some-bucket/state\n");
      const run = await project.run(["stack", "ls"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`npm install ${join(REPO, "packages", "aws")}`);
      expect(run.stderr).toContain("not published yet");
    } finally {
      await project.remove();
    }
  });
});
