/**
 * The opt-in live suite of the networking, load balancing and scaling types:
 * every type through up, a no-op up, an in-place update, a replacement, a
 * refresh after changes made behind Cairn's back, the adoption (`import`) of
 * objects made with the SDK outside Cairn, and destroy; then AWS itself is
 * asked that nothing is left. Each phase prints its time.
 *
 *   AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_REGION=us-west-2 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
 *   CAIRN_LIVE_EMULATOR_GAPS=ListTagsForResource \
 *     npx jest packages/aws/test/live/network.test.ts --testPathIgnorePatterns=/node_modules/
 *
 * With `ListTagsForResource` among the gaps (moto 5.1 lacks Application Auto
 * Scaling's tag APIs), the scaling target's refresh and import are skipped
 * and that is printed.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { FileStateStore, Stack, type EngineEvent, type UpdateResult } from "@cairn/core/automation";
import * as aws from "@cairn/aws";
import { changeOutOfBand, makeOutside, networkLeftovers, outsideClients, removeOutside, type OutsideClients } from "./network-outside.js";
import { ADOPTED, networkProgram, type ImportedIds, type NetworkPhase } from "./network-program.js";

const enabled = Boolean(process.env.AWS_ENDPOINT_URL) || process.env.CAIRN_LIVE_AWS === "1";
const gaps = new Set((process.env.CAIRN_LIVE_EMULATOR_GAPS ?? "").split(",").map((g) => g.trim()).filter(Boolean));
const live = enabled ? describe : describe.skip;
const runId = randomBytes(3).toString("hex");
const prefix = `cn-${runId}`;
const region = process.env.AWS_REGION ?? "us-west-2";
const MINUTES = 60_000;

const KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ3m0DAvJ0d0Yk5nq1M4kR3vOq3p0t0w2yq7v2m9c3Vb ops@cairn";
const KEY_B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFq2cJ3t8x1yQ0m9oWzv5Gr7kq8Yh2Ln4Pd6Te1Ux0Sa ops@cairn";
const first: NetworkPhase = { stage: "one", idleTimeout: 60, healthPath: "/healthz", listenerPort: 80, rulePriority: 10, instanceType: "t3.micro", publicKey: KEY_A, targetPort: 8080 };
const second: NetworkPhase = { ...first, stage: "two", idleTimeout: 90, healthPath: "/ready", listenerPort: 8081, rulePriority: 20, instanceType: "t3.small" };
const third: NetworkPhase = { ...second, publicKey: KEY_B, targetPort: 9090 };

/** Step by step as it happens, for a run that seems stuck: CAIRN_LIVE_TRACE=1. */
const trace = (event: EngineEvent) => {
  if (process.env.CAIRN_LIVE_TRACE === "1" && "urn" in event) process.stderr.write(`${new Date().toISOString()} ${event.type} ${event.urn.split("::").slice(-2).join(" ")} ${"message" in event ? event.message : ""}\n`);
};
const changed = (result: UpdateResult) => result.plan.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn.split("::").slice(-2).join(" ")}`);
/** The same, with the properties that differ, for the printed figures. */
const detailed = (result: UpdateResult) =>
  result.plan.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn.split("::").slice(-2).join(" ")}${s.changes?.length ? ` [${s.changes.join(", ")}]` : ""}`);

live(`live AWS network stack (${process.env.AWS_ENDPOINT_URL ?? "AWS"}, ${region}, run ${runId})`, () => {
  let dir: string;
  let store: FileStateStore;
  let clients: OutsideClients;
  let outside: ImportedIds | undefined;
  const ref = { project: "cairn-live", stack: `net-${runId}` };
  const config = { "aws:region": region, "aws:defaultTags": JSON.stringify({ "cairn-live": runId }) };
  const stackFor = (phase: NetworkPhase) => new Stack({ ...ref, program: networkProgram(prefix, phase), store, config, projectDir: dir });
  const failures: string[] = [];
  const onEvent = (event: EngineEvent) => {
    if (event.type === "step-failed") failures.push(`${event.op} ${event.urn}: ${event.message}`);
    trace(event);
  };
  const report = (label: string, result: UpdateResult) =>
    console.log(`${label}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)}s ${JSON.stringify(result.counts)}${result.failures.length ? `\n  ${result.failures.map((f) => f.message).join("\n  ")}` : ""}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-live-net-"));
    store = new FileStateStore(join(dir, ".cairn"));
    await Stack.create(store, ref);
    clients = outsideClients();
  });

  afterAll(async () => {
    for (const client of Object.values(clients)) client.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  test("up creates every networking, load balancing and fleet type", async () => {
    const result = await stackFor(first).up({ onEvent });
    report("up", result);
    expect(failures).toEqual([]);
    expect(result.status).toBe("succeeded");
    expect(result.counts.create).toBe(25);
  }, 30 * MINUTES);

  test("a second up with the same program changes nothing", async () => {
    const result = await stackFor(first).up({ onEvent });
    report("no-op up", result);
    expect(changed(result)).toEqual([]);
  }, 10 * MINUTES);

  test("an update changes tags, timeouts, the health check, the listener, the rule and the launch template in place", async () => {
    const result = await stackFor(second).up({ onEvent });
    report("update", result);
    console.log(`  ${detailed(result).join("\n  ")}`);
    expect(failures).toEqual([]);
    expect(result.counts).toMatchObject({ create: 0, replace: 0, delete: 0 });
    expect(changed(result)).toEqual(
      expect.arrayContaining(["update aws:lb/LoadBalancer serving", "update aws:lb/TargetGroup rankers", "update aws:lb/Listener http", "update aws:lb/ListenerRule rank", "update aws:ec2/LaunchTemplate fleet", "update aws:autoscaling/Group fleet", "update aws:ec2/NatGateway nat"]),
    );
  }, 30 * MINUTES);

  test("a new public key and target port replace the key pair and the target group, and what depends on them", async () => {
    const result = await stackFor(third).up({ onEvent });
    report("replace", result);
    console.log(`  ${detailed(result).join("\n  ")}`);
    expect(failures).toEqual([]);
    expect(changed(result)).toEqual(expect.arrayContaining(["replace aws:ec2/KeyPair ops", "replace aws:lb/TargetGroup rankers", "replace aws:lb/TargetGroupAttachment ranker"]));
  }, 30 * MINUTES);

  test("refresh shows every change made behind Cairn's back, property by property, and the next up puts it back", async () => {
    const stack = stackFor(third);
    const state = await stack.readState();
    const get = (type: string, name: string) => {
      const found = state!.resources.find((r) => r.type === type && r.urn.endsWith(`::${name}`));
      if (found?.id === undefined) throw new Error(`no ${type} ${name} in state`);
      return { id: found.id, outputs: found.outputs as Record<string, unknown> };
    };
    const expected = await changeOutOfBand(clients, get);
    const refreshed = await stack.refresh({ onEvent });
    console.log(`refresh: ${refreshed.status} in ${(refreshed.durationMs / 1000).toFixed(1)}s`);
    for (const d of refreshed.drift) console.log(`  ${d.kind} ${d.urn.split("::").slice(-2).join(" ")} ${d.properties.join(", ")}`);
    expect(refreshed.drift.map((d) => `${d.type} ${d.urn.split("::").pop()} ${d.kind}`).sort()).toEqual([...expected].sort());
    const lb = refreshed.drift.find((d) => d.type === "aws:lb/LoadBalancer");
    expect(lb?.properties).toEqual(["idleTimeout"]);
    const result = await stack.up({ onEvent });
    report("up after refresh", result);
    expect(failures).toEqual([]);
    expect(result.counts).toMatchObject({ create: 3, replace: 0, delete: 0 });
    const again = await stack.refresh({ onEvent });
    expect(again.drift).toEqual([]);
  }, 30 * MINUTES);

  test("objects made outside Cairn with the SDK are adopted with the import option", async () => {
    const started = Date.now();
    outside = await makeOutside(clients, runId, prefix, KEY_B);
    console.log(`made ${ADOPTED} objects with the SDK in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    const result = await stackFor({ ...third, imported: outside }).up({ onEvent });
    report("import", result);
    expect(failures).toEqual([]);
    expect(result.counts.import).toBe(ADOPTED);
    expect(result.outputs.defaultGroup).toMatch(/^sg-/);
    const after = await stackFor({ ...third, imported: outside }).up({ onEvent });
    report("up after import", after);
    console.log(`  ${detailed(after).join("\n  ") || "(nothing to change)"}`);
    expect(failures).toEqual([]);
  }, 30 * MINUTES);

  test("destroy deletes everything, as AWS itself confirms", async () => {
    const result = await stackFor({ ...third, imported: outside }).destroy({ onEvent });
    report("destroy", result);
    expect(result.failures).toEqual([]);
    if (outside !== undefined) await removeOutside(clients, outside);
    const leftovers = await networkLeftovers(clients, runId, prefix);
    console.log(`after destroy, AWS lists: ${JSON.stringify(leftovers)}`);
    expect(Object.fromEntries(Object.entries(leftovers).filter(([, items]) => items.length > 0))).toEqual({});
  }, 30 * MINUTES);
});

live(`live AWS scaling stack (${region}, run ${runId})`, () => {
  let dir: string;
  let store: FileStateStore;
  const ref = { project: "cairn-live", stack: `scale-${runId}` };
  const config = { "aws:region": region };
  const resourceId = `endpoint/${prefix}-ranker/variant/main`;
  const dimension = "sagemaker:variant:DesiredInstanceCount";
  const program = (maxCapacity: number, targetValue: number, policyName: string, adopt = false) => async () => {
    const target = new aws.appautoscaling.Target("ranker", { serviceNamespace: "sagemaker", resourceId, scalableDimension: dimension, minCapacity: 1, maxCapacity });
    new aws.appautoscaling.Policy("invocations", {
      name: policyName,
      serviceNamespace: target.serviceNamespace,
      resourceId: target.resourceId,
      scalableDimension: target.scalableDimension,
      targetTrackingScalingPolicyConfiguration: { targetValue, predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" } },
    });
    if (adopt) {
      new aws.appautoscaling.Target("adopted", { serviceNamespace: "sagemaker", resourceId: `${resourceId}-x`, scalableDimension: dimension, minCapacity: 1, maxCapacity: 2 }, { import: `sagemaker/${resourceId}-x/${dimension}` });
    }
    return {};
  };
  const stackFor = (p: () => Promise<Record<string, never>>) => {
    const stack = new Stack({ ...ref, program: p, store, config, projectDir: dir });
    return { up: () => stack.up({ onEvent: trace }), refresh: () => stack.refresh({ onEvent: trace }), destroy: () => stack.destroy({ onEvent: trace }) };
  };
  const report = (label: string, result: UpdateResult) => console.log(`scaling ${label}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)}s ${JSON.stringify(result.counts)}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-live-scale-"));
    store = new FileStateStore(join(dir, ".cairn"));
    await Stack.create(store, ref);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test("a scalable target and its policy: up, no-op, update, replace, refresh, import, destroy", async () => {
    expect((await stackFor(program(4, 200, `${prefix}-a`)).up()).counts.create).toBe(2);
    const noop = await stackFor(program(4, 200, `${prefix}-a`)).up();
    report("no-op", noop);
    expect(changed(noop)).toEqual([]);
    const update = await stackFor(program(6, 300, `${prefix}-a`)).up();
    report("update", update);
    expect(update.counts).toMatchObject({ update: 2, replace: 0 });
    const replace = await stackFor(program(6, 300, `${prefix}-b`)).up();
    report("replace", replace);
    expect(changed(replace)).toEqual(["replace aws:appautoscaling/Policy invocations"]);
    const sdk = new ApplicationAutoScalingClient({ region });
    if (gaps.has("ListTagsForResource")) {
      console.log("tolerated emulator gap (CAIRN_LIVE_EMULATOR_GAPS=ListTagsForResource): the target's refresh and import read its tags, so they are covered by mocks only");
    } else {
      await sdk.send(new RegisterScalableTargetCommand({ ServiceNamespace: "sagemaker", ResourceId: resourceId, ScalableDimension: dimension, MinCapacity: 1, MaxCapacity: 9 }));
      const refreshed = await stackFor(program(6, 300, `${prefix}-b`)).refresh();
      expect(refreshed.drift.map((d) => `${d.type} ${d.properties.join(",")}`)).toEqual(["aws:appautoscaling/Target maxCapacity"]);
      await sdk.send(new RegisterScalableTargetCommand({ ServiceNamespace: "sagemaker", ResourceId: `${resourceId}-x`, ScalableDimension: dimension, MinCapacity: 1, MaxCapacity: 2 }));
      const adopted = await stackFor(program(6, 300, `${prefix}-b`, true)).up();
      expect(adopted.counts.import).toBe(1);
    }
    const destroyed = await stackFor(program(6, 300, `${prefix}-b`)).destroy();
    report("destroy", destroyed);
    expect(destroyed.failures).toEqual([]);
    const left = await sdk.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "sagemaker", ResourceIds: [resourceId, `${resourceId}-x`] }));
    sdk.destroy();
    expect(left.ScalableTargets ?? []).toEqual([]);
  }, 10 * MINUTES);
});
