import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeProject, PASSPHRASE, type TempProject } from "./harness.js";

// The team-state commands of issue 5 on the file backend; the S3 side of each is the same StateStore calls.
describe("login, stack export/import and change-secrets-provider", () => {
  let project: TempProject;
  let home: string;
  beforeAll(async () => {
    project = await makeProject();
    home = await mkdtemp(join(tmpdir(), "cairn-home-"));
    expect((await project.run(["up", "--yes"])).code).toBe(0);
  });
  afterAll(async () => {
    await project?.remove();
    await rm(home, { recursive: true, force: true });
  });

  it("an export restores the stack; a state of another lineage is refused unless --force", async () => {
    const exported = await project.run(["stack", "export", "--file", "backup.json"]);
    expect(exported.code).toBe(0);
    const backup = await readFile(join(project.dir, "backup.json"), "utf8");
    expect(JSON.parse(backup).resources.length).toBe(7);
    expect((await project.run(["destroy", "--yes"])).code).toBe(0);
    const restored = await project.run(["stack", "import", "backup.json"]);
    expect(restored.stdout).toMatch(/Imported 7 resource\(s\) into stack "dev" \(serial \d+\)\./);
    expect((await project.run(["preview", "--json"])).stdout).toContain('"same"');

    const foreign = JSON.stringify({ ...JSON.parse(backup), lineage: "00000000-0000-0000-0000-000000000000" });
    await import("node:fs/promises").then((fs) => fs.writeFile(join(project.dir, "foreign.json"), foreign));
    const refused = await project.run(["stack", "import", "foreign.json"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("(STATE_LINEAGE_MISMATCH)");
    expect(refused.stderr).toContain("--force");
    expect((await project.run(["stack", "import", "foreign.json", "--force"])).code).toBe(0);
  });

  it("change-secrets-provider re-encrypts under a new passphrase; a wrong current one changes nothing", async () => {
    expect((await project.run(["config", "set", "apiKey", "k-123", "--secret"])).code).toBe(0);
    const configFile = join(project.dir, "cairn.dev.yaml");
    const before = await readFile(configFile, "utf8");
    const wrong = await project.run(["stack", "change-secrets-provider", "passphrase"], { CAIRN_PASSPHRASE: "not it", CAIRN_NEW_PASSPHRASE: "new one" });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("(SECRETS_BAD_PASSPHRASE)");
    expect(await readFile(configFile, "utf8")).toBe(before);

    const changed = await project.run(["stack", "change-secrets-provider", "passphrase"], { CAIRN_NEW_PASSPHRASE: "new one" });
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/re-encrypted/);
    expect(await readFile(configFile, "utf8")).not.toBe(before);
    expect((await project.run(["stack", "output", "adminPassword", "--show-secrets"], { CAIRN_PASSPHRASE: "new one" })).stdout.trim()).toHaveLength(20);
    expect((await project.run(["config", "get", "apiKey"], { CAIRN_PASSPHRASE: "new one" })).stdout.trim()).toBe("k-123");
    expect((await project.run(["stack", "output", "--show-secrets"], { CAIRN_PASSPHRASE: PASSPHRASE })).stderr).toContain("(SECRETS_BAD_PASSPHRASE)");
    expect((await project.run(["stack", "change-secrets-provider", "passphrase"], { CAIRN_PASSPHRASE: "new one", CAIRN_NEW_PASSPHRASE: PASSPHRASE })).code).toBe(0);
  });

  it("login saves a backend for projects that name none, says where the backend comes from, and logout forgets it", async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), "cairn-login-"));
    const env = { CAIRN_HOME: home };
    const login = await project.run(["login", `file://${elsewhere}`], env);
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Logged in to file://${elsewhere}`);
    expect(login.stdout).toContain('Project "e2e" has 0 stack(s) there.');
    expect((await project.run(["login"], env)).stdout).toContain(`Backend: file://${elsewhere} (from cairn login).`);
    expect((await project.run(["stack", "ls"], env)).stdout).toContain("has no stacks yet");
    expect((await project.run(["login"], { ...env, CAIRN_BACKEND_URL: "file:///tmp/x" })).stdout).toContain("(from CAIRN_BACKEND_URL)");
    expect((await project.run(["logout"], env)).code).toBe(0);
    expect((await project.run(["login"], env)).stdout).toContain("(from the default)");
    expect((await project.run(["stack", "ls"], env)).stdout).toMatch(/dev\*/);
    await rm(elsewhere, { recursive: true, force: true });
  });
});
