import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { makeProject, type TempProject } from "./harness.js";

/** The bytes of every state file (snapshots, journals, locks, backups), by path. */
function stateFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const area of ["stacks", "backups"]) {
    const root = join(dir, ".cairn", area);
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) out.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), "base64"));
    }
  }
  return out;
}

describe("through the CLI, an operation that changes nothing writes nothing", () => {
  let project: TempProject;
  let index: string;
  let original: string;
  beforeAll(async () => {
    project = await makeProject("quickstart", "nowrite");
    index = join(project.dir, "index.ts");
    original = readFileSync(index, "utf8");
    const up = await project.run(["up", "--yes"]);
    expect(up.code).toBe(0);
    writeFileSync(join(project.dir, "garbage-plan.json"), "{ not a plan");
  }, 60_000);
  afterAll(() => project.remove());
  afterEach(() => writeFileSync(index, original));

  const cases: ReadonlyArray<readonly [string, readonly string[], string | undefined, number | undefined]> = [
    ["a no-op up", ["up", "--yes"], undefined, 0],
    ["a preview", ["preview"], undefined, 0],
    ["a program that throws", ["up", "--yes"], 'throw new Error("the program broke");', undefined],
    ["a duplicate name", ["up", "--yes"], 'new Command("page-size", { create: "true" });', undefined],
    ["missing config", ["up", "--yes"], 'new Config().require("nowhere");', undefined],
    ["an unknown --target", ["up", "--yes", "--target", "urn:cairn:dev::nowrite::local:file/File::nope"], undefined, undefined],
    ["a --plan file that is missing", ["up", "--yes", "--plan", "no-such-plan.json"], undefined, undefined],
    ["a --plan file that is not a plan", ["up", "--yes", "--plan", "garbage-plan.json"], undefined, undefined],
  ];

  test.each(cases)("%s leaves every state file byte for byte as it was, and adds none", async (_label, args, append, code) => {
    if (append !== undefined) writeFileSync(index, `${original}\n${append}\n`);
    const before = stateFiles(project.dir);
    const run = await project.run(args);
    if (code === undefined) expect(run.code).not.toBe(0);
    else expect(run.code).toBe(code);
    expect(stateFiles(project.dir)).toEqual(before);
  }, 60_000);
});
