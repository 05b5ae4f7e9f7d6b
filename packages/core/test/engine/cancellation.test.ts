import { createCancellation, type Cancellation } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { EventLog, makeHarness, nameOf, type Harness } from "../helpers/harness.js";

const IDEMPOTENT = "fake:index/Idempotent";

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Three slow roots, each with a child that needs it. */
const rootsAndChildren = (cloud: FakeCloud, type?: string) => () => {
  for (let i = 0; i < 3; i++) {
    const root = new cloud.Thing(`root-${i}`, {}, {}, type);
    new cloud.Thing(`child-${i}`, { from: root.out });
  }
};

async function startThenCancel(h: Harness, cloud: FakeCloud, times: 1 | 2, log = new EventLog()) {
  const cancellation: Cancellation = createCancellation();
  const running = h.stack(rootsAndChildren(cloud, IDEMPOTENT)).up({ signal: cancellation.signal, abortSignal: cancellation.abortSignal, onEvent: log.sink });
  await waitFor(() => cloud.callsOf("create").length === 3, "the roots to start");
  const stages = [cancellation.cancel()];
  if (times === 2) stages.push(cancellation.cancel());
  const result = await running;
  // Which of the cloud's calls were still running when the operation returned.
  const stillRunning = cloud.callsOf("create").filter((call) => call.end === undefined).map((call) => call.name);
  return { result, stages, stillRunning };
}

describe("cancellation", () => {
  test("the first cancel stops scheduling; calls in flight finish and are recorded", async () => {
    const cloud = new FakeCloud({ latencyMs: (_op, name) => (name.startsWith("root") ? 60 : 5), schemas: { [IDEMPOTENT]: { idempotentCreate: true } } });
    const h = await makeHarness(cloud);
    const { result, stages } = await startThenCancel(h, cloud, 1);
    expect(stages).toEqual(["stopping"]);
    expect(result.status).toBe("cancelled");
    expect(result.counts.create).toBe(3);
    expect(result.skipped.map(nameOf).sort()).toEqual(["child-0", "child-1", "child-2"]);
    expect(result.pending).toEqual([]);
    expect(cloud.callsOf("create").map((c) => c.name).sort()).toEqual(["root-0", "root-1", "root-2"]);
    expect(cloud.callsOf("create").every((c) => c.outcome === "ok")).toBe(true);
    const state = (await h.stack(() => undefined).readState())!;
    expect(state.resources.map((r) => [nameOf(r.urn), r.id, r.pending])).toEqual([
      ["root-0", "root-0-1", undefined],
      ["root-1", "root-1-1", undefined],
      ["root-2", "root-2-1", undefined],
    ]);
    const rest = await h.stack(rootsAndChildren(cloud, IDEMPOTENT)).up();
    expect(rest.counts).toMatchObject({ create: 3, same: 3 });
  });

  test("the second cancel abandons calls in flight; they stay pending, and the next run finishes them without duplicates", async () => {
    const cloud = new FakeCloud({ latencyMs: (_op, name) => (name.startsWith("root") ? 150 : 2), schemas: { [IDEMPOTENT]: { idempotentCreate: true } } });
    const h = await makeHarness(cloud);
    const { result, stages, stillRunning } = await startThenCancel(h, cloud, 2);
    expect(stages).toEqual(["stopping", "aborting"]);
    expect(result.status).toBe("cancelled");
    expect(stillRunning.sort()).toEqual(["root-0", "root-1", "root-2"]);
    expect(result.pending.map(nameOf).sort()).toEqual(["root-0", "root-1", "root-2"]);
    const state = (await h.stack(() => undefined).readState())!;
    const tokens = new Map(cloud.callsOf("create").map((c) => [c.name, c.token]));
    for (const record of state.resources) {
      expect(record.id).toBeUndefined();
      expect(record.pending).toMatchObject({ op: "create", token: tokens.get(nameOf(record.urn)) });
    }
    // The cloud finished the abandoned creates anyway, as real clouds do.
    await cloud.onIdle();
    expect(cloud.names()).toEqual(["root-0", "root-1", "root-2"]);

    const log = new EventLog();
    const next = await h.stack(rootsAndChildren(cloud, IDEMPOTENT)).up({ onEvent: log.sink });
    expect(next.status).toBe("succeeded");
    const notes = log.ofType("diagnostic");
    for (let i = 0; i < 3; i++) {
      expect(notes.some((n) => (n.urn ?? "").endsWith(`::root-${i}`) && n.message.includes("A create was interrupted") && n.message.includes("same idempotency token"))).toBe(true);
    }
    expect(cloud.callsOf("create").filter((c) => c.reused).map((c) => c.name).sort()).toEqual(["root-0", "root-1", "root-2"]);
    expect(cloud.names()).toEqual(["child-0", "child-1", "child-2", "root-0", "root-1", "root-2"]);
    const after = (await h.stack(() => undefined).readState())!;
    expect(after.resources.filter((r) => r.pending !== undefined)).toEqual([]);
    expect(after.resources.find((r) => nameOf(r.urn) === "root-0")!.id).toBe("root-0-1");
  });

  test("an abandoned delete is reconciled by reading the resource back: gone means removed from state", async () => {
    const cloud = new FakeCloud({ latencyMs: (op) => (op === "delete" ? 60 : 2) });
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("doomed")).up();
    const cancellation = createCancellation();
    const running = h.stack(() => undefined).destroy({ signal: cancellation.signal, abortSignal: cancellation.abortSignal });
    await waitFor(() => cloud.callsOf("delete").length === 1, "the delete to start");
    cancellation.cancel();
    cancellation.cancel();
    const result = await running;
    expect(result.pending.map(nameOf)).toEqual(["doomed"]);
    expect((await h.stack(() => undefined).readState())!.resources[0]!.pending?.op).toBe("delete");
    await cloud.onIdle();
    const log = new EventLog();
    const next = await h.stack(() => undefined).destroy({ onEvent: log.sink });
    expect(next.status).toBe("succeeded");
    expect(log.ofType("diagnostic").map((d) => d.message).join("\n")).toContain("left nothing behind in the cloud");
    expect((await h.stack(() => undefined).readState())!.resources).toEqual([]);
  });

  test("an abandoned update is reconciled by reading the resource back, then applied again if still needed", async () => {
    const cloud = new FakeCloud({ latencyMs: (op) => (op === "update" ? 60 : 2) });
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("server", { size: 1 })).up();
    const cancellation = createCancellation();
    const running = h.stack(() => void new cloud.Thing("server", { size: 2 })).up({ signal: cancellation.signal, abortSignal: cancellation.abortSignal });
    await waitFor(() => cloud.callsOf("update").length === 1, "the update to start");
    cancellation.cancel();
    cancellation.cancel();
    expect((await running).pending.map(nameOf)).toEqual(["server"]);
    expect((await h.stack(() => undefined).readState())!.resources[0]!.pending?.op).toBe("update");
    await cloud.onIdle();
    const log = new EventLog();
    const next = await h.stack(() => void new cloud.Thing("server", { size: 2 })).up({ onEvent: log.sink });
    expect(next.status).toBe("succeeded");
    expect(log.ofType("diagnostic").map((d) => d.message).join("\n")).toContain("reconciled by reading the resource back");
    const record = (await h.stack(() => undefined).readState())!.resources[0]!;
    expect(record).toMatchObject({ id: "server-1", inputs: { size: 2 } });
    expect(record.pending).toBeUndefined();
    expect(cloud.objects.get("server-1")!.inputs).toEqual({ size: 2 });
  });

  test("cancelling before anything starts applies nothing", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const cancellation = createCancellation();
    cancellation.cancel();
    const result = await h.stack(rootsAndChildren(cloud)).up({ signal: cancellation.signal });
    expect(result.status).toBe("cancelled");
    expect(result.skipped).toHaveLength(6);
    expect(cloud.calls).toEqual([]);
  });
});
