import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, type TempProject } from "./harness.js";

// cairn import, state mv and state rename, on one deployed quickstart.
describe("import and state moves", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "moves");
    const up = await project.run(["up", "--yes"]);
    if (up.code !== 0) throw new Error(up.stderr);
  });
  afterAll(() => project?.remove());

  it("import records a file and prints code after which preview has nothing to do", async () => {
    await writeFile(join(project.dir, "notes.txt"), "hello\n");
    const imported = await project.run(["import", "local:fs/File", "notes", "notes.txt"]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`= local:fs/File notes (id ${join(project.dir, "notes.txt")})`);
    const code = imported.stdout.slice(imported.stdout.indexOf("import * as local"));
    expect(code).toContain('new local.File("notes", {');
    await appendFile(join(project.dir, "index.ts"), `\n${code}`);
    const preview = await project.run(["preview", "--expect-no-changes"]);
    expect(preview.stderr).toBe("");
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("Nothing to do");
  });

  it("import refuses a name the program has, an object another resource manages, and a missing id", async () => {
    const named = await project.run(["import", "local:fs/File", "credentials", "notes.txt"]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('The program already has a resource named "credentials"');
    expect(named.stderr).toContain("(IMPORT_CONFLICT)");
    const managed = await project.run(["import", "local:fs/File", "again", "notes.txt"]);
    expect(managed.code).toBe(1);
    expect(managed.stderr).toContain("is already managed by urn:cairn:dev::moves::local:fs/File::notes");
    expect(managed.stderr).toContain("(RESOURCE_EXISTS)");
    const missing = await project.run(["import", "local:fs/File", "ghost", "no-such-file.txt"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("(RESOURCE_NOT_FOUND)");
    const usage = await project.run(["import", "File", "x"]);
    expect(usage.code).toBe(2);
    const list = await project.run(["state", "list", "--json"]);
    expect(list.stdout).not.toContain("ghost");
  });

  it("import --file adopts several objects at once, or none when one is wrong", async () => {
    await writeFile(join(project.dir, "a.txt"), "a");
    await writeFile(join(project.dir, "b.txt"), "b");
    const bad = { resources: [{ type: "local:fs/File", name: "a", id: "a.txt" }, { type: "local:fs/File", name: "c", id: "c.txt" }] };
    await writeFile(join(project.dir, "bad.json"), JSON.stringify(bad));
    expect((await project.run(["import", "--file", "bad.json"])).code).toBe(1);
    expect((await project.run(["state", "list", "--json"])).stdout).not.toContain("::a\"");
    const good = { resources: [{ type: "local:fs/File", name: "a", id: "a.txt" }, { type: "local:fs/File", name: "b", id: "b.txt" }] };
    await writeFile(join(project.dir, "good.json"), JSON.stringify(good));
    const run = await project.run(["import", "--file", "good.json", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { resources: { name: string }[]; code: string };
    expect(out.resources.map((r) => r.name)).toEqual(["a", "b"]);
    expect(out.code).toContain('new local.File("b"');
    for (const name of ["a", "b"]) expect((await project.run(["state", "delete", name, "--yes"])).code).toBe(0);
  });

  it("state rename then the same rename in code: preview has nothing to do", async () => {
    const renamed = await project.run(["state", "rename", "notes", "readme"]);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain("→ urn:cairn:dev::moves::local:fs/File::readme");
    expect(renamed.stdout).toContain('readme: { aliases: [{ name: "notes" }] }');
    const index = await readFile(join(project.dir, "index.ts"), "utf8");
    await writeFile(join(project.dir, "index.ts"), index.replace('new local.File("notes"', 'new local.File("readme"'));
    const preview = await project.run(["preview", "--expect-no-changes"]);
    expect(preview.stdout).toContain("Nothing to do");
    expect(preview.code).toBe(0);
  });

  it("the printed aliases option makes the same rename from code alone a no-op", async () => {
    const index = await readFile(join(project.dir, "index.ts"), "utf8");
    await writeFile(join(project.dir, "index.ts"), index.replace('new local.File("readme", {', 'new local.File("notes-file", {').replace(/path: "notes.txt",\n\}\);/, 'path: "notes.txt",\n}, { aliases: [{ name: "readme" }] });'));
    const preview = await project.run(["preview", "--expect-no-changes"]);
    expect(preview.stderr).toBe("");
    expect(preview.code).toBe(0);
    const without = index.replace('new local.File("readme", {', 'new local.File("notes-file", {');
    await writeFile(join(project.dir, "index.ts"), without);
    const changed = await project.run(["preview", "--expect-no-changes"]);
    expect(changed.code).toBe(4);
    expect(changed.stderr).toContain("(CLI_CHANGES_FOUND)");
    await writeFile(join(project.dir, "index.ts"), index);
  });

  it("state mv into a component and back out again; refusals name the conflict", async () => {
    const into = await project.run(["state", "mv", "page-size", "--parent", "site"]);
    expect(into.code).toBe(0);
    expect(into.stdout).toContain("→ urn:cairn:dev::moves::quickstart:index/StaticSite$local:command/Command::page-size");
    expect(into.stdout).toContain("page-size: { aliases: [{ parent: null }] }");
    const shown = JSON.parse((await project.run(["state", "show", "page-size", "--json"])).stdout) as { parent: string };
    expect(shown.parent).toBe("urn:cairn:dev::moves::quickstart:index/StaticSite::site");
    const back = await project.run(["state", "mv", "page-size", "--root"]);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('["urn:cairn:dev::moves::quickstart:index/StaticSite$local:command/Command::page-size"]');
    expect((await project.run(["preview", "--expect-no-changes"])).code).toBe(0);
    const taken = await project.run(["state", "rename", "readme", "credentials"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("(RESOURCE_EXISTS)");
    const nowhere = await project.run(["state", "mv", "readme"]);
    expect(nowhere.code).toBe(2);
    const both = await project.run(["state", "mv", "readme", "--root", "--parent", "site"]);
    expect(both.code).toBe(2);
  });
});
