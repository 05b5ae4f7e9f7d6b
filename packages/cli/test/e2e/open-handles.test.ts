import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, type TempProject } from "./harness.js";

// A program may leave a timer or a socket open (a client it never closed); the command is done anyway.
describe("a program that leaves something open", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject();
    const index = join(project.dir, "index.ts");
    await writeFile(index, `${await readFile(index, "utf8")}\nsetInterval(() => undefined, 1_000);\n`);
  });
  afterAll(() => project.remove());

  it("does not keep `cairn up` running after its summary: it says so and ends with the operation's exit code", async () => {
    // The harness kills a run after 60 s, which would fail this with exit code 1.
    const up = await project.run(["up", "--yes"]);
    expect(up.stdout).toContain("+ 7 created");
    expect(up.stdout).toContain("Update done in");
    expect(up.stderr).toContain("warning: The program left something running (a timer, or a connection it did not close); cairn ends without waiting for it.");
    expect(up.code).toBe(0);
    const preview = await project.run(["preview", "--expect-no-changes"]);
    expect(preview.code).toBe(0);
  }, 150_000);
});
