import { CairnError, Config } from "@cairn/core";
import { changeSecretsProvider, createPassphraseSecrets, Stack } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

const secrets = createPassphraseSecrets("saved-plan-tests");

async function refusal(run: () => Promise<unknown>): Promise<CairnError> {
  try {
    await run();
  } catch (error) {
    return error as CairnError;
  }
  throw new Error("expected PLAN_DRIFT");
}

describe("saved plans", () => {
  test("preview with savePlan, then up with that plan, applies exactly it", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    const program = () => {
      const a = new cloud.Thing("a", { size: 1 });
      new cloud.Thing("b", { fromA: a.out });
    };
    const preview = await h.stack(program).preview({ savePlan: true });
    expect(preview.savedPlan).toBeDefined();
    expect(cloud.calls).toEqual([]);
    const result = await h.stack(program).up({ plan: preview.savedPlan! });
    expect(result.status).toBe("succeeded");
    expect(result.counts.create).toBe(2);
    expect(cloud.names()).toEqual(["a", "b"]);
  });

  test("a changed program makes up refuse with PLAN_DRIFT naming each resource that drifted; nothing is applied", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    await h.stack(() => void new cloud.Thing("base", { size: 1 })).up();
    const { savedPlan } = await h
      .stack(() => {
        new cloud.Thing("base", { size: 2 });
        new cloud.Thing("planned", {});
      })
      .preview({ savePlan: true });
    const callsBefore = cloud.calls.length;
    const error = await refusal(() =>
      h
        .stack(() => {
          new cloud.Thing("base", { size: 3 });
          new cloud.Thing("surprise", {});
        })
        .up({ plan: savedPlan! }),
    );
    expect(error.code).toBe("PLAN_DRIFT");
    expect(error.message).toContain("urn:cairn:dev::proj::fake:index/Thing::base: its inputs changed");
    expect(error.message).toContain("urn:cairn:dev::proj::fake:index/Thing::planned: planned create, now nothing");
    expect(error.message).toContain("urn:cairn:dev::proj::fake:index/Thing::surprise: not in the saved plan, now create");
    expect(cloud.calls.length).toBe(callsBefore);
  });

  test("a state changed since the plan was saved makes up refuse, naming the serials", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    const program = () => void new cloud.Thing("a", { size: 1 });
    const { savedPlan } = await h.stack(program).preview({ savePlan: true });
    await h.stack(program).up();
    const error = await refusal(() => h.stack(program).up({ plan: savedPlan! }));
    expect(error.code).toBe("PLAN_DRIFT");
    expect(error.message).toContain("the state changed since the plan was saved (serial 0, now 1)");
  });

  test("secrets in a saved plan are encrypted, and a changed secret value is drift even though it looks the same", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    const program = () => void new cloud.Thing("db", { password: new Config().requireSecret("dbPassword") });
    const { savedPlan } = await h.stack(program, { "proj:dbPassword": { value: "hunter2-original", secret: true } }).preview({ savePlan: true });
    expect(savedPlan).not.toContain("hunter2");
    const error = await refusal(() => h.stack(program, { "proj:dbPassword": { value: "hunter2-rotated", secret: true } }).up({ plan: savedPlan! }));
    expect(error.code).toBe("PLAN_DRIFT");
    expect(error.message).toContain("db: its inputs changed");
    const applied = await h.stack(program, { "proj:dbPassword": { value: "hunter2-original", secret: true } }).up({ plan: savedPlan! });
    expect(applied.status).toBe("succeeded");
    expect(cloud.objects.get("db-1")?.inputs).toEqual({ password: "hunter2-original" });
  });

  test("a plan saved before the stack's secrets moved to a new key is refused as drift, not as a wrong passphrase", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    const config = { "proj:dbPassword": { value: "hunter2-original", secret: true } };
    const program = () => void new cloud.Thing("db", { password: new Config().requireSecret("dbPassword") });
    const { savedPlan } = await h.stack(program, config).preview({ savePlan: true });
    const rotated = createPassphraseSecrets("a new passphrase");
    await changeSecretsProvider(h.store, h.ref, { from: secrets, to: rotated });
    const stack = new Stack({ ...h.ref, program, store: h.store, projectDir: h.dir, packages: [cloud.pkg], config, secrets: rotated });
    const error = await refusal(() => stack.up({ plan: savedPlan! }));
    expect(error.code).toBe("PLAN_DRIFT");
    expect(error.message).toContain("the state changed since the plan was saved (serial 0, now 1)");
    expect(cloud.calls).toEqual([]);
  });

  test("a file that is not a saved plan, or a plan for another stack, is refused", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    const other = await makeHarness(cloud, { secrets, stack: "prod" });
    const program = () => void new cloud.Thing("a", {});
    expect((await refusal(() => h.stack(program).up({ plan: "{not json" }))).code).toBe("PLAN_DRIFT");
    expect((await refusal(() => h.stack(program).up({ plan: '{"format":"something-else"}' }))).message).toContain("not a Cairn saved plan");
    const { savedPlan } = await other.stack(program).preview({ savePlan: true });
    expect((await refusal(() => h.stack(program).up({ plan: savedPlan! }))).message).toContain("the plan is for proj/prod, not proj/dev");
  });
});
