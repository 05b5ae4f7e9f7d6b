import { createCancellation, type PendingCreateDecisions } from "@cairn/core/automation";
import { FakeCloud, THING, type FakeBehaviour } from "../helpers/fake-cloud.js";
import { EventLog, makeHarness, nameOf, type Harness } from "../helpers/harness.js";

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Three slow roots, each with a child that needs it. */
const program = (cloud: FakeCloud) => () => {
  for (let i = 0; i < 3; i++) {
    const root = new cloud.Thing(`root-${i}`);
    new cloud.Thing(`child-${i}`, { from: root.out });
  }
};

/** A stack whose three root creates were abandoned mid-call (they finished in the cloud), by a provider without idempotency tokens. */
async function interrupted(behaviour: FakeBehaviour = {}): Promise<{ cloud: FakeCloud; h: Harness }> {
  const cloud = new FakeCloud({ latencyMs: (_op, name) => (name.startsWith("root") ? 60 : 2), ...behaviour });
  const h = await makeHarness(cloud);
  const cancellation = createCancellation();
  const running = h.stack(program(cloud)).up({ signal: cancellation.signal, abortSignal: cancellation.abortSignal });
  await waitFor(() => cloud.callsOf("create").length === 3, "the roots to start");
  cancellation.cancel();
  cancellation.cancel();
  expect((await running).pending).toHaveLength(3);
  await cloud.onIdle();
  expect(cloud.names()).toEqual(["root-0", "root-1", "root-2"]);
  return { cloud, h };
}

const up = (h: Harness, cloud: FakeCloud, pendingCreates?: PendingCreateDecisions, log = new EventLog()) =>
  h.stack(program(cloud)).up({ onEvent: log.sink, ...(pendingCreates === undefined ? {} : { pendingCreates }) });

describe("creates a crash interrupted, when the provider has no idempotency tokens", () => {
  test("up stops before any cloud call and lists them with the choices; nothing is changed", async () => {
    const { cloud, h } = await interrupted({ findByName: true });
    const calls = cloud.calls.length;
    const before = await h.stack(program(cloud)).readState();
    const error = await up(h, cloud).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PENDING_OPERATIONS", message: expect.stringContaining("adopt (look up the object it made and record it), recreate") });
    expect((error as { problems: { urn: string; message: string }[] }).problems.map((p) => [nameOf(p.urn), p.message.replace(/at \S+/, "at T")])).toEqual(
      ["root-0", "root-1", "root-2"].map((name) => [name, "create started at T was interrupted; choose adopt, recreate or forget"]),
    );
    expect(cloud.calls.length).toBe(calls);
    expect(await h.stack(program(cloud)).readState()).toEqual(before);
    await expect(h.stack(program(cloud)).destroy()).rejects.toMatchObject({ code: "PENDING_OPERATIONS" });
    await expect(h.stack(program(cloud)).refresh()).rejects.toMatchObject({ code: "PENDING_OPERATIONS" });
  });

  test("preview shows the same list and labels those creates as waiting for a decision, or as the decision says", async () => {
    const { cloud, h } = await interrupted({ findByName: true });
    const log = new EventLog();
    const preview = await h.stack(program(cloud)).preview({ onEvent: log.sink });
    expect(preview.interruptedCreates?.map((item) => [nameOf(item.urn), item.canAdopt])).toEqual([["root-0", true], ["root-1", true], ["root-2", true]]);
    expect(preview.plan.steps.filter((s) => s.reason !== undefined).map((s) => [nameOf(s.urn), s.reason])).toEqual([
      ["root-0", "interrupted-create"],
      ["root-1", "interrupted-create"],
      ["root-2", "interrupted-create"],
    ]);
    expect(log.ofType("diagnostic").filter((d) => d.message.includes("a crash interrupted"))).toHaveLength(1);
    const decided = await h.stack(program(cloud)).preview({ pendingCreates: { all: "adopt", resources: { "root-2": "recreate" } } });
    expect(decided.plan.steps.filter((s) => s.reason !== undefined).map((s) => [nameOf(s.urn), s.reason])).toEqual([
      ["root-0", "adopt-interrupted"],
      ["root-1", "adopt-interrupted"],
      ["root-2", "recreate-interrupted"],
    ]);
  });

  test("adopt looks each object up and records it: nothing is created twice", async () => {
    const { cloud, h } = await interrupted({ findByName: true });
    const log = new EventLog();
    const result = await up(h, cloud, { all: "adopt" }, log);
    expect(result.status).toBe("succeeded");
    expect(cloud.callsOf("create").map((c) => c.name).sort()).toEqual(["child-0", "child-1", "child-2", "root-0", "root-1", "root-2"]);
    expect(cloud.objects.size).toBe(6);
    expect(log.ofType("diagnostic").filter((d) => d.message.includes("was adopted"))).toHaveLength(3);
    const state = await h.stack(program(cloud)).readState();
    expect(state!.resources.find((r) => nameOf(r.urn) === "root-1")).toMatchObject({ id: "root-1-1" });
  });

  test("decisions per resource: adopt one, create one again, forget one", async () => {
    const { cloud, h } = await interrupted({ findByName: true });
    const result = await up(h, cloud, { resources: { "root-0": "adopt", "urn:cairn:dev::proj::fake:index/Thing::root-1": "recreate", "root-2": "forget" } });
    expect(result.status).toBe("succeeded");
    // Recreated and forgotten ones are created again; the first objects are left in the cloud for the user.
    expect(cloud.names().filter((name) => name.startsWith("root"))).toEqual(["root-0", "root-1", "root-1", "root-2", "root-2"]);
    await expect(up(h, cloud, { resources: { nope: "adopt" } })).rejects.toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringContaining("has no interrupted create") });
  });

  test("adopt for a provider that cannot look objects up needs the object's id", async () => {
    const { cloud, h } = await interrupted();
    await expect(up(h, cloud, { all: "adopt" })).rejects.toMatchObject({ code: "PENDING_OPERATIONS", message: expect.stringContaining("adopt needs the id") });
    const result = await up(h, cloud, { all: "recreate", resources: { "root-0": { adopt: "root-0-1" } } });
    expect(result.status).toBe("succeeded");
    expect(cloud.names().filter((name) => name === "root-0")).toHaveLength(1);
    await expect(up(h, cloud, { all: "adopt" })).resolves.toMatchObject({ status: "succeeded" });
  });

  test("a provider that looks objects up, but not of this type (findsCreated: false), is treated as one that cannot", async () => {
    const { cloud, h } = await interrupted({ findByName: true, schemas: { [THING]: { findsCreated: false } } });
    const calls = cloud.calls.length;
    await expect(up(h, cloud, { all: "adopt" })).rejects.toMatchObject({ code: "PENDING_OPERATIONS", message: expect.stringContaining("adopt needs the id") });
    expect(cloud.calls.length).toBe(calls);
    const preview = await h.stack(program(cloud)).preview();
    expect(preview.interruptedCreates?.map((item) => item.canAdopt)).toEqual([false, false, false]);
  });
});
