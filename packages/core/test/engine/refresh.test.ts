import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness, nameOf } from "../helpers/harness.js";

describe("refresh", () => {
  async function deployed() {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => {
      new cloud.Thing("kept", { size: 1 });
      new cloud.Thing("edited", { size: 1 });
      new cloud.Thing("vanished", { size: 1 });
    };
    await h.stack(program).up();
    // Someone changes the cloud behind Cairn's back.
    cloud.objects.get("edited-1")!.inputs = { size: 5 };
    cloud.objects.delete("vanished-1");
    return { cloud, h, program };
  }

  test("refresh with previewOnly reports drift without changing state", async () => {
    const { h, program } = await deployed();
    const before = await h.stack(program).readState();
    const result = await h.stack(program).refresh({ previewOnly: true });
    expect(result.drift).toEqual([
      { urn: "urn:cairn:dev::proj::fake:index/Thing::edited", type: "fake:index/Thing", kind: "changed", properties: ["size"], changes: [{ property: "size", before: 1, after: 5 }] },
      { urn: "urn:cairn:dev::proj::fake:index/Thing::vanished", type: "fake:index/Thing", kind: "deleted", properties: [] },
    ]);
    expect(result.written).toBe(false);
    expect(await h.stack(program).readState()).toEqual(before);
  });

  test("refresh accepts what the cloud says; the next up puts the program's wishes back", async () => {
    const { cloud, h, program } = await deployed();
    const result = await h.stack(program).refresh();
    expect(result.written).toBe(true);
    const state = (await h.stack(program).readState())!;
    expect(state.resources.map((r) => nameOf(r.urn))).toEqual(["kept", "edited"]);
    expect(state.resources[1]!.inputs).toEqual({ size: 5 });
    const up = await h.stack(program).up();
    expect(up.plan.steps.map((s) => `${s.op} ${nameOf(s.urn)}`)).toEqual(["same kept", "update edited", "create vanished"]);
    expect(cloud.objects.get("edited-1")!.inputs).toEqual({ size: 1 });
    expect(cloud.names()).toEqual(["edited", "kept", "vanished"]);
  });

  test("up with refresh plans against the refreshed state", async () => {
    const { h, program } = await deployed();
    const up = await h.stack(program).up({ refresh: true });
    expect(up.plan.steps.map((s) => `${s.op} ${nameOf(s.urn)}`)).toEqual(["same kept", "update edited", "create vanished"]);
  });

  test("a refresh that cannot read a resource reports it and fails without losing the others", async () => {
    const { cloud, h, program } = await deployed();
    cloud.behaviour.fail = (op, name) => (op === "read" && name === "kept" ? new Error("AccessDenied on read") : undefined);
    const result = await h.stack(program).refresh();
    expect(result.status).toBe("failed");
    expect(result.failures).toEqual([{ urn: "urn:cairn:dev::proj::fake:index/Thing::kept", op: "refresh", message: "AccessDenied on read" }]);
    expect(result.drift.map((d) => nameOf(d.urn))).toEqual(["edited", "vanished"]);
  });
});
