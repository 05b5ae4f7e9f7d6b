import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
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
});
