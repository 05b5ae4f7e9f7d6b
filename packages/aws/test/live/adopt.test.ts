/**
 * Opt-in live check that creates a crash interrupted are adopted, not made
 * twice: a stack's first `up` "dies" (its state stops at the starts of a
 * bucket's and a VPC's creates, as after SIGKILL) while the objects are
 * really made; the next `up --pending-creates adopt` finds both through the
 * provider's findCreated (the bucket by its generated name, the VPC by its
 * create-token tag) and creates nothing. Run as the live suite
 * (see stack.test.ts), against moto or AWS.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { HeadBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import * as aws from "@cairn/aws";
import { FileStateStore, Stack, type StateStore } from "@cairn/core/automation";
import { CrashingStore } from "./crashed-store.js";

const enabled = Boolean(process.env.AWS_ENDPOINT_URL) || process.env.CAIRN_LIVE_AWS === "1";
const live = enabled ? describe : describe.skip;
const runId = randomBytes(3).toString("hex");
const region = process.env.AWS_REGION ?? "us-west-2";

const program = () => {
  const bucket = new aws.s3.Bucket("notes", { bucketPrefix: `ca-${runId}-notes-`, forceDestroy: true });
  const vpc = new aws.ec2.Vpc("net", { cidrBlock: "10.61.0.0/16", tags: { run: runId } });
  return { bucket: bucket.bucket, vpcId: vpc.id };
};

live(`adopting creates a crash interrupted (run ${runId})`, () => {
  let dir: string;
  const ref = { project: "cairn-adopt", stack: `adopt-${runId}` };
  const config = { "aws:region": region };
  const stackOn = (store: StateStore) => new Stack({ ...ref, program, store, config, projectDir: dir });
  const s3 = new S3Client({ region });
  const ec2 = new EC2Client({ region });
  const ourBuckets = async () => ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!).filter((name) => name.startsWith(`ca-${runId}-`));
  const ourVpcs = async () => ((await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:run", Values: [runId] }] }))).Vpcs ?? []).map((v) => v.VpcId!);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-adopt-"));
    await Stack.create(new FileStateStore(join(dir, ".cairn")), ref);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    s3.destroy();
    ec2.destroy();
  });

  test("the next up adopts what the killed one made and creates nothing", async () => {
    const crashing = new CrashingStore(new FileStateStore(join(dir, ".cairn")), ["notes", "net"]);
    await stackOn(crashing).up();
    expect(crashing.crashed).toBe(true);
    const [bucket] = await ourBuckets();
    const [vpcId] = await ourVpcs();
    expect([bucket, vpcId].every(Boolean)).toBe(true);

    const store = new FileStateStore(join(dir, ".cairn"));
    const state = (await stackOn(store).readState())!;
    expect(state.resources.filter((r) => r.pending?.op === "create").map((r) => r.urn.split("::").pop()).sort()).toEqual(["net", "notes"]);
    await expect(stackOn(store).up()).rejects.toMatchObject({ code: "PENDING_OPERATIONS" });

    const result = await stackOn(store).up({ pendingCreates: { all: "adopt" } });
    expect(result.status).toBe("succeeded");
    expect(result.counts.create ?? 0).toBe(0);
    expect(result.outputs).toEqual({ bucket, vpcId });
    expect(await ourBuckets()).toEqual([bucket]);
    expect(await ourVpcs()).toEqual([vpcId]);

    const refreshed = await stackOn(store).refresh();
    expect(refreshed.status).toBe("succeeded");
    const preview = await stackOn(store).preview();
    expect(preview.plan.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`)).toEqual([]);

    expect((await stackOn(store).destroy()).status).toBe("succeeded");
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: "NotFound" });
    expect(await ourVpcs()).toEqual([]);
  }, 10 * 60_000);
});
