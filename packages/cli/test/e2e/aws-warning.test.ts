import { symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, REPO, type TempProject } from "./harness.js";

describe("the AWS SDK's Node.js version notice", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "sdk");
    await symlink(join(REPO, "node_modules", "@aws-sdk"), join(project.dir, "node_modules", "@aws-sdk"), "dir");
    await symlink(join(REPO, "node_modules", "@smithy"), join(project.dir, "node_modules", "@smithy"), "dir");
  });
  afterAll(() => project?.remove());

  it("is not shown to users, even by a program that makes an AWS client", async () => {
    await writeFile(
      join(project.dir, "index.ts"),
      'import { S3Client } from "@aws-sdk/client-s3";\nconst client = new S3Client({ region: "us-west-2" });\nexport const region = await client.config.region();\n',
    );
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('region: "us-west-2"');
    expect(preview.stderr).toBe("");
  });
});
