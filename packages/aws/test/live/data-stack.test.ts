/**
 * The opt-in live suite of the data, scheduling and operations types: up, a
 * no-op up, an update that changes most types in place and replaces two, a
 * refresh after changes made behind Cairn's back, the adoption of objects
 * made with the SDK alone, and destroy, after which AWS itself is asked that
 * nothing of the run is left.
 *
 *   AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_REGION=us-west-2 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
 *     npx jest --testPathIgnorePatterns=/node_modules/ packages/aws/test/live/data-stack
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPassphraseSecrets, FileStateStore, Stack, type EngineEvent, type UpdateResult } from "@cairn/core/automation";
import { dataProgram, type DataPhase } from "./data-program.js";
import { changeOutOfBand, findDataLeftovers, makeOutside } from "./data-world.js";

const enabled = Boolean(process.env.AWS_ENDPOINT_URL) || process.env.CAIRN_LIVE_AWS === "1";
const live = enabled ? describe : describe.skip;

const runId = randomBytes(3).toString("hex");
const prefix = `cd-${runId}`;
const iamPath = `/cairn-data-${runId}/`;
const region = process.env.AWS_REGION ?? "us-west-2";
const MINUTES = 60_000;

const first: DataPhase = {
  tags: { team: "ml" },
  retentionInDays: 14,
  scheduleExpression: "cron(0 3 * * ? *)",
  billingMode: "PAY_PER_REQUEST",
  secretValue: "first-password",
  recordTtl: 300,
  policyActions: ["dynamodb:GetItem"],
  aliasSuffix: "a",
  pipelineSteps: 1,
};
const second: DataPhase = {
  ...first,
  tags: { team: "ml", stage: "canary" },
  retentionInDays: 30,
  scheduleExpression: "rate(12 hours)",
  billingMode: "PROVISIONED",
  secretValue: "second-password",
  recordTtl: 60,
  policyActions: ["dynamodb:GetItem", "dynamodb:Query"],
  pipelineSteps: 2,
  rangeKey: "featureName",
  aliasSuffix: "b",
};

live(`live AWS data stack (${process.env.AWS_ENDPOINT_URL ?? "AWS"}, ${region}, run ${runId})`, () => {
  let dir: string;
  let store: FileStateStore;
  const ref = { project: "cairn-live-data", stack: `data-${runId}` };
  const config = { "aws:region": region, "aws:defaultTags": JSON.stringify({ "cairn-live": runId }) };
  const stackFor = (phase: DataPhase) => new Stack({ ...ref, program: dataProgram(prefix, iamPath, phase), store, config, projectDir: dir, secrets });
  const failures: string[] = [];
  const onEvent = (event: EngineEvent) => {
    if (event.type === "step-failed") failures.push(`${event.op} ${event.urn}: ${event.message}`);
  };
  const report = (label: string, result: UpdateResult) =>
    console.log(`${label}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)}s ${JSON.stringify(result.counts)}${result.failures.length ? `\n  ${result.failures.map((f) => f.message).join("\n  ")}` : ""}`);
  const changed = (result: UpdateResult) => result.plan.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn.split("::").pop()}`).sort();
  let adoptPhase: DataPhase = second;
  const secrets = createPassphraseSecrets("live-data-suite");

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-live-data-"));
    store = new FileStateStore(join(dir, ".cairn"));
    await Stack.create(store, ref, secrets);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("up creates every type", async () => {
    const result = await stackFor(first).up({ onEvent });
    report("up", result);
    expect(failures).toEqual([]);
    expect(result.status).toBe("succeeded");
    expect(result.counts.create).toBe(18);
  }, 10 * MINUTES);

  test("a second up with the same program changes nothing", async () => {
    const result = await stackFor(first).up({ onEvent });
    report("no-op up", result);
    expect(changed(result)).toEqual([]);
  }, 10 * MINUTES);

  test("an update changes most types in place and replaces the table and the alias", async () => {
    const result = await stackFor(second).up({ onEvent });
    report("update", result);
    expect(failures).toEqual([]);
    expect(result.plan.steps.filter((s) => s.op === "replace").map((s) => s.urn.split("::").pop()).sort()).toEqual(["features", "state"]);
    expect(result.counts).toMatchObject({ replace: 2, create: 0, delete: 0 });
    expect(result.counts.update).toBeGreaterThanOrEqual(10);
    const again = await stackFor(second).up({ onEvent });
    report("no-op up after update", again);
    expect(changed(again)).toEqual([]);
    // The secret's value is in no file Cairn wrote: state, journal, backups.
    const files = (await readdir(join(dir, ".cairn"), { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    for (const file of files) expect(await readFile(join(file.parentPath, file.name), "utf8")).not.toContain(second.secretValue);
    expect(files.length).toBeGreaterThan(0);
  }, 10 * MINUTES);

  test("refresh shows changes made behind Cairn's back, property by property", async () => {
    const stack = stackFor(second);
    await changeOutOfBand(await stack.outputs());
    const refreshed = await stack.refresh({ onEvent });
    console.log(`refresh: ${refreshed.status} in ${(refreshed.durationMs / 1000).toFixed(1)}s drift ${JSON.stringify(refreshed.drift)}`);
    const drift = Object.fromEntries(refreshed.drift.map((d) => [d.type, d.properties]));
    expect(drift["aws:dynamodb/Table"]).toContain("tags");
    expect(drift["aws:cloudwatch/LogGroup"]).toContain("retentionInDays");
    expect(drift["aws:cloudwatch/EventRule"]).toContain("state");
    const result = await stack.up({ onEvent });
    report("up after refresh", result);
    expect(result.counts).toMatchObject({ update: 3, create: 0, replace: 0, delete: 0 });
  }, 10 * MINUTES);

  test("objects made outside Cairn are adopted with the import option", async () => {
    adoptPhase = { ...second, adopt: await makeOutside(prefix) };
    const result = await stackFor(adoptPhase).up({ onEvent });
    report("import", result);
    expect(failures).toEqual([]);
    expect(result.counts).toMatchObject({ import: 7, create: 0, replace: 0, delete: 0 });
    // Adopted objects match the program except for the provider's default tags, which the next up adds.
    const tagged = await stackFor(adoptPhase).up({ onEvent });
    report("up after import", tagged);
    expect([...new Set(tagged.plan.steps.filter((s) => s.op !== "same").flatMap((s) => s.changes ?? []))]).toEqual(["tags"]);
    const again = await stackFor(adoptPhase).up({ onEvent });
    report("no-op up after import", again);
    expect(changed(again)).toEqual([]);
  }, 10 * MINUTES);

  test("destroy deletes everything, as AWS itself confirms", async () => {
    const result = await stackFor(adoptPhase).destroy({ onEvent });
    report("destroy", result);
    expect(result.failures).toEqual([]);
    const leftovers = await findDataLeftovers(prefix, iamPath);
    console.log(`after destroy, AWS lists: ${JSON.stringify(leftovers)}`);
    expect(Object.fromEntries(Object.entries(leftovers).filter(([, items]) => items.length > 0))).toEqual({});
  }, 10 * MINUTES);
});
