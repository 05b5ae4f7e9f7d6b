import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findWorkspace } from "../../src/project/workspace.js";
import { cairnDependencySpec } from "../../src/project/dependency-spec.js";

describe("the workspace", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-ws-"));
    await writeFile(join(dir, "cairn.yaml"), "name: demo\n");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("is found from a folder below the project file", async () => {
    await mkdir(join(dir, "src", "deep"), { recursive: true });
    const ws = await findWorkspace(join(dir, "src", "deep"));
    expect(ws.dir).toBe(dir);
    expect(ws.project.name).toBe("demo");
    expect(ws.stackConfigPath("dev")).toBe(join(dir, "cairn.dev.yaml"));
  });

  it("without a project file says how to make one", async () => {
    const empty = await mkdtemp(join(tmpdir(), "cairn-none-"));
    await expect(findWorkspace(empty)).rejects.toMatchObject({ code: "CLI_NO_PROJECT", hint: expect.stringMatching(/cairn init/) });
    await rm(empty, { recursive: true });
  });

  it("chooses the stack from the flag, then CAIRN_STACK, then the selection", async () => {
    const ws = await findWorkspace(dir);
    await expect(ws.resolveStack(undefined, {})).rejects.toMatchObject({ code: "CLI_NO_STACK" });
    await ws.selectStack("dev");
    expect(await ws.resolveStack(undefined, {})).toBe("dev");
    expect(await ws.resolveStack(undefined, { CAIRN_STACK: "ci" })).toBe("ci");
    expect(await ws.resolveStack("prod", { CAIRN_STACK: "ci" })).toBe("prod");
    await expect(ws.resolveStack("bad name", {})).rejects.toMatchObject({ code: "CLI_USAGE" });
  });

  it("links Cairn's packages with file: while unpublished, else uses a caret range", () => {
    expect(cairnDependencySpec("@cairn/core", "/repo/packages", "0.1.0")).toBe("file:/repo/packages/core");
    expect(cairnDependencySpec("@cairn/core", undefined, "0.1.0")).toBe("^0.1.0");
  });
});
