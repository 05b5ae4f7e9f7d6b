import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertBuilt, cairn, REPO } from "./harness.js";

// The aws-native example, copied out so its stack and config stay out of the repository.
describe("the aws-native example", () => {
  let parent: string;
  let dir: string;
  beforeAll(async () => {
    assertBuilt();
    parent = await mkdtemp(join(tmpdir(), "cairn-native-"));
    dir = join(parent, "aws-native");
    await cp(join(REPO, "examples", "aws-native"), dir, { recursive: true, filter: (path) => !/[/\\](\.cairn|node_modules)$/.test(path) });
    await symlink(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
    const init = await cairn(dir, ["stack", "init", "dev"]);
    expect(init.code).toBe(0);
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  // No credentials and an unreachable endpoint: any AWS call would fail the command.
  const offline = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_PROFILE: undefined, AWS_REGION: "us-west-2", AWS_ENDPOINT_URL: "http://127.0.0.1:9" };

  it("validates with no cloud: the program type-checks and every input passes its schema", async () => {
    const validate = await cairn(dir, ["validate"], offline);
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain("✓ typecheck passed");
    expect(validate.stdout).toContain("✓ every resource passed its provider's checks");
  });

  it("previews with no cloud: three native resources to create", async () => {
    const preview = await cairn(dir, ["preview"], offline);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("+   aws:native.dynamodb/Table orders");
    expect(preview.stdout).toContain("+   aws:native.sqs/Queue order-events");
    expect(preview.stdout).toContain("+   aws:native.logs/LogGroup order-audit");
    expect(preview.stdout).toMatch(/\+ 3 to create/);
  });

  it("refuses a plan in which a hand-written and a native resource manage the same bucket", async () => {
    const other = join(parent, "twins");
    await cp(dir, other, { recursive: true, filter: (path) => !/[/\\](\.cairn|node_modules)$/.test(path) });
    await symlink(join(REPO, "node_modules"), join(other, "node_modules"), "dir");
    await writeFile(
      join(other, "index.ts"),
      'import * as aws from "@cairn/aws";\nimport * as s3 from "@cairn/aws/native/s3";\n' +
        'new aws.s3.Bucket("assets", { bucket: "acme-assets" }, { import: "acme-assets" });\n' +
        'new s3.Bucket("assets-native", { bucketName: "acme-assets" }, { import: "acme-assets" });\n',
    );
    expect((await cairn(other, ["stack", "init", "dev"])).code).toBe(0);
    const preview = await cairn(other, ["preview"], offline);
    expect(preview.code).not.toBe(0);
    expect(preview.stderr + preview.stdout).toContain('assets (aws:s3/Bucket) and assets-native (aws:native.s3/Bucket) both manage the AWS::S3::Bucket "acme-assets"');
  });

  it("validate names a property the schema does not have, with the resource and its line, before any AWS call", async () => {
    const other = join(parent, "typo");
    await cp(dir, other, { recursive: true, filter: (path) => !/[/\\](\.cairn|node_modules)$/.test(path) });
    await symlink(join(REPO, "node_modules"), join(other, "node_modules"), "dir");
    await writeFile(join(other, "index.ts"), 'import * as sqs from "@cairn/aws/native/sqs";\nnew sqs.Queue("jobs", { visibilityTimout: 60 } as never);\n');
    expect((await cairn(other, ["stack", "init", "dev"])).code).toBe(0);
    const validate = await cairn(other, ["validate"], offline);
    expect(validate.code).not.toBe(0);
    expect(validate.stdout + validate.stderr).toMatch(/jobs \(aws:native\.sqs\/Queue\) property "visibilityTimout": is not a property; did you mean visibilityTimeout\? \[index\.ts:2:1\]/);
  });
});
