import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CairnError, interpolate, secret } from "@cairn/core";
import { canonicalJson, type TypeSchema } from "@cairn/core/provider";
import { createPassphraseSecrets, type Plan, type PreviewOptions, type Program } from "@cairn/core/automation";
import { FakeCloud, THING } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

/**
 * Planner golden tests: each scenario deploys a `before` program, then plans
 * an `after` program against that state, and pins the plan's canonical JSON
 * (what `cairn preview --json` prints) byte for byte.
 *
 * To accept new output after an intended change: CAIRN_UPDATE_GOLDEN=1 npx jest packages/core/test/plan
 */
const GOLDEN_DIR = path.join(__dirname, "golden");
const UPDATE = process.env.CAIRN_UPDATE_GOLDEN === "1";

const ZONED = "fake:index/Zoned";
const STABLE = "fake:index/Stable";
const SCHEMAS: Record<string, TypeSchema> = {
  [ZONED]: { replaceOnChanges: ["zone"] },
  [STABLE]: { stableOutputs: ["out"] },
  // The fake echoes each input as the output of its name; `out` comes from the name alone.
  [THING]: { derivedFrom: { out: [], fromA: ["fromA"], user: ["user"], password: ["password"] } },
};

interface Scenario {
  readonly name: string;
  readonly before?: (cloud: FakeCloud) => Program;
  readonly after: (cloud: FakeCloud) => Program;
  /** Options for the planning run; `destroy` plans a destroy instead of an update. */
  readonly options?: (urn: (name: string, type?: string) => string) => PreviewOptions & { destroy?: boolean };
}

/** One key for every stack of this file: scrypt is slow on purpose. */
const secrets = createPassphraseSecrets("golden-tests");

const urnOf = (name: string, type: string = THING): string => `urn:cairn:dev::proj::${type}::${name}`;

const scenarios: Scenario[] = [
  {
    name: "create",
    after: (c) => () => {
      const web = new c.Group("web");
      const bucket = new c.Thing("bucket", { size: 1 }, { parent: web });
      new c.Thing("policy", { bucket: bucket.out, doc: interpolate`arn:fake:${bucket.out}/*`, fixed: ["a", { b: true }] }, { parent: web });
      new c.Thing("db", { password: secret("hunter2"), user: "admin" });
      new c.Thing("app", { port: 8080 }, { dependsOn: web });
    },
  },
  {
    name: "same",
    before: (c) => () => {
      const a = new c.Thing("a", { size: 1 });
      new c.Thing("b", { fromA: a.out, password: secret("hunter2") });
    },
    after: (c) => () => {
      const a = new c.Thing("a", { size: 1 });
      new c.Thing("b", { fromA: a.out, password: secret("hunter2") });
    },
  },
  {
    name: "update",
    before: (c) => () => {
      const a = new c.Thing("a", { size: 1, name: "x" });
      new c.Thing("reader", { fromA: a.out });
      const s = new c.Thing("stable", { size: 1 }, {}, STABLE);
      new c.Thing("stable-reader", { fromStable: s.out });
    },
    after: (c) => () => {
      const a = new c.Thing("a", { size: 2, name: "x", added: true });
      new c.Thing("reader", { fromA: a.out });
      const s = new c.Thing("stable", { size: 2 }, {}, STABLE);
      new c.Thing("stable-reader", { fromStable: s.out });
    },
  },
  {
    name: "replace-create-before-delete",
    before: (c) => () => {
      const server = new c.Thing("server", { zone: "a", size: 1 }, {}, ZONED);
      new c.Thing("dns", { target: server.out });
    },
    after: (c) => () => {
      const server = new c.Thing("server", { zone: "b", size: 2 }, {}, ZONED);
      new c.Thing("dns", { target: server.out });
    },
  },
  {
    name: "replace-delete-before-replace",
    before: (c) => () => void new c.Thing("server", { zone: "a" }, { deleteBeforeReplace: true }, ZONED),
    after: (c) => () => void new c.Thing("server", { zone: "b" }, { deleteBeforeReplace: true }, ZONED),
  },
  {
    name: "replace-on-changes-option",
    before: (c) => () => void new c.Thing("task", { image: "v1", cpu: 1 }, { replaceOnChanges: ["image"] }),
    after: (c) => () => void new c.Thing("task", { image: "v2", cpu: 2 }, { replaceOnChanges: ["image"] }),
  },
  {
    name: "replace-requested",
    before: (c) => () => {
      new c.Thing("a", { size: 1 });
      new c.Thing("b", { size: 1 });
    },
    after: (c) => () => {
      new c.Thing("a", { size: 1 });
      new c.Thing("b", { size: 1 });
    },
    options: (urn) => ({ replace: [urn("a")] }),
  },
  {
    name: "delete",
    before: (c) => () => {
      const vpc = new c.Thing("vpc", {});
      const subnet = new c.Thing("subnet", { vpc: vpc.out });
      new c.Thing("instance", { subnet: subnet.out });
      new c.Thing("kept", {});
    },
    after: (c) => () => void new c.Thing("kept", {}),
  },
  {
    name: "destroy",
    before: (c) => () => {
      const group = new c.Group("net");
      const vpc = new c.Thing("vpc", {}, { parent: group });
      new c.Thing("subnet", { vpc: vpc.out }, { parent: group });
      new c.Thing("alone", {});
    },
    after: () => () => undefined,
    options: () => ({ destroy: true }),
  },
  {
    name: "import",
    before: (c) => () => void new c.Thing("existing", { size: 1 }),
    after: (c) => () => {
      new c.Thing("existing", { size: 1 });
      new c.Thing("adopted", { size: 3 }, { import: "legacy-7" });
    },
  },
  {
    name: "ignore-changes",
    before: (c) => () => {
      new c.Thing("ignored", { size: 1, tags: { owner: "ana", team: "ml" } }, { ignoreChanges: ["size", "tags.owner"] });
      new c.Thing("partly", { size: 1, tags: { owner: "ana", team: "ml" } }, { ignoreChanges: ["tags.owner"] });
    },
    after: (c) => () => {
      new c.Thing("ignored", { size: 9, tags: { owner: "bo", team: "ml" } }, { ignoreChanges: ["size", "tags.owner"] });
      new c.Thing("partly", { size: 9, tags: { owner: "bo", team: "ml" } }, { ignoreChanges: ["tags.owner"] });
    },
  },
  {
    name: "target",
    before: (c) => () => {
      const a = new c.Thing("a", { size: 1 });
      new c.Thing("b", { size: 1, fromA: a.out });
      new c.Thing("c", { size: 1 });
      new c.Thing("gone", {});
    },
    after: (c) => () => {
      const a = new c.Thing("a", { size: 2 });
      new c.Thing("b", { size: 2, fromA: a.out });
      new c.Thing("c", { size: 2 });
      new c.Thing("new", {});
    },
    options: (urn) => ({ targets: [urn("b")] }),
  },
  {
    name: "alias-rename",
    before: (c) => () => {
      new c.Thing("old-name", { size: 1 });
      new c.Thing("old-changed", { size: 1 });
      new c.Thing("top-level", { size: 1 });
    },
    after: (c) => () => {
      new c.Thing("new-name", { size: 1 }, { aliases: [{ name: "old-name" }] });
      new c.Thing("new-changed", { size: 2 }, { aliases: [urnOf("old-changed")] });
      const group = new c.Group("group");
      new c.Thing("top-level", { size: 1 }, { parent: group, aliases: [{ parent: null }] });
    },
  },
  {
    name: "retain-on-delete",
    before: (c) => () => {
      new c.Thing("kept-in-cloud", { size: 1 }, { retainOnDelete: true });
      new c.Thing("deleted", { size: 1 });
    },
    after: () => () => undefined,
  },
];

async function planFor(scenario: Scenario): Promise<Plan> {
  const cloud = new FakeCloud({ schemas: SCHEMAS });
  const h = await makeHarness(cloud, { secrets });
  if (scenario.before !== undefined) {
    const result = await h.stack(scenario.before(cloud)).up();
    expect(result.status).toBe("succeeded");
  }
  const options = scenario.options?.(urnOf) ?? {};
  const stack = h.stack(scenario.after(cloud));
  if (options.destroy) {
    let planned: Plan | undefined;
    await stack.destroy({ confirm: (plan) => ((planned = plan), false) });
    return planned!;
  }
  return (await stack.preview(options)).plan;
}

function checkGolden(name: string, text: string): void {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`No golden file ${file}; run with CAIRN_UPDATE_GOLDEN=1 to create it.`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(text).toBe(readFileSync(file, "utf8"));
}

const planText = (plan: Plan): string => canonicalJson(plan, 1) + "\n";

describe("planner golden files", () => {
  test.each(scenarios.map((s) => [s.name, s] as const))("the plan for %s matches its golden file byte for byte", async (_name, scenario) => {
    checkGolden(scenario.name, planText(await planFor(scenario)));
  });

  test("every update and replace names the properties that cause it", async () => {
    for (const scenario of scenarios) {
      const plan = await planFor(scenario);
      for (const step of plan.steps) {
        if (step.op === "update") expect(step.changes!.length).toBeGreaterThan(0);
        if (step.op === "replace" && step.reason !== "replace-requested") {
          expect(step.replaces!.length).toBeGreaterThan(0);
          for (const property of step.replaces!) expect(step.changes).toContain(property);
        }
      }
    }
  });

  test("the same program and state give the same plan bytes, twice, whatever order provider calls finish in", async () => {
    const cloud = new FakeCloud({ schemas: SCHEMAS, diffDelayMs: () => Math.random() * 4 });
    const h = await makeHarness(cloud);
    const program = (size: number) => () => {
      for (let i = 0; i < 12; i++) {
        const root = new cloud.Thing(`root-${i}`, { size, zone: i % 3 === 0 ? `z${size}` : "z" }, {}, ZONED);
        new cloud.Thing(`leaf-${i}`, { root: root.out, size });
      }
    };
    await h.stack(program(1)).up();
    const first = planText((await h.stack(program(2)).preview()).plan);
    const second = planText((await h.stack(program(2)).preview()).plan);
    expect(second).toBe(first);
    expect(first).toContain('"op": "replace"');
    expect(first).toContain('"op": "update"');
  });
});

describe("protect", () => {
  test("replacing or deleting a protected resource is PROTECTED, naming each one and the unprotect command; nothing is called", async () => {
    const cloud = new FakeCloud({ schemas: SCHEMAS });
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        new cloud.Thing("guarded-server", { zone: "a" }, { protect: true }, ZONED);
        new cloud.Thing("guarded-db", {}, { protect: true });
        new cloud.Thing("free", { size: 1 });
      })
      .up();
    const callsBefore = cloud.calls.length;
    const error = await h
      .stack(() => {
        new cloud.Thing("guarded-server", { zone: "b" }, { protect: true }, ZONED);
        new cloud.Thing("free", { size: 2 });
      })
      .up()
      .then(
        () => undefined,
        (e: CairnError) => e,
      );
    expect(error?.code).toBe("PROTECTED");
    checkGolden("protect-error", canonicalJson({ code: error!.code, message: error!.message, hints: error!.hints }, 1) + "\n");
    expect(error!.message).toContain("guarded-server");
    expect(error!.message).toContain("changed: zone");
    expect(error!.message).toContain("guarded-db");
    expect(error!.hints).toContainEqual({ kind: "unprotect", urn: urnOf("guarded-db") });
    expect(error!.message).toContain("Set protect: false and run up first, or clear the protect flag recorded in state");
    expect(cloud.calls.length).toBe(callsBefore);
  });

  test("a protected resource is refused by destroy too, and an update in place is allowed", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("guarded", { size: 1 }, { protect: true })).up();
    const updated = await h.stack(() => void new cloud.Thing("guarded", { size: 2 }, { protect: true })).up();
    expect(updated.counts.update).toBe(1);
    await expect(h.stack(() => undefined).destroy()).rejects.toMatchObject({ code: "PROTECTED", message: expect.stringContaining("by destroy") });
  });
});
