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
