import { Config, output, type Output } from "@cairn/core";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { expectLocation, here, makeHarness, nameOf, type Here } from "../helpers/harness.js";

describe("the freeze", () => {
  test("apply on a known config value may create resources: they are registered before the graph freezes", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { config: { "proj:replicas": "3" } });
    const program = () => {
      const replicas = new Config().requireNumber("replicas");
      output(replicas).apply((n) => {
        for (let i = 0; i < n; i++) new cloud.Thing(`replica-${i}`, { index: i });
      });
    };
    const preview = await h.stack(program).preview();
    expect(preview.plan.steps.map((step) => `${step.op} ${nameOf(step.urn)}`)).toEqual(["create replica-0", "create replica-1", "create replica-2"]);
    const result = await h.stack(program).up();
    expect(result.counts.create).toBe(3);
    expect(cloud.names()).toEqual(["replica-0", "replica-1", "replica-2"]);
  });

  test("work the program starts on known values is awaited, including work that starts more work", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => {
      output(Promise.resolve("a")).apply(async (first) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        new cloud.Thing(first);
        output("b").apply((second) => new cloud.Thing(second));
      });
    };
    const preview = await h.stack(program).preview();
    expect(preview.plan.steps.map((step) => nameOf(step.urn)).sort()).toEqual(["a", "b"]);
  });

  test("a program may await before registering (top-level await), and its exports become stack outputs", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const result = await h
      .stack(async () => {
        const prefix = await new Promise<string>((resolve) => setTimeout(() => resolve("ml"), 5));
        const bucket = new cloud.Thing(`${prefix}-bucket`);
        return { bucketOut: bucket.out, fixed: 7, helper: () => 1 };
      })
      .up();
    expect(result.outputs).toEqual({ bucketOut: "ml-bucket-out", fixed: 7 });
  });

  test("a registration after the freeze is GRAPH_FROZEN, naming the resource and its source line", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    let lateAt: Here | undefined;
    const program = () => {
      const a = new cloud.Thing("a");
      const late: Output<number> = a.out.apply(() => {
        (lateAt = here()), new cloud.Thing("late-one");
        return 1;
      });
      new cloud.Thing("c", { n: late });
    };
    const result = await h.stack(program).up();
    expect(result.status).toBe("failed");
    expect(result.failures).toHaveLength(1);
    const failure = result.failures[0]!;
    expect(nameOf(failure.urn)).toBe("c");
    expect(failure.code).toBe("GRAPH_FROZEN");
    expect(failure.message).toContain('"late-one"');
    expectLocation(failure.message, lateAt!);
    expect(cloud.names()).toEqual(["a"]);
  });
});
