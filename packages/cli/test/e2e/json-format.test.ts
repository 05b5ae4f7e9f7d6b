import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, type TempProject } from "./harness.js";

const GOLDEN = join(__dirname, "golden");

/**
 * The `--json` lines with what varies from run to run made fixed: durations,
 * the project's folder, the random suffix. Step events of one operation are
 * sorted, since concurrent steps may finish in any order; every other line
 * keeps its place.
 */
function normalize(stdout: string, projectDir: string): string {
  const lines = stdout
    .trim()
    .split("\n")
    .map((line) => line.replaceAll(projectDir, "<project>").replace(/"durationMs":\d+/g, '"durationMs":0').replace(/site-[0-9a-f]{8}/g, "site-<hex>"));
  const isStep = (line: string): boolean => /"type":"step-/.test(line);
  const steps = lines.filter(isStep).sort();
  return lines.map((line) => (isStep(line) ? steps.shift()! : line)).join("\n") + "\n";
}

async function expectGolden(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) await writeFile(file, actual);
  expect(actual).toBe(await readFile(file, "utf8"));
}

describe("the --json format", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "golden");
  });
  afterAll(() => project?.remove());

  it("of preview is pinned: one object per line, keys sorted, secrets and unknowns marked", async () => {
    const run = await project.run(["preview", "--json"]);
    expect(run.code).toBe(0);
    for (const line of run.stdout.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    await expectGolden("preview.ndjson", normalize(run.stdout, project.dir));
  });

  it("of up is pinned, ending with a summary line", async () => {
    const run = await project.run(["up", "--json", "--yes", "--parallel", "1"]);
    expect(run.code).toBe(0);
    const last = JSON.parse(run.stdout.trim().split("\n").pop()!) as { type: string; status: string };
    expect(last).toMatchObject({ type: "summary", status: "succeeded" });
    await expectGolden("up.ndjson", normalize(run.stdout, project.dir));
  });

  it("of a failed check is pinned: an error line with the code, first line, detail and each problem's resource and property", async () => {
    const index = join(project.dir, "index.ts");
    const program = await readFile(index, "utf8");
    await writeFile(index, `${program}\nnew File("bad-file", { path: "out/bad.txt", content: "x", mode: "999" });\n`);
    try {
      const run = await project.run(["preview", "--json"]);
      expect(run.code).toBe(1);
      const last = run.stdout.trim().split("\n").pop()!;
      await expectGolden("check-error.ndjson", normalize(`${last}\n`, project.dir));
      expect(JSON.parse(last)).toMatchObject({ type: "error", code: "CHECK_FAILED", problems: [{ urn: "urn:cairn:dev::golden::local:fs/File::bad-file", property: "mode" }] });
    } finally {
      await writeFile(index, program);
    }
  });

  it("of a failure ends with an error line carrying its code, and the exit code is non-zero", async () => {
    const run = await project.run(["preview", "--json", "--stack", "nope"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout.trim().split("\n").pop()!)).toEqual({
      type: "error",
      code: "CLI_STACK_NOT_FOUND",
      message: 'Stack "nope" of project "golden" does not exist in file://<project>/.cairn.'.replace("<project>", project.dir),
      hint: "Create it with `cairn stack init nope`, or see the stacks with `cairn stack ls`.",
    });
  });
});
