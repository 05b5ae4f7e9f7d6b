import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

describe("apply() on values known only after deployment", () => {
  test("a callback nothing uses still runs once the value is known", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const seen: string[] = [];
    const result = await h
      .stack(() => {
        const a = new cloud.Thing("a");
        a.out.apply((value) => void seen.push(value));
      })
      .up();
    expect(result.status).toBe("succeeded");
    expect(seen).toEqual(["a-out"]);
  });

  test("a resource created inside such a callback fails the update with GRAPH_FROZEN, naming it", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const result = await h
      .stack(() => {
        const a = new cloud.Thing("a");
        a.out.apply(() => new cloud.Thing("late"));
      })
      .up();
    expect(result.status).toBe("failed");
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]!.code).toBe("GRAPH_FROZEN");
    expect(result.failures[0]!.message).toMatch(/"late".*applies\.test\.ts:\d+/s);
    expect(cloud.calls.filter((call) => call.op === "create").map((call) => call.name)).toEqual(["a"]);
  });
});

describe("a program that fails", () => {
  test("does not stop destroy: a warning says so and the package's resources are deleted", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("kept")).up();
    const warnings: string[] = [];
    const result = await h
      .stack(() => {
        throw new Error("a typo in the program");
      })
      .destroy({ onEvent: (event) => event.type === "diagnostic" && warnings.push(event.message) });
    expect(result.status).toBe("succeeded");
    expect(result.counts.delete).toBe(1);
    expect(cloud.names()).toEqual([]);
    expect(warnings.join("\n")).toContain("a typo in the program");
  });

  test("stops up with the program's error, before anything changes", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await expect(
      h
        .stack(() => {
          throw new Error("a typo in the program");
        })
        .up(),
    ).rejects.toMatchObject({ code: "PROGRAM_ERROR" });
    expect(cloud.calls).toEqual([]);
  });
});

describe("a resource created inside apply() on a value the plan already knows", () => {
  const program = (cloud: FakeCloud) => () => {
    const a = new cloud.Thing("a");
    a.out.apply((value) => new cloud.Thing(`late-${value}`));
    new cloud.Thing("b");
  };

  test("preview fails with GRAPH_FROZEN naming the resource and its line, as up would", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("a")).up();
    await expect(h.stack(program(cloud)).preview()).rejects.toMatchObject({
      code: "GRAPH_FROZEN",
      message: expect.stringMatching(/"late-a-out".*applies\.test\.ts:\d+/s),
    });
  });

  test("up refuses with the same code before any cloud call", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("a")).up();
    const before = cloud.calls.length;
    await expect(h.stack(program(cloud)).up()).rejects.toMatchObject({ code: "GRAPH_FROZEN" });
    expect(cloud.calls.slice(before).filter((call) => call.op !== "read")).toEqual([]);
    expect(cloud.names()).toEqual(["a"]);
  });

  test("validate reports it too", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("a")).up();
    await expect(h.stack(program(cloud)).validate()).rejects.toMatchObject({ code: "GRAPH_FROZEN" });
  });

  test("a callback that creates nothing still runs in preview, on the known value only", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("a")).up();
    const seen: string[] = [];
    const result = await h
      .stack(() => {
        const a = new cloud.Thing("a");
        a.out.apply((value) => void seen.push(value));
        new cloud.Thing("fresh").out.apply((value) => void seen.push(value));
      })
      .preview();
    expect(result.counts.create).toBe(1);
    expect(seen).toEqual(["a-out"]);
  });
});
