import { ComponentResource, secret } from "@cairn/core";
import { createPassphraseSecrets, isSecretValue, type Plan } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness, nameOf } from "../helpers/harness.js";

const urnOf = (name: string): string => `urn:cairn:dev::proj::fake:index/Thing::${name}`;

describe("the Stack API", () => {
  test("up returns a structured result: status, plan, counts, outputs and timing", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const result = await h
      .stack(() => {
        const a = new cloud.Thing("a", { size: 1 });
        return { aOut: a.out, aId: a.id, nested: { list: [a.out, 1] } };
      })
      .up();
    expect(result).toMatchObject({
      status: "succeeded",
      counts: { create: 1, update: 0, replace: 0, delete: 0, import: 0, same: 0 },
      failures: [],
      skipped: [],
      pending: [],
      outputs: { aId: "a-1", aOut: "a-out", nested: { list: ["a-out", 1] } },
      diagnostics: [],
    });
    expect(result.plan.steps).toHaveLength(1);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(await h.stack(() => undefined).outputs()).toEqual(result.outputs);
  });

  test("a secret stack output stays secret in the result and in state", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets: createPassphraseSecrets("stack-tests") });
    const result = await h.stack(() => ({ token: secret("s3cr3t") })).up();
    expect(isSecretValue(result.outputs.token)).toBe(true);
    expect(isSecretValue((await h.stack(() => undefined).outputs()).token)).toBe(true);
  });

  test("confirm sees the plan first; declining it changes nothing", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    let shown: Plan | undefined;
    const result = await h.stack(() => void new cloud.Thing("a")).up({ confirm: (plan) => ((shown = plan), false) });
    expect(shown!.steps.map((s) => s.op)).toEqual(["create"]);
    expect(result.status).toBe("cancelled");
    expect(cloud.calls).toEqual([]);
    expect((await h.stack(() => undefined).readState())!.serial).toBe(0);
  });

  test("destroy deletes everything and clears the stack outputs", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => ({ out: new cloud.Thing("a").out });
    await h.stack(program).up();
    const result = await h.stack(program).destroy();
    expect(result.counts.delete).toBe(1);
    expect(result.outputs).toEqual({});
    const state = (await h.stack(program).readState())!;
    expect(state.resources).toEqual([]);
    expect(state.outputs).toEqual({});
    expect(cloud.names()).toEqual([]);
  });

  test("a component's registered outputs are recorded in state", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        const group = new cloud.Group("registry");
        const bucket = new cloud.Thing("models", {}, { parent: group });
        group.finish({ bucketOut: bucket.out, constant: 3 });
      })
      .up();
    const state = (await h.stack(() => undefined).readState())!;
    expect(state.resources.find((r) => r.kind === "component")!.outputs).toEqual({ bucketOut: "models-out", constant: 3 });
  });

  test("up with targets changes only the targets and what they depend on", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = (size: number) => () => {
      const a = new cloud.Thing("a", { size });
      new cloud.Thing("b", { size, from: a.out });
      new cloud.Thing("c", { size });
    };
    await h.stack(program(1)).up();
    const result = await h.stack(program(2)).up({ targets: [urnOf("b")] });
    expect(result.counts).toMatchObject({ update: 2, same: 1 });
    expect(cloud.callsOf("update").map((c) => c.name).sort()).toEqual(["a", "b"]);
    expect(cloud.objects.get("c-1")!.inputs).toEqual({ size: 1 });
  });

  test("up with replace replaces the named resource though nothing changed", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => void new cloud.Thing("a", { size: 1 });
    await h.stack(program).up();
    const result = await h.stack(program).up({ replace: [urnOf("a")] });
    expect(result.counts.replace).toBe(1);
    expect(cloud.names()).toEqual(["a"]);
    expect([...cloud.objects.keys()]).toEqual(["a-2"]);
  });

  test("an alias renames a resource in state without touching the cloud", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("old", { size: 1 })).up();
    const calls = cloud.calls.length;
    const result = await h.stack(() => void new cloud.Thing("new", { size: 1 }, { aliases: [{ name: "old" }] })).up();
    expect(result.status).toBe("succeeded");
    expect(cloud.calls.length).toBe(calls);
    const state = (await h.stack(() => undefined).readState())!;
    expect(state.resources.map((r) => [nameOf(r.urn), r.id])).toEqual([["new", "old-1"]]);
  });

  test("the import option adopts an existing cloud resource; an id that does not exist fails naming it", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    // A resource someone made by hand, which the program adopts.
    cloud.objects.set("hand-made-1", { id: "hand-made-1", name: "hand-made", type: "fake:index/Thing", inputs: { size: 4 }, token: "x" });
    const adopted = await h.stack(() => void new cloud.Thing("adopted", { size: 4 }, { import: "hand-made-1" })).up();
    expect(adopted.counts.import).toBe(1);
    expect(cloud.callsOf("create", "adopted")).toEqual([]);
    const record = (await h.stack(() => undefined).readState())!.resources[0]!;
    expect(record).toMatchObject({ id: "hand-made-1", importId: "hand-made-1", inputs: { size: 4 } });
    const missing = await h.stack(() => void new cloud.Thing("ghost", {}, { import: "no-such-id" })).up();
    expect(missing.failures[0]).toMatchObject({ code: "RESOURCE_NOT_FOUND", op: "import" });
    expect(missing.failures[0]!.message).toContain('"no-such-id"');
  });

  test("deleteResource forgets a resource without touching the cloud, refusing while others depend on it", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        const a = new cloud.Thing("a");
        new cloud.Thing("b", { from: a.out });
      })
      .up();
    const stack = h.stack(() => undefined);
    await expect(stack.deleteResource(urnOf("a"))).rejects.toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringContaining(urnOf("b")) });
    await expect(stack.deleteResource(urnOf("nope"))).rejects.toMatchObject({ code: "RESOURCE_NOT_FOUND" });
    await stack.deleteResource(urnOf("b"));
    await stack.deleteResource(urnOf("a"));
    expect((await stack.readState())!.resources).toEqual([]);
    expect(cloud.names()).toEqual(["a", "b"]);
  });

  test("unprotect clears the flag in state so the resource can be deleted", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("guarded", {}, { protect: true })).up();
    await expect(h.stack(() => undefined).destroy()).rejects.toMatchObject({ code: "PROTECTED" });
    await h.stack(() => undefined).unprotect(urnOf("guarded"));
    expect((await h.stack(() => undefined).destroy()).counts.delete).toBe(1);
  });

  test("dropping protect from a component in the program unprotects it on the next up, so destroy can go on", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = (protect: boolean) => () => {
      const group = new ComponentResource("acme:index/Group", "group", {}, { protect });
      new cloud.Thing("member", {}, { parent: group });
    };
    await h.stack(program(true)).up();
    await expect(h.stack(program(true)).destroy()).rejects.toMatchObject({ code: "PROTECTED" });
    const unprotected = await h.stack(program(false)).up();
    expect(unprotected.counts).toMatchObject({ create: 0, update: 0, delete: 0 });
    const group = (await h.stack(() => undefined).readState())!.resources.find((r) => r.type === "acme:index/Group");
    expect(group?.protect).toBeUndefined();
    expect((await h.stack(program(false)).destroy()).counts.delete).toBe(2);
    expect(cloud.names()).toEqual([]);
  });
});
