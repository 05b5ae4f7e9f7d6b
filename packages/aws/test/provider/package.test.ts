import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, HeadBucketCommand, PutBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { FileStateStore, Stack } from "@cairn/core/automation";
import { mockClient } from "aws-sdk-client-mock";
import * as aws from "../../src/index.js";
import { AwsProvider } from "../../src/provider/aws-provider.js";

const s3 = mockClient(S3Client);
beforeEach(() => {
  s3.reset();
  s3.onAnyCommand().resolves({});
});
afterAll(() => s3.restore());

describe("the aws package", () => {
  test("exports cairnPackage, whose configure parses aws:* config into a provider", async () => {
    expect(aws.cairnPackage).toMatchObject({ name: "aws", module: "@cairn/aws", version: aws.VERSION });
    const provider = (await aws.cairnPackage.configure({ values: { region: "eu-west-1", defaultTags: '{"team":"ml"}' }, projectDir: "/p" })) as AwsProvider;
    expect(provider).toBeInstanceOf(AwsProvider);
    expect(provider.settings).toMatchObject({ region: "eu-west-1", defaultTags: { team: "ml" }, projectDir: "/p" });
    expect(provider.types).toEqual(
      expect.arrayContaining(["aws:s3/Bucket", "aws:ec2/Instance", "aws:sagemaker/Endpoint", "aws:sagemaker/TrainingJob", "aws:iam/Role", "aws:iam/InstanceProfile"]),
    );
  });

  test("a bad aws:* setting fails configure with CONFIG_INVALID", async () => {
    await expect(aws.cairnPackage.configure({ values: { region: "mars" }, projectDir: "/p" })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
  });

  test("importing the package loads no AWS SDK client; the first call of a service loads only that one", async () => {
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      for (const name of ["s3", "ec2", "sagemaker", "iam", "auto-scaling", "elastic-load-balancing-v2", "application-auto-scaling"]) {
        jest.doMock(`@aws-sdk/client-${name}`, () => {
          loaded.push(name);
          return jest.requireActual(`@aws-sdk/client-${name}`);
        });
      }
      await import("../../src/index.js");
      expect(loaded).toEqual([]);
      // The first cloud call of a service loads that service's client, and only it.
      const { ClientFactory } = await import("../../src/runtime/client-factory.js");
      const factory = new ClientFactory({ region: "us-west-2", endpoints: {}, defaultTags: {}, projectDir: "/p" }, {});
      await factory.iam();
      await factory.destroy();
    });
    expect(loaded).toEqual(["iam"]);
  });

  test("through the engine: default tags from stack config, and an explicit provider for a second region", async () => {
    s3.on(HeadBucketCommand).resolves({});
    const dir = await mkdtemp(join(tmpdir(), "cairn-aws-stack-"));
    try {
      const store = new FileStateStore(join(dir, ".cairn"));
      const ref = { project: "p", stack: "dev" };
      await Stack.create(store, ref);
      const program = () => {
        const west = new aws.Provider("west", { region: "eu-west-1" });
        const home = new aws.s3.Bucket("home", { bucket: "home-bucket" });
        const replica = new aws.s3.Bucket("replica", { bucket: "replica-bucket", tags: { role: "replica" } }, { provider: west });
        return { home: home.bucket, replicaRegion: replica.region };
      };
      const config = { "aws:region": "us-west-2", "aws:defaultTags": '{"team":"ml"}', "aws:accessKey": "testing", "aws:secretKey": "testing" };
      const stack = new Stack({ ...ref, program, store, config, projectDir: dir });
      const result = await stack.up();
      expect(result.failures).toEqual([]);
      expect(result.outputs).toEqual({ home: "home-bucket", replicaRegion: "eu-west-1" });
      const creates = s3.commandCalls(CreateBucketCommand).map((c) => c.args[0].input);
      expect(creates).toEqual(
        expect.arrayContaining([
          { Bucket: "home-bucket", CreateBucketConfiguration: { LocationConstraint: "us-west-2" } },
          { Bucket: "replica-bucket", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } },
        ]),
      );
      const tagging = s3.commandCalls(PutBucketTaggingCommand).map((c) => [c.args[0].input.Bucket, c.args[0].input.Tagging?.TagSet]);
      expect(tagging).toEqual(expect.arrayContaining([["home-bucket", [{ Key: "team", Value: "ml" }]], ["replica-bucket", [{ Key: "role", Value: "replica" }]]]));
      expect((await stack.preview()).counts).toMatchObject({ create: 0, update: 0, replace: 0, same: 3 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("through the engine: a throttled CreateBucket is retried and the up succeeds, reporting the retry", async () => {
    s3.on(HeadBucketCommand).resolves({});
    s3.on(CreateBucketCommand)
      .rejectsOnce(Object.assign(new Error("Please reduce your request rate."), { name: "SlowDown", $metadata: { httpStatusCode: 503 } }))
      .resolves({});
    const dir = await mkdtemp(join(tmpdir(), "cairn-aws-retry-"));
    try {
      const store = new FileStateStore(join(dir, ".cairn"));
      const ref = { project: "p", stack: "dev" };
      await Stack.create(store, ref);
      const program = () => ({ name: new aws.s3.Bucket("b", { bucket: "busy-bucket" }).bucket });
      const config = { "aws:region": "us-east-1", "aws:accessKey": "testing", "aws:secretKey": "testing" };
      const retries: string[] = [];
      const result = await new Stack({ ...ref, program, store, config, projectDir: dir }).up({
        onEvent: (e) => e.type === "step-retry" && retries.push(e.message),
      });
      expect(result.status).toBe("succeeded");
      expect(retries).toEqual(['aws:s3/Bucket "b": create failed (CreateBucket): SlowDown: Please reduce your request rate.']);
      expect(s3.commandCalls(CreateBucketCommand).map((c) => c.args[0].input)).toEqual([{ Bucket: "busy-bucket" }, { Bucket: "busy-bucket" }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("through the engine: a create throttled every time is tried aws:maxAttempts times in all, not once per retry layer", async () => {
    s3.on(HeadBucketCommand).resolves({});
    s3.on(CreateBucketCommand).rejects(Object.assign(new Error("Please reduce your request rate."), { name: "SlowDown", $metadata: { httpStatusCode: 503 } }));
    const dir = await mkdtemp(join(tmpdir(), "cairn-aws-retry-"));
    try {
      const store = new FileStateStore(join(dir, ".cairn"));
      const ref = { project: "p", stack: "dev" };
      await Stack.create(store, ref);
      const program = () => ({ name: new aws.s3.Bucket("b", { bucket: "busy-bucket" }).bucket });
      const config = { "aws:region": "us-east-1", "aws:accessKey": "testing", "aws:secretKey": "testing", "aws:maxAttempts": "3" };
      const retries: { attempt: number; maxAttempts?: number }[] = [];
      const result = await new Stack({ ...ref, program, store, config, projectDir: dir }).up({
        onEvent: (e) => e.type === "step-retry" && retries.push({ attempt: e.attempt, maxAttempts: e.maxAttempts }),
      });
      expect(result.status).toBe("failed");
      expect(result.failures[0]!.message).toContain("(tried 3 times)");
      expect(s3.commandCalls(CreateBucketCommand)).toHaveLength(3);
      expect(retries).toEqual([{ attempt: 2, maxAttempts: 3 }, { attempt: 3, maxAttempts: 3 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
