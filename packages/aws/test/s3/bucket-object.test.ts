import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { AwsProvider } from "../../src/provider/aws-provider.js";
import { callContext, checked, testProvider } from "../support/fakes.js";
import { startS3rver, type LocalS3 } from "../support/s3rver.js";

const TYPE = "aws:s3/BucketObject";
const BUCKET = "objects-test";

let server: LocalS3;
let projectDir: string;
let provider: AwsProvider;
let direct: S3Client;

beforeAll(async () => {
  server = await startS3rver([BUCKET]);
  projectDir = await mkdtemp(join(tmpdir(), "cairn-objects-"));
  const settings = { endpoint: server.endpoint, region: "us-east-1", accessKey: "S3RVER", secretKey: "S3RVER", projectDir };
  provider = testProvider(settings).provider;
  direct = new S3Client({
    endpoint: server.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
});

afterAll(async () => {
  await provider.dispose();
  direct.destroy();
  await server.close();
  await rm(projectDir, { recursive: true, force: true });
});

async function bodyOf(key: string): Promise<string> {
  const out = await direct.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return (await out.Body?.transformToString()) ?? "";
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe("aws:s3/BucketObject against s3rver", () => {
  test("create uploads inline content with a content type from the key, and outputs the etag", async () => {
    const inputs = await checked(provider, TYPE, { bucket: BUCKET, key: "config/params.json", content: '{"lr":0.01}' });
    const result = await provider.create(inputs as never, "t1", callContext(TYPE, "params"));
    expect(result.id).toBe(`${BUCKET}/config/params.json`);
    expect(result.outputs).toMatchObject({ etag: md5('{"lr":0.01}'), contentType: "application/json" });
    expect(await bodyOf("config/params.json")).toBe('{"lr":0.01}');
  });

  test("create streams a source file given relative to the program's folder", async () => {
    const text = "weights ".repeat(50_000);
    await writeFile(join(projectDir, "model.bin"), text);
    const inputs = await checked(provider, TYPE, { bucket: BUCKET, key: "models/model.bin", source: "model.bin" });
    expect(inputs.sourceHash).toBe(createHash("sha256").update(text).digest("hex"));
    const result = await provider.create(inputs as never, "t2", callContext(TYPE, "model"));
    expect(result.outputs.etag).toBe(md5(text));
    expect(await bodyOf("models/model.bin")).toBe(text);
  });

  test("editing the source file changes its hash, so the object shows as changed", async () => {
    await writeFile(join(projectDir, "notes.txt"), "first");
    const before = await checked(provider, TYPE, { bucket: BUCKET, key: "notes.txt", source: "notes.txt" });
    await writeFile(join(projectDir, "notes.txt"), "second");
    const after = await checked(provider, TYPE, { bucket: BUCKET, key: "notes.txt", source: "notes.txt" });
    expect(provider.diff(TYPE, "id", before as never, after as never, {})).toEqual({ changes: ["sourceHash"] });
  });

  test("check wants exactly one of content and source, and a source that exists", async () => {
    const neither = await provider.check(TYPE, { bucket: BUCKET, key: "k" });
    expect(neither.failures).toEqual([{ property: "content", reason: "give exactly one of content and source" }]);
    const missing = await provider.check(TYPE, { bucket: BUCKET, key: "k", source: "nope.bin" });
    expect(missing.failures).toEqual([{ property: "source", reason: `cannot read the file ${join(projectDir, "nope.bin")}` }]);
  });

  test("update rewrites the object with the new content", async () => {
    const olds = await checked(provider, TYPE, { bucket: BUCKET, key: "greeting.txt", content: "hello" });
    const created = await provider.create(olds as never, "t3", callContext(TYPE, "greeting"));
    const news = await checked(provider, TYPE, { bucket: BUCKET, key: "greeting.txt", content: "hello again" });
    const outputs = await provider.update(created.id, olds as never, news as never, created.outputs, callContext(TYPE, "greeting"));
    expect(outputs.etag).toBe(md5("hello again"));
    expect(await bodyOf("greeting.txt")).toBe("hello again");
  });

  test("read finds the object unchanged, and reports content drift when someone else overwrote it", async () => {
    const inputs = await checked(provider, TYPE, { bucket: BUCKET, key: "drift.txt", content: "ours" });
    const created = await provider.create(inputs as never, "t4", callContext(TYPE, "drift"));
    const same = await provider.read(created.id, inputs as never, created.outputs, callContext(TYPE, "drift"));
    expect(same?.inputs).toEqual(inputs);
    await direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: "drift.txt", Body: "theirs", ContentType: "text/plain" }));
    const drifted = await provider.read(created.id, inputs as never, created.outputs, callContext(TYPE, "drift"));
    expect(provider.diff(TYPE, created.id, drifted?.inputs as never, inputs as never, {})).toEqual({ changes: ["content"] });
  });

  test("delete removes the object, and a read afterwards says it is gone", async () => {
    const inputs = await checked(provider, TYPE, { bucket: BUCKET, key: "temp.txt", content: "bye" });
    const created = await provider.create(inputs as never, "t5", callContext(TYPE, "temp"));
    await provider.delete(created.id, inputs as never, created.outputs, callContext(TYPE, "temp"));
    await expect(direct.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "temp.txt" }))).rejects.toMatchObject({ name: "NotFound" });
    expect(await provider.read(created.id, inputs as never, created.outputs, callContext(TYPE, "temp"))).toBeUndefined();
  });
});
