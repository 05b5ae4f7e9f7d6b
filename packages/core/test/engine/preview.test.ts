import { CairnError } from "@cairn/core";
import { invoke, isUnknown } from "@cairn/core/provider";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness, nameOf } from "../helpers/harness.js";

async function failure(run: () => Promise<unknown>): Promise<CairnError> {
  try {
    await run();
  } catch (error) {
    return error as CairnError;
  }
  throw new Error("expected a failure");
}

describe("planning", () => {
  test("in preview, outputs of resources still to be created are (known after apply), in the plan and the stack outputs", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const preview = await h
      .stack(() => {
        const a = new cloud.Thing("a", { size: 1 });
        const b = new cloud.Thing("b", { fromA: a.out, literal: "x" });
        return { aOut: a.out, bId: b.id, constant: "c" };
      })
      .preview();
    const b = preview.plan.steps.find((s) => nameOf(s.urn) === "b")!;
    expect(isUnknown(b.inputs!.fromA)).toBe(true);
    expect(JSON.stringify(b.inputs)).toBe('{"fromA":"(known after apply)","literal":"x"}');
    expect(isUnknown(preview.outputs.aOut)).toBe(true);
    expect(isUnknown(preview.outputs.bId)).toBe(true);
    expect(preview.outputs.constant).toBe("c");
    expect(cloud.calls).toEqual([]);
  });

  test("in preview, outputs of unchanged resources are their recorded values", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => {
      const a = new cloud.Thing("a", { size: 1 });
      return { aOut: a.out, aId: a.id };
    };
    await h.stack(program).up();
    const preview = await h.stack(program).preview();
    expect(preview.outputs).toEqual({ aId: "a-1", aOut: "a-out" });
    expect(preview.counts.same).toBe(1);
  });

  test("a dependency cycle is PLAN_CYCLE, printed by resource names in order; nothing is applied", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const error = await failure(() =>
      h
        .stack(() => {
          const group = new cloud.Group("group");
          const dependent = new cloud.Thing("dependent", {}, { dependsOn: group });
          new cloud.Thing("child", { fromDependent: dependent.out }, { parent: group });
        })
        .up(),
    );
    expect(error.code).toBe("PLAN_CYCLE");
    expect(error.message).toContain("dependent -> child -> dependent");
    expect(cloud.calls).toEqual([]);
    const state = await h.stack(() => undefined).readState();
    expect(state!.resources).toEqual([]);
  });

  test("CHECK_FAILED lists every invalid property of every resource, with its source, before any create", async () => {
    const cloud = new FakeCloud({
      check: (_type, inputs) => [
        ...(typeof inputs.size === "number" && inputs.size > 10 ? [{ property: "size", reason: `must be at most 10, got ${inputs.size}` }] : []),
        ...(inputs.name === undefined ? [{ property: "name", reason: "is required" }] : []),
      ],
    });
    const h = await makeHarness(cloud);
    const error = await failure(() =>
      h
        .stack(() => {
          new cloud.Thing("valid", { name: "v", size: 1 });
          new cloud.Thing("too-big", { name: "t", size: 99 });
          new cloud.Thing("nameless", { size: 50 });
        })
        .up(),
    );
    expect(error.code).toBe("CHECK_FAILED");
    const lines = error.message.split("\n").slice(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('too-big (fake:index/Thing) property "size": must be at most 10, got 99');
    expect(lines[1]).toContain('nameless (fake:index/Thing) property "size": must be at most 10, got 50');
    expect(lines[2]).toContain('nameless (fake:index/Thing) property "name": is required');
    for (const line of lines) expect(line).toContain("preview.test.ts:");
    expect(cloud.callsOf("create")).toEqual([]);
  });

  test("Stack.validate returns every check failure without calling the cloud", async () => {
    const cloud = new FakeCloud({ check: (_type, inputs) => (inputs.ok === true ? [] : [{ property: "ok", reason: "must be true" }]) });
    const h = await makeHarness(cloud);
    const failures = await h
      .stack(() => {
        new cloud.Thing("one", { ok: false });
        new cloud.Thing("two", { ok: true });
        new cloud.Thing("three", {});
      })
      .validate();
    expect(failures.map((f) => f.message.split(" [")[0])).toEqual(['one (fake:index/Thing) property "ok": must be true', 'three (fake:index/Thing) property "ok": must be true']);
    expect(cloud.calls).toEqual([]);
  });

  test("a data source runs while the program runs, in preview too, through the package's provider", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const preview = await h
      .stack(async () => {
        const vpc = await invoke(cloud.pkg, "fake:index/getVpc", { id: "vpc-1" });
        new cloud.Thing("subnet", { vpc: vpc.id ?? null });
      })
      .preview();
    expect(cloud.invocations).toEqual(["fake:index/getVpc"]);
    expect(preview.plan.steps[0]!.inputs).toEqual({ vpc: "vpc-1" });
  });

  test("--target naming nothing known is RESOURCE_NOT_FOUND", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const error = await failure(() => h.stack(() => void new cloud.Thing("a")).preview({ targets: ["urn:cairn:dev::proj::fake:index/Thing::typo"] }));
    expect(error.code).toBe("RESOURCE_NOT_FOUND");
    expect(error.message).toContain("typo");
  });

  test("--target and --replace also take a resource's name, when exactly one resource has it", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => {
      const a = new cloud.Thing("a");
      new cloud.Thing("b", { from: a.out });
      new cloud.Thing("c");
    };
    await h.stack(program).up();
    const preview = await h.stack(program).preview({ replace: ["a"], targets: ["b"] });
    // b takes a new value from the replacement of a, so it updates too; c is left out.
    expect(preview.plan.steps.filter((step) => step.op !== "same").map((step) => [step.op, step.urn.split("::").pop()])).toEqual([
      ["replace", "a"],
      ["update", "b"],
    ]);
    expect(preview.plan.steps.find((step) => step.urn.endsWith("::c"))!.untargeted).toBe(true);
  });

  test("a name that two resources share is refused, listing their URNs", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const error = await failure(() =>
      h.stack(() => {
        new cloud.Thing("twin");
        new cloud.Thing("twin", {}, {}, "fake:index/Other");
      }).preview({ targets: ["twin"] }),
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("fake:index/Thing::twin");
    expect(error.message).toContain("fake:index/Other::twin");
  });

  test("a targeted destroy deletes the target and what depends on it, never what it depends on", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => {
      const base = new cloud.Thing("base");
      const middle = new cloud.Thing("middle", { from: base.out });
      new cloud.Thing("top", { from: middle.out });
      new cloud.Thing("aside");
    };
    await h.stack(program).up();
    const result = await h.stack(program).destroy({ targets: ["middle"] });
    expect(result.counts.delete).toBe(2);
    expect(cloud.names()).toEqual(["aside", "base"]);
  });
});
