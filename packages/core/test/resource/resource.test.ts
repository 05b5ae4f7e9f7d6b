import { CairnError, ComponentResource, ProviderResource, Resource } from "@cairn/core";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness, nameOf } from "../helpers/harness.js";

const urnOf = (type: string, name: string, chain: string[] = []): string => `urn:cairn:dev::proj::${[...chain, type].join("$")}::${name}`;

async function caught(run: () => Promise<unknown>): Promise<CairnError> {
  try {
    await run();
  } catch (error) {
    return error as CairnError;
  }
  throw new Error("expected an error");
}

describe("resources", () => {
  test("a child's URN carries its parents' type chain", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const preview = await h
      .stack(() => {
        const outer = new cloud.Group("outer");
        const inner = new cloud.Group("inner", { parent: outer });
        new cloud.Thing("leaf", {}, { parent: inner });
      })
      .preview();
    expect(preview.plan.steps.map((s) => s.urn)).toEqual([
      urnOf("fake:index/Group", "outer"),
      urnOf("fake:index/Group", "inner", ["fake:index/Group"]),
      urnOf("fake:index/Thing", "leaf", ["fake:index/Group", "fake:index/Group"]),
    ]);
    expect(preview.plan.steps[2]!.parent).toBe(urnOf("fake:index/Group", "inner", ["fake:index/Group"]));
  });

  test("inputs' sources, dependsOn and an explicit provider all become dependencies", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const preview = await h
      .stack(() => {
        const a = new cloud.Thing("a");
        const b = new cloud.Thing("b");
        const west = new ProviderResource(cloud.pkg, "west", { region: "us-west-2" });
        new cloud.Thing("c", { fromA: a.out }, { dependsOn: b, provider: west });
      })
      .preview();
    const c = preview.plan.steps.find((s) => nameOf(s.urn) === "c")!;
    expect([...c.dependencies].sort()).toEqual([urnOf("fake:index/Thing", "a"), urnOf("fake:index/Thing", "b"), "urn:cairn:dev::proj::cairn:providers:fake::west"].sort());
    expect(c.provider).toBe("urn:cairn:dev::proj::cairn:providers:fake::west");
  });

  test("depending on a component means waiting for every provider-backed resource inside it", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const preview = await h
      .stack(() => {
        const group = new cloud.Group("net");
        new cloud.Thing("vpc", {}, { parent: group });
        const sub = new cloud.Group("sub", { parent: group });
        new cloud.Thing("subnet", {}, { parent: sub });
        new cloud.Thing("app", {}, { dependsOn: [group] });
      })
      .preview();
    const app = preview.plan.steps.find((s) => nameOf(s.urn) === "app")!;
    expect(app.dependencies.map(nameOf).sort()).toEqual(["subnet", "vpc"]);
  });

  test("children inherit protect and the providers of their component", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const result = await h
      .stack(() => {
        const east = new ProviderResource(cloud.pkg, "east", { region: "us-east-1" });
        const group = new cloud.Group("g", { protect: true, providers: { fake: east } });
        new cloud.Thing("inside", {}, { parent: group });
        new cloud.Thing("unprotected", {}, { parent: group, protect: false });
      })
      .up();
    expect(result.status).toBe("succeeded");
    const state = (await h.stack(() => undefined).readState())!;
    const inside = state.resources.find((r) => nameOf(r.urn) === "inside")!;
    expect(inside.protect).toBe(true);
    expect(inside.provider).toBe("urn:cairn:dev::proj::cairn:providers:fake::east");
    expect(state.resources.find((r) => nameOf(r.urn) === "unprotected")!.protect).toBeUndefined();
  });

  test("an explicit provider is configured from its resource's inputs, the default one from the stack's config", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { config: { "fake:region": "eu-central-1" } });
    await h
      .stack(() => {
        const west = new ProviderResource(cloud.pkg, "west", { region: "us-west-2" });
        new cloud.Thing("t", {}, { provider: west });
        new cloud.Thing("u");
      })
      .up();
    expect(cloud.configured).toContainEqual({ region: "us-west-2" });
    expect(cloud.configured).toContainEqual({ region: "eu-central-1" });
  });

  test("an empty name, a component type without a package, and a bad timeout are rejected with what was expected", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const empty = await caught(() => h.stack(() => void new cloud.Thing("")).preview());
    expect(empty.code).toBe("INVALID_ARGUMENT");
    expect(empty.message).toContain("non-empty string name");
    const badType = await caught(() =>
      h.stack(() => void new (class extends ComponentResource {
        constructor() {
          super("NoPackage", "x");
        }
      })()).preview(),
    );
    expect(badType.message).toContain('"package:module/Type"');
    const badTimeout = await caught(() => h.stack(() => void new cloud.Thing("t", {}, { customTimeouts: { create: "soon" } })).preview());
    expect(badTimeout.message).toContain('customTimeouts.create of "t"');
    expect(badTimeout.message).toContain('"soon"');
  });

  test("an input that cannot be stored (a function, a class instance) is reported by property path", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const error = await caught(() => h.stack(() => void new cloud.Thing("t", { nested: { handler: () => 1 } })).preview());
    expect(error.code).toBe("CHECK_FAILED");
    expect(error.message).toContain("t.nested.handler");
    expect(error.message).toContain("function");
  });

  test("Resource.isResource recognises resources only", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    let seen: boolean[] = [];
    await h
      .stack(() => {
        seen = [Resource.isResource(new cloud.Thing("t")), Resource.isResource({ urn: "urn:x" }), Resource.isResource(undefined)];
      })
      .preview();
    expect(seen).toEqual([true, false, false]);
  });
});
