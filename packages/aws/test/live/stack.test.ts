/**
 * The opt-in live suite: a small stack through up, a no-op up, an update, a
 * refresh after a resource was deleted behind Cairn's back, and destroy,
 * against whatever AWS_ENDPOINT_URL names (or real AWS with CAIRN_LIVE_AWS=1).
 * Afterwards it asks AWS itself, not Cairn's state, that nothing remains.
 *
 * Run it (jest ignores test/live by default):
 *   AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_REGION=us-west-2 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
 *     npx jest --testPathIgnorePatterns=/node_modules/ packages/aws/test/live
 *
 * Emulators lack some APIs. CAIRN_LIVE_EMULATOR_GAPS lists the ones to
 * tolerate, comma-separated; moto 5.1 needs `DeleteModelPackageGroup`: the
 * group's delete is then allowed to fail and the group to remain, and that is
 * printed. Against real AWS leave it unset: everything must go.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { FileStateStore, Stack, type EngineEvent, type UpdateResult } from "@cairn/core/automation";
import { findLeftovers } from "./leftovers.js";
import { liveProgram, type LivePhase } from "./live-program.js";

const enabled = Boolean(process.env.AWS_ENDPOINT_URL) || process.env.CAIRN_LIVE_AWS === "1";
const gaps = new Set((process.env.CAIRN_LIVE_EMULATOR_GAPS ?? "").split(",").map((g) => g.trim()).filter(Boolean));
const live = enabled ? describe : describe.skip;

const runId = randomBytes(3).toString("hex");
const prefix = `cl-${runId}`;
const iamPath = `/cairn-live-${runId}/`;
const region = process.env.AWS_REGION ?? "us-west-2";
const first: LivePhase = { instanceType: "t3.micro", ingressPort: 8080, bucketTags: { team: "ml" } };
const second: LivePhase = { instanceType: "t3.small", ingressPort: 8443, bucketTags: { team: "ml", stage: "canary" } };

const MINUTES = 60_000;

live(`live AWS stack (${process.env.AWS_ENDPOINT_URL ?? "AWS"}, ${region}, run ${runId})`, () => {
  let dir: string;
  let store: FileStateStore;
  const ref = { project: "cairn-live", stack: `live-${runId}` };
  const config = { "aws:region": region, "aws:defaultTags": JSON.stringify({ "cairn-live": runId }) };
  const stackFor = (phase: LivePhase) => new Stack({ ...ref, program: liveProgram(prefix, iamPath, phase), store, config, projectDir: dir });
  const failures: string[] = [];
  const onEvent = (event: EngineEvent) => {
    if (event.type === "step-failed") failures.push(`${event.op} ${event.urn}: ${event.message}`);
  };
  const report = (label: string, result: UpdateResult) =>
    console.log(`${label}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)}s ${JSON.stringify(result.counts)}${result.failures.length ? `\n  ${result.failures.map((f) => f.message).join("\n  ")}` : ""}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-live-"));
    store = new FileStateStore(join(dir, ".cairn"));
    await Stack.create(store, ref);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test(
    "up creates the whole stack",
    async () => {
      const result = await stackFor(first).up({ onEvent });
      report("up", result);
      expect(failures).toEqual([]);
      expect(result.status).toBe("succeeded");
      expect(result.counts.create).toBe(13);
      expect(result.outputs).toMatchObject({ instanceType: "t3.micro", endpointStatus: "InService" });
      expect(String(result.outputs.bucketName)).toMatch(new RegExp(`^${prefix}-artifacts-[0-9a-f]{8}$`));
    },
    30 * MINUTES,
  );

  test(
    "a second up with the same program changes nothing",
    async () => {
      const result = await stackFor(first).up({ onEvent });
      report("no-op up", result);
      expect(result.plan.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`)).toEqual([]);
      expect(result.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    },
    10 * MINUTES,
  );

  test(
    "an update changes the instance type, a rule and tags in place",
    async () => {
      const result = await stackFor(second).up({ onEvent });
      report("update", result);
      expect(failures).toEqual([]);
      expect(result.counts).toMatchObject({ update: 3, replace: 0, create: 0, delete: 0 });
      expect(result.outputs.instanceType).toBe("t3.small");
    },
    30 * MINUTES,
  );

  test(
    "refresh reports an object deleted behind Cairn's back, and the next up creates it again",
    async () => {
      const stack = stackFor(second);
      const bucket = String((await stack.outputs()).bucketName);
      const s3 = new S3Client({ region, forcePathStyle: true });
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "ranker/config.json" }));
      s3.destroy();
      const refreshed = await stack.refresh({ onEvent });
      console.log(`refresh: ${refreshed.status} in ${(refreshed.durationMs / 1000).toFixed(1)}s drift ${JSON.stringify(refreshed.drift)}`);
      expect(refreshed.drift).toEqual([expect.objectContaining({ type: "aws:s3/BucketObject", kind: "deleted" })]);
      const result = await stack.up({ onEvent });
      report("up after refresh", result);
      expect(result.counts).toMatchObject({ create: 1, update: 0, replace: 0, delete: 0 });
    },
    10 * MINUTES,
  );

  test(
    "destroy deletes everything, as AWS itself confirms",
    async () => {
      const result = await stackFor(second).destroy({ onEvent });
      report("destroy", result);
      const tolerated = gaps.has("DeleteModelPackageGroup") ? result.failures.filter((f) => f.urn.includes("ModelPackageGroup")) : [];
      expect(result.failures.filter((f) => !tolerated.includes(f))).toEqual([]);
      const leftovers = await findLeftovers(runId, prefix, iamPath);
      console.log(`after destroy, AWS lists: ${JSON.stringify(leftovers)}`);
      if (tolerated.length > 0) {
        console.log(`tolerated emulator gap (CAIRN_LIVE_EMULATOR_GAPS=DeleteModelPackageGroup): ${leftovers.modelPackageGroups?.join(", ")} remains`);
        leftovers.modelPackageGroups = [];
      }
      expect(Object.fromEntries(Object.entries(leftovers).filter(([, items]) => items.length > 0))).toEqual({});
    },
    30 * MINUTES,
  );
});
