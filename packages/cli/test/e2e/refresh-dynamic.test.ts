import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, type TempProject } from "./harness.js";

const PROGRAM = `import { dynamic } from "@cairn/core";
const notes = dynamic.provider("notes", {
  async create(inputs) { return { id: String(inputs.text), outputs: inputs }; },
  async read(id, inputs, outputs) {
    if (process.env.NOTES_GONE === id) return undefined;
    if (process.env.NOTES_FAIL === id) throw new Error("the notes service is down");
    return { id, outputs };
  },
  async delete() {},
});
new dynamic.Resource(notes, "first", { text: "one" }, {}, "Note");
new dynamic.Resource(notes, "second", { text: "two" }, {}, "Note");
`;

describe("refresh of an inline (dynamic) provider's resources", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "refreshdyn");
    await writeFile(join(project.dir, "index.ts"), PROGRAM);
    const up = await project.run(["up", "--yes"]);
    expect(up.code).toBe(0);
  });
  afterAll(() => project.remove());

  it("reads every resource through the provider the program defines", async () => {
    for (const args of [["refresh"], ["refresh", "--preview-only"]]) {
      const run = await project.run(args);
      expect(run.stderr).not.toContain("no longer defines");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("No drift: every resource matches state.");
    }
  });

  it("reports a resource deleted outside Cairn as drift, with the exit code for drift found", async () => {
    const run = await project.run(["refresh", "--preview-only"], { NOTES_GONE: "two" });
    expect(run.code).toBe(4);
    expect(run.stdout).toContain("second: deleted outside Cairn");
  });

  it("never says there is no drift when a read failed, and exits non-zero", async () => {
    const run = await project.run(["refresh", "--preview-only"], { NOTES_FAIL: "one" });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("No drift");
    expect(run.stdout).toContain("1 resource could not be read");
    expect(run.stdout).toContain("the notes service is down");
    const json = await project.run(["refresh", "--preview-only", "--json"], { NOTES_FAIL: "one" });
    expect(json.code).toBe(1);
    const summary = JSON.parse(json.stdout.trim().split("\n").at(-1)!) as { status: string; failures: { message: string }[] };
    expect(summary.status).toBe("failed");
    expect(summary.failures[0]!.message).toContain("the notes service is down");
  });
});
