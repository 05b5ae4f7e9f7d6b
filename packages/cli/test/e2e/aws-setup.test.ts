import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, REPO, type TempProject } from "./harness.js";

// No region anywhere: not in config, the environment or a profile.
const NO_REGION = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined, AWS_CONFIG_FILE: "/nonexistent/aws-config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials" };

describe("an AWS project with no region configured", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("aws", "awsinit");
    await symlink(join(REPO, "packages", "aws"), join(project.dir, "node_modules", "@cairn", "aws"), "dir");
  });
  afterAll(() => project?.remove());

  it("preview says so once, with what sets it, instead of planning a create", async () => {
    const preview = await project.run(["preview"], NO_REGION);
    expect(preview.code).toBe(1);
    expect(preview.stdout).not.toContain("to create");
    expect(preview.stderr.match(/has no region/g)).toHaveLength(1);
    expect(preview.stderr).toContain("`cairn config set aws:region us-west-2`");
    expect(preview.stderr).toContain("(CONFIG_MISSING)");
    const up = await project.run(["up", "--yes"], NO_REGION);
    expect(up.code).toBe(1);
    expect(`${up.stdout}${up.stderr}`.match(/has no region/g)).toHaveLength(1);
  });

  it("previews once the region is set in the stack's config", async () => {
    expect((await project.run(["config", "set", "aws:region", "us-west-2"])).code).toBe(0);
    const preview = await project.run(["preview"], NO_REGION);
    expect(preview.stderr).toBe("");
    expect(preview.stdout).toContain("+ 1 to create");
  });
});
