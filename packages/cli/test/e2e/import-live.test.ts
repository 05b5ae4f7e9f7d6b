import { CreateBucketCommand, DeleteBucketCommand, PutBucketVersioningCommand, S3Client } from "@aws-sdk/client-s3";
import { symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, REPO, type TempProject } from "./harness.js";

// Opt-in: runs against any endpoint that speaks S3 (AWS_ENDPOINT_URL and credentials), skipped without one.
const live = process.env.AWS_ENDPOINT_URL !== undefined;

(live ? describe : describe.skip)("cairn import of an S3 bucket (live)", () => {
  const bucket = `cairn-import-${Date.now().toString(36)}`;
  const s3 = new S3Client({ forcePathStyle: true, region: process.env.AWS_REGION ?? "us-west-2" });
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("aws", "awsimport");
    await symlink(join(REPO, "packages", "aws"), join(project.dir, "node_modules", "@cairn", "aws"), "dir");
    await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "us-west-2" } }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  });
  afterAll(async () => {
    await s3.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
    s3.destroy();
    await project?.remove();
  });

  it("records the bucket and prints code after which preview has nothing to do", async () => {
    const run = await project.run(["import", "aws:s3/Bucket", "logs", bucket]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const code = run.stdout.slice(run.stdout.indexOf("import * as aws"));
    expect(code).toContain(`bucket: "${bucket}"`);
    expect(code).toContain("versioning: true");
    await writeFile(join(project.dir, "index.ts"), code);
    const preview = await project.run(["preview", "--expect-no-changes"]);
    expect(preview.stderr).toBe("");
    expect(preview.code).toBe(0);
    const again = await project.run(["import", "aws:s3/Bucket", "other", bucket]);
    expect(again.stderr).toContain("(RESOURCE_EXISTS)");
  });
});
