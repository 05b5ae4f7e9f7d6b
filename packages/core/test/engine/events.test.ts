import { Config } from "@cairn/core";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { EventLog, makeHarness } from "../helpers/harness.js";

describe("events for the display", () => {
  const chain = (cloud: FakeCloud, size: number) => () => {
    const a = new cloud.Thing("a", { size });
    new cloud.Thing("b", { from: a.out });
  };

  test("an up emits the start, the plan, each step's start and end in dependency order, then the end", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 2 });
    const h = await makeHarness(cloud);
    const log = new EventLog();
    await h.stack(chain(cloud, 1)).up({ onEvent: log.sink });
    expect(log.lines()).toEqual([
      "operation-start up",
      "plan",
      "step-start create a",
      "step-done create a",
      "step-start create b",
      "step-done create b",
      "operation-end up",
    ]);
    expect(log.ofType("operation-end")[0]).toMatchObject({ status: "succeeded" });
    expect(log.ofType("step-start")[0]).toMatchObject({ resourceType: "fake:index/Thing" });
    expect(log.ofType("plan")[0]!.plan.steps).toHaveLength(2);
  });

  test("an update's done event names the changed properties; unchanged resources emit no step events", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(chain(cloud, 1)).up();
    const log = new EventLog();
    await h
      .stack(() => {
        new cloud.Thing("a", { size: 1 });
        new cloud.Thing("c", { size: 1 });
      })
      .up({ onEvent: log.sink });
    const lines = log.lines();
    // The create and the delete are independent, so they may interleave either way.
    expect([lines[0], lines[1], lines[lines.length - 1]]).toEqual(["operation-start up", "plan", "operation-end up"]);
    expect(lines.slice(2, -1).sort()).toEqual(["step-done create c", "step-done delete b", "step-start create c", "step-start delete b"]);
    expect(lines.indexOf("step-start create c")).toBeLessThan(lines.indexOf("step-done create c"));
    const log2 = new EventLog();
    await h
      .stack(() => {
        new cloud.Thing("a", { size: 2 });
        new cloud.Thing("c", { size: 1 });
      })
      .up({ onEvent: log2.sink });
    expect(log2.ofType("step-done")).toEqual([expect.objectContaining({ op: "update", changes: ["size"] })]);
  });

  test("a failure emits step-failed for the root cause and step-skipped for its dependents; the end says failed", async () => {
    const cloud = new FakeCloud({ fail: (op, name) => (op === "create" && name === "a" ? new Error("quota exceeded") : undefined) });
    const h = await makeHarness(cloud);
    const log = new EventLog();
    await h.stack(chain(cloud, 1)).up({ onEvent: log.sink });
    expect(log.lines()).toEqual(["operation-start up", "plan", "step-start create a", "step-failed create a", "step-skipped create b", "operation-end up"]);
    expect(log.ofType("step-failed")[0]!.message).toBe("quota exceeded");
    expect(log.ofType("operation-end")[0]!.status).toBe("failed");
  });

  test("a program's warnings reach the display as diagnostics", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { config: { "proj:token": { value: "t", secret: true } } });
    const log = new EventLog();
    await h.stack(() => void new Config().get("token")).preview({ onEvent: log.sink });
    expect(log.lines()).toEqual(["operation-start preview", "diagnostic", "plan", "operation-end preview"]);
    expect(log.ofType("diagnostic")[0]).toMatchObject({ severity: "warning" });
  });

  test("an operation that fails before planning still ends with operation-end failed", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const log = new EventLog();
    await expect(h.stack(() => void new Config().require("missing")).up({ onEvent: log.sink })).rejects.toMatchObject({ code: "CONFIG_MISSING" });
    expect(log.lines()).toEqual(["operation-start up", "operation-end up"]);
    expect(log.ofType("operation-end")[0]!.status).toBe("failed");
  });

  test("an event sink that throws does not break the operation", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const result = await h.stack(chain(cloud, 1)).up({
      onEvent: () => {
        throw new Error("display crashed");
      },
    });
    expect(result.status).toBe("succeeded");
  });
});
