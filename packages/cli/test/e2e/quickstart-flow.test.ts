import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, type TempProject } from "./harness.js";

// One project walked through a user's day, step by step; each test relies on the one before.
describe("the quickstart, end to end", () => {
  let project: TempProject;
  let site: string;

  beforeAll(async () => {
    project = await makeProject();
  });
  afterAll(() => project?.remove());

  it("init wrote the project and created the dev stack", async () => {
    for (const file of ["cairn.yaml", "index.ts", "static-site.ts", "package.json", "tsconfig.json", ".gitignore", "cairn.dev.yaml"]) {
      expect(existsSync(join(project.dir, file))).toBe(true);
    }
    expect(await readFile(join(project.dir, "cairn.yaml"), "utf8")).toMatch(/^name: e2e$/m);
    const manifest = JSON.parse(await readFile(join(project.dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["@cairn/core"]).toMatch(/^file:.*packages\/core$/);
  });

  it("preview shows every resource to create and changes nothing", async () => {
    const preview = await project.run(["preview"]);
    expect(preview.stderr).toBe("");
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("Previewing stack dev of project e2e");
    expect(preview.stdout).toContain("+   local:random/RandomPassword admin-password");
    expect(preview.stdout).toContain("adminPassword: (known after apply)");
    expect(preview.stdout).toContain("+ 7 to create");
    expect(existsSync(join(project.dir, "out"))).toBe(false);
  });

  it("up --yes creates them, with outputs and the secret hidden", async () => {
    const up = await project.run(["up", "--yes"]);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain("+ 7 created");
    expect(up.stdout).toContain("adminPassword: [secret]");
    expect(up.stdout).toMatch(/Update done in \d/);
    const [dir] = await readdir(join(project.dir, "out"));
    site = join(project.dir, "out", dir!);
    expect(await readFile(join(site, "index.html"), "utf8")).toContain("<h1>Hello from Cairn</h1>");
    const credentials = await readFile(join(site, ".credentials"), "utf8");
    expect(credentials).toMatch(/^admin:.{20}\n$/);
    // The secret is encrypted in state.
    const state = await readFile(join(project.dir, ".cairn", "stacks", "e2e", "dev.json"), "utf8");
    expect(state).not.toContain(credentials.slice(6, 26));
  });

  it("after a change to the program, preview shows the update line by line", async () => {
    const index = join(project.dir, "index.ts");
    await writeFile(index, (await readFile(index, "utf8")).replace('"Hello from Cairn"', '"Hello, end to end"'));
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("~   local:fs/File site-index");
    expect(preview.stdout).toContain("- <h1>Hello from Cairn</h1>");
    expect(preview.stdout).toContain("+ <h1>Hello, end to end</h1>");
    expect(preview.stdout).toContain("-/+ local:command/Command page-size (triggers forces replacement; create first)");
    expect(preview.stdout).toMatch(/~ 1 to update\n\s+-\/\+ 1 to replace\n\s+5 unchanged/);
  });

  it("up applies the update", async () => {
    const up = await project.run(["up", "--yes"]);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/~ 1 updated\n\s+-\/\+ 1 replaced/);
    expect(await readFile(join(site, "index.html"), "utf8")).toContain("<h1>Hello, end to end</h1>");
  });

  it("refresh --preview-only reports a file deleted by hand, exits 4 for the drift, and leaves state alone", async () => {
    await rm(join(site, "style.css"));
    const stateFile = join(project.dir, ".cairn", "stacks", "e2e", "dev.json");
    const before = await readFile(stateFile, "utf8");
    const refresh = await project.run(["refresh", "--preview-only"]);
    expect(refresh.code).toBe(4);
    expect(refresh.stdout).toContain("- local:fs/File site-style: deleted outside Cairn");
    expect(refresh.stdout).toContain("State was not changed.");
    expect(await readFile(stateFile, "utf8")).toBe(before);
  });

  it("up --refresh repairs the drift", async () => {
    const up = await project.run(["up", "--refresh", "--yes"]);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain("+ 1 created");
    expect(existsSync(join(site, "style.css"))).toBe(true);
  });

  it("stack output prints outputs, one bare for scripts, secrets only when asked", async () => {
    const all = await project.run(["stack", "output", "--json"]);
    expect(JSON.parse(all.stdout)).toMatchObject({ adminPassword: "[secret]", pageBytes: "117" });
    const one = await project.run(["stack", "output", "pageBytes"]);
    expect(one.stdout).toBe("117\n");
    const secret = await project.run(["stack", "output", "adminPassword", "--show-secrets"]);
    expect(secret.stdout).toBe(`${(await readFile(join(site, ".credentials"), "utf8")).slice(6)}`);
  });

  it("destroy deletes everything and leaves an empty stack", async () => {
    const destroy = await project.run(["destroy", "--yes"]);
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toContain("- 7 deleted");
    expect(await readdir(site)).toEqual([]);
    const list = await project.run(["state", "list"]);
    expect(list.stdout).toBe('Stack "dev" has no resources.\n');
  });
});
