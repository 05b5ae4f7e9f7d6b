import { CairnError, Config, type Output } from "@cairn/core";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { expectLocation, here, makeHarness, nameOf, type Here } from "../helpers/harness.js";

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("the program scope", () => {
  test("two stacks running in one process at the same time see only their own resources and config", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 3 });
    const dev = await makeHarness(cloud, { stack: "dev", config: { "proj:prefix": "dev" } });
    const prod = await makeHarness(cloud, { stack: "prod", config: { "proj:prefix": "prod" } });
    // Each program yields between registrations so the two interleave.
    const program = (count: number) => async () => {
      const cfg = new Config();
      const outs: Output<string>[] = [];
      for (let i = 0; i < count; i++) {
        await tick(1);
        outs.push(new cloud.Thing(`${cfg.require("prefix")}-${i}`, { seen: cfg.require("prefix") }).out);
      }
      return { first: outs[0] };
    };
    const [devResult, prodResult] = await Promise.all([dev.stack(program(4)).up(), prod.stack(program(6)).up()]);
    expect(devResult.plan.steps.map((s) => nameOf(s.urn))).toEqual(["dev-0", "dev-1", "dev-2", "dev-3"]);
    expect(prodResult.plan.steps.map((s) => nameOf(s.urn))).toEqual(["prod-0", "prod-1", "prod-2", "prod-3", "prod-4", "prod-5"]);
    expect(devResult.plan.steps.every((s) => s.urn.startsWith("urn:cairn:dev::") && s.inputs?.seen === "dev")).toBe(true);
    expect(prodResult.plan.steps.every((s) => s.urn.startsWith("urn:cairn:prod::") && s.inputs?.seen === "prod")).toBe(true);
    expect(devResult.outputs).toEqual({ first: "dev-0-out" });
    expect(prodResult.outputs).toEqual({ first: "prod-0-out" });
    const devState = await dev.stack(() => undefined).readState();
    expect(devState!.resources.map((r) => nameOf(r.urn))).toEqual(["dev-0", "dev-1", "dev-2", "dev-3"]);
  });

  test("a resource created outside a running program is NO_PROGRAM_SCOPE, naming it and where it was made", () => {
    const cloud = new FakeCloud();
    let at!: Here;
    let caught: unknown;
    try {
      (at = here()), new cloud.Thing("stray");
    } catch (error) {
      caught = error;
    }
    expect(CairnError.isCairnError(caught)).toBe(true);
    expect((caught as CairnError).code).toBe("NO_PROGRAM_SCOPE");
    expect((caught as CairnError).message).toContain('"stray"');
    expectLocation((caught as CairnError).message, at);
  });

  test("two resources with one URN are URN_DUPLICATE naming both source locations, and nothing is applied", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    let first!: Here;
    let second!: Here;
    const program = () => {
      new cloud.Thing("unrelated");
      (first = here()), new cloud.Thing("dup", { n: 1 });
      (second = here()), new cloud.Thing("dup", { n: 2 });
    };
    const error: CairnError = await h.stack(program).up().then(
      () => {
        throw new Error("expected URN_DUPLICATE");
      },
      (e: CairnError) => e,
    );
    expect(error.code).toBe("URN_DUPLICATE");
    expect(error.urn).toBe("urn:cairn:dev::proj::fake:index/Thing::dup");
    expectLocation(error.message.split("another at")[0]!, first);
    expectLocation(error.message.split("another at")[1]!, second);
    expect(cloud.calls).toEqual([]);
  });

  test("the same name under two different parents is two resources, not a duplicate", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => {
      const a = new cloud.Group("a");
      new cloud.Thing("bucket", {}, { parent: a });
      new cloud.Thing("bucket");
    };
    const preview = await h.stack(program).preview();
    expect(preview.plan.steps.map((s) => s.urn)).toEqual([
      "urn:cairn:dev::proj::fake:index/Group::a",
      "urn:cairn:dev::proj::fake:index/Group$fake:index/Thing::bucket",
      "urn:cairn:dev::proj::fake:index/Thing::bucket",
    ]);
  });
});
