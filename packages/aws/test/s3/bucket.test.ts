import { classifyAwsError } from "../../src/errors.js";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const s3 = mockClient(S3Client);
const TYPE = "aws:s3/Bucket";

beforeEach(() => {
  s3.reset();
  s3.onAnyCommand().resolves({});
  s3.on(HeadBucketCommand).resolves({ BucketRegion: "us-west-2" });
});
afterAll(() => s3.restore());

describe("aws:s3/Bucket", () => {
  test("check applies secure defaults and merges the provider's default tags under the bucket's own", async () => {
    const { provider } = testProvider({ defaultTags: { team: "ml", env: "dev" } });
    const inputs = await checked(provider, TYPE, { tags: { env: "prod" } });
    expect(inputs).toEqual({
      versioning: false,
      serverSideEncryption: { algorithm: "AES256" },
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      lifecycleRules: [],
      tags: { team: "ml", env: "prod" },
      forceDestroy: false,
    });
  });

  test("check reports every invalid property by name", async () => {
    const { provider } = testProvider();
    const result = await provider.check(TYPE, { bucket: "Bad_Name", versioning: "yes", lifecycleRules: [{ expirationDays: 0 }], colour: "red" });
    expect(result.failures).toEqual([
      { property: "colour", reason: expect.stringContaining("unknown property") },
      { property: "bucket", reason: expect.stringContaining("bucket name") },
      { property: "versioning", reason: 'expected true or false, got "yes"' },
      { property: "lifecycleRules.0.id", reason: "is required" },
      { property: "lifecycleRules.0.expirationDays", reason: "expected a whole number ≥ 1, got 0" },
    ]);
  });

  test("create makes the bucket in the provider's region, waits for it, then applies its settings in order", async () => {
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { bucket: "ml-artifacts", versioning: true, tags: { team: "ml" } });
    const result = await provider.create(inputs as never, "token-1", callContext(TYPE, "artifacts"));
    expect(commandNames(s3)).toEqual(["CreateBucket", "HeadBucket", "PutPublicAccessBlock", "PutBucketEncryption", "PutBucketVersioning", "PutBucketTagging"]);
    expect(s3.commandCalls(CreateBucketCommand)[0]?.args[0].input).toEqual({
      Bucket: "ml-artifacts",
      CreateBucketConfiguration: { LocationConstraint: "us-west-2" },
    });
    expect(s3.commandCalls(PutBucketVersioningCommand)[0]?.args[0].input).toEqual({ Bucket: "ml-artifacts", VersioningConfiguration: { Status: "Enabled" } });
    expect(s3.commandCalls(PutBucketTaggingCommand)[0]?.args[0].input).toEqual({ Bucket: "ml-artifacts", Tagging: { TagSet: [{ Key: "team", Value: "ml" }] } });
    expect(result.id).toBe("ml-artifacts");
    expect(result.outputs).toMatchObject({ bucket: "ml-artifacts", arn: "arn:aws:s3:::ml-artifacts", region: "us-west-2", versioning: true });
  });

  test("a generated name comes from the logical name and the create token, and is the same on a retry", async () => {
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, {});
    const first = await provider.create(inputs as never, "token-7", callContext(TYPE, "Model_Artifacts"));
    s3.on(CreateBucketCommand).rejects(awsError("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded", 409));
    const again = await provider.create(inputs as never, "token-7", callContext(TYPE, "Model_Artifacts"));
    expect(first.id).toMatch(/^model-artifacts-[0-9a-f]{8}$/);
    expect(again.id).toBe(first.id);
  });

  test("an explicit name that the account already owns is an error naming the property and the way to adopt it", async () => {
    const { provider } = testProvider();
    s3.on(CreateBucketCommand).rejects(awsError("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded", 409));
    const inputs = await checked(provider, TYPE, { bucket: "taken-bucket" });
    const created = provider.create(inputs as never, "t", callContext(TYPE, "b"));
    await expect(created).rejects.toThrow('A bucket named "taken-bucket" [property "bucket"] already exists in your account. Adopt it with the import option or an import of aws:s3/Bucket "taken-bucket"');
    await expect(created).rejects.toMatchObject({ hints: [{ kind: "import-resource", type: "aws:s3/Bucket", id: "taken-bucket" }] });
  });

  test("a setting that says NoSuchBucket right after the create is retried until the bucket is visible", async () => {
    const { provider } = testProvider();
    s3.on(PutPublicAccessBlockCommand).rejectsOnce(awsError("NoSuchBucket", "The specified bucket does not exist", 404)).resolves({});
    const inputs = await checked(provider, TYPE, { bucket: "fresh-bucket" });
    await provider.create(inputs as never, "t", callContext(TYPE, "b"));
    expect(commandNames(s3)).toEqual(["CreateBucket", "HeadBucket", "PutPublicAccessBlock", "PutPublicAccessBlock", "PutBucketEncryption"]);
  });

  test("a HeadBucket that answers 404 right after the create is polled until it answers", async () => {
    const { provider } = testProvider();
    s3.on(HeadBucketCommand).rejectsOnce(awsError("NotFound", "UnknownError", 404)).resolves({ BucketRegion: "us-west-2" });
    const inputs = await checked(provider, TYPE, { bucket: "slow-bucket" });
    await provider.create(inputs as never, "t", callContext(TYPE, "b"));
    expect(commandNames(s3).slice(0, 3)).toEqual(["CreateBucket", "HeadBucket", "HeadBucket"]);
  });

  test("throttling and 5xx are classified as worth retrying, and a validation error is fatal", () => {
    expect(classifyAwsError(awsError("SlowDown", "Please reduce your request rate.", 503))).toBe("throttle");
    expect(classifyAwsError(awsError("InternalError", "We encountered an internal error.", 500))).toBe("retry");
    expect(classifyAwsError(awsError("InvalidBucketName", "The specified bucket is not valid.", 400))).toBe("fatal");
  });

  test("a create throttled on every attempt is tried aws:maxAttempts times, then fails naming the resource, the API and the tries", async () => {
    const { provider } = testProvider({ maxAttempts: 3 });
    s3.on(CreateBucketCommand).rejects(awsError("SlowDown", "Please reduce your request rate.", 503));
    const inputs = await checked(provider, TYPE, { bucket: "busy-bucket" });
    const error = await provider.create(inputs as never, "t", callContext(TYPE, "busy")).catch((e: unknown) => e);
    expect(String(error)).toContain('aws:s3/Bucket "busy": create failed (CreateBucket): SlowDown: Please reduce your request rate. (tried 3 times)');
    expect(s3.commandCalls(CreateBucketCommand)).toHaveLength(3);
  });

  test("update applies only the settings that changed; turning versioning off suspends it", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { bucket: "b-1", versioning: true, tags: { a: "1" } });
    const news = await checked(provider, TYPE, { bucket: "b-1", versioning: false, tags: { a: "1" } });
    expect(provider.diff(TYPE, "b-1", olds as never, news as never, {})).toEqual({ changes: ["versioning"] });
    await provider.update("b-1", olds as never, news as never, { region: "us-west-2" }, callContext(TYPE, "b"));
    expect(commandNames(s3)).toEqual(["PutBucketVersioning"]);
    expect(s3.commandCalls(PutBucketVersioningCommand)[0]?.args[0].input.VersioningConfiguration).toEqual({ Status: "Suspended" });
  });

  test("renaming a bucket replaces it, creating the new one first since the names differ", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { bucket: "old-name" });
    const news = await checked(provider, TYPE, { bucket: "new-name" });
    expect(provider.diff(TYPE, "old-name", olds as never, news as never, {})).toEqual({ changes: ["bucket"], replaces: ["bucket"] });
  });

  test("forceDestroy deletes every version and delete marker, page by page (each listed from the start), before deleting the bucket", async () => {
    const { provider } = testProvider();
    s3.on(ListObjectVersionsCommand)
      .resolvesOnce({
        IsTruncated: true,
        NextKeyMarker: "b.txt",
        NextVersionIdMarker: "v2",
        Versions: [
          { Key: "a.txt", VersionId: "v1" },
          { Key: "b.txt", VersionId: "v2" },
        ],
        DeleteMarkers: [{ Key: "a.txt", VersionId: "m1" }],
      })
      .resolvesOnce({ IsTruncated: false, Versions: [{ Key: "c.txt", VersionId: "null" }] })
      .resolvesOnce({ IsTruncated: false });
    s3.on(HeadBucketCommand).rejects(awsError("NotFound", "UnknownError", 404));
    const inputs = await checked(provider, TYPE, { bucket: "full-bucket", forceDestroy: true });
    await provider.delete("full-bucket", inputs as never, {}, callContext(TYPE, "b"));
    expect(commandNames(s3)).toEqual(["ListObjectVersions", "DeleteObjects", "ListObjectVersions", "DeleteObjects", "ListObjectVersions", "DeleteBucket", "HeadBucket"]);
    // Each page is listed from the start: the page before is deleted, so a marker into it would name a version that is gone.
    expect(s3.commandCalls(ListObjectVersionsCommand).map((c) => c.args[0].input.KeyMarker)).toEqual([undefined, undefined, undefined]);
    expect(s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete?.Objects)).toEqual([
      [
        { Key: "a.txt", VersionId: "v1" },
        { Key: "b.txt", VersionId: "v2" },
        { Key: "a.txt", VersionId: "m1" },
      ],
      [{ Key: "c.txt", VersionId: "null" }],
    ]);
  });

  test("deleting a non-empty bucket without forceDestroy says how to delete it", async () => {
    const { provider } = testProvider();
    s3.on(DeleteBucketCommand).rejects(awsError("BucketNotEmpty", "The bucket you tried to delete is not empty", 409));
    const inputs = await checked(provider, TYPE, { bucket: "busy" });
    await expect(provider.delete("busy", inputs as never, {}, callContext(TYPE, "b"))).rejects.toThrow(/is not empty.*forceDestroy: true/);
  });

  test("a bucket that fills again while forceDestroy empties it says so, not to set forceDestroy", async () => {
    const { provider } = testProvider();
    s3.on(ListObjectVersionsCommand).resolves({ IsTruncated: false });
    s3.on(DeleteBucketCommand).rejects(awsError("BucketNotEmpty", "The bucket you tried to delete is not empty", 409));
    const inputs = await checked(provider, TYPE, { bucket: "busy", forceDestroy: true });
    const error = await provider.delete("busy", inputs as never, {}, callContext(TYPE, "b")).catch((e: unknown) => e as Error);
    expect(error.message).toMatch(/was emptied \(forceDestroy\) but is not empty now: something wrote to it meanwhile/);
    expect(error.message).not.toContain("Set forceDestroy");
  });

  test("a bucket deleted outside Cairn reads as gone after the not-found answer is confirmed", async () => {
    const { provider, clock } = testProvider();
    s3.on(HeadBucketCommand).rejects(awsError("NotFound", "UnknownError", 404));
    const result = await provider.read("gone", { bucket: "gone" }, {}, callContext(TYPE, "b"));
    expect(result).toBeUndefined();
    expect(s3.commandCalls(HeadBucketCommand).length).toBeGreaterThan(1);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
  });

  test("read reports the bucket's settings as inputs, so drift shows as a diff", async () => {
    const { provider } = testProvider();
    s3.on(GetBucketVersioningCommand).resolves({ Status: "Suspended" });
    s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
    });
    s3.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    });
    s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError("NoSuchLifecycleConfiguration", "none", 404));
    s3.on(GetBucketTaggingCommand).resolves({
      TagSet: [
        { Key: "team", Value: "ml" },
        { Key: "aws:cloudformation:stack-name", Value: "x" },
      ],
    });
    const recorded = await checked(provider, TYPE, { bucket: "b-2", versioning: true, tags: { team: "ml" } });
    const read = await provider.read("b-2", recorded as never, {}, callContext(TYPE, "b"));
    expect(read?.inputs).toEqual({ ...recorded, versioning: false });
    expect(provider.diff(TYPE, "b-2", read?.inputs as never, recorded as never, {})).toEqual({ changes: ["versioning"] });
  });
});
