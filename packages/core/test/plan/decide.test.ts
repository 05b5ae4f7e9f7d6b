import { CairnError } from "@cairn/core";
import { SecretValue, UNKNOWN, type PlanStep, type ResourceState } from "@cairn/core/automation";
import { decideDelete, decideStep, type DecisionInput, type DesiredResource } from "../../src/plan/decide.js";
import type { NormalizedOptions } from "../../src/resource/normalized-options.js";

const URN = "urn:cairn:dev::p::fake:index/Thing::r";
const options = (over: Partial<NormalizedOptions> = {}): NormalizedOptions => ({
  protect: false,
  ignoreChanges: [],
  replaceOnChanges: [],
  deleteBeforeReplace: false,
  retainOnDelete: false,
  customTimeouts: {},
  aliases: [],
  additionalSecretOutputs: [],
  ...over,
});
const desired = (over: Partial<DesiredResource> = {}): DesiredResource => ({
  urn: URN,
  type: "fake:index/Thing",
  kind: "custom",
  inputs: { size: 2 },
  dependencies: [],
  options: options(),
  ...over,
});
const prior = (over: Partial<ResourceState> = {}): ResourceState => ({
  urn: URN,
  type: "fake:index/Thing",
  kind: "custom",
  id: "r-1",
  inputs: { size: 1 },
  outputs: { out: "o" },
  dependencies: [],
  ...over,
});
const decide = (over: Partial<DecisionInput> = {}): PlanStep => {
  const result = decideStep({
    desired: desired(),
    prior: prior(),
    diff: { changes: ["size"] },
    schemaReplaces: [],
    schemaDeleteBeforeReplace: false,
    replaceRequested: false,
    targeted: true,
    ...over,
  });
  if (result instanceof CairnError) throw result;
  return result;
};

describe("decideStep", () => {
  test("no record in state means create; a record whose create never finished is created again, saying why", () => {
    expect(decide({ prior: undefined, diff: undefined })).toMatchObject({ op: "create", inputs: { size: 2 } });
    const resumed = decide({ prior: prior({ id: undefined, pending: { op: "create", token: "t", startedAt: "x" } }), diff: undefined });
    expect(resumed).toMatchObject({ op: "create", reason: "pending-create" });
  });

  test("an import id adopts instead of creating", () => {
    expect(decide({ prior: undefined, diff: undefined, desired: desired({ importId: "legacy-1" }) })).toMatchObject({ op: "import", id: "legacy-1", reason: "import" });
  });

  test("changed properties give an update naming them; no change gives same", () => {
    expect(decide()).toMatchObject({ op: "update", changes: ["size"], id: "r-1", oldInputs: { size: 1 } });
    expect(decide({ diff: { changes: [] } })).toMatchObject({ op: "same" });
  });

  test("a resource left out by --target stays exactly as recorded", () => {
    const step = decide({ targeted: false });
    expect(step).toMatchObject({ op: "same", untargeted: true, inputs: { size: 1 }, id: "r-1" });
    expect(decide({ targeted: false, prior: undefined })).toEqual(expect.objectContaining({ op: "same", untargeted: true }));
  });

  // Each way of forcing replacement, and what the step says caused it.
  const replaceCases: Array<[string, Partial<DecisionInput>, readonly string[]]> = [
    ["the provider's diff", { diff: { changes: ["size", "zone"], replaces: ["zone"] } }, ["zone"]],
    ["the type's schema", { diff: { changes: ["size", "zone"] }, schemaReplaces: ["zone"] }, ["zone"]],
    ["replaceOnChanges", { diff: { changes: ["size", "image"] }, desired: desired({ options: options({ replaceOnChanges: ["image"] }) }) }, ["image"]],
    ["a parent path in replaceOnChanges", { diff: { changes: ["tags.owner"] }, desired: desired({ options: options({ replaceOnChanges: ["tags"] }) }) }, ["tags.owner"]],
    ["replaceOnChanges *", { diff: { changes: ["a", "b"] }, desired: desired({ options: options({ replaceOnChanges: ["*"] }) }) }, ["a", "b"]],
    ["--replace", { diff: { changes: [] }, replaceRequested: true }, []],
  ];
  test.each(replaceCases)("a replacement forced by %s names what forced it", (_how, over, replaces) => {
    const step = decide(over);
    expect(step.op).toBe("replace");
    expect(step.replaces).toEqual(replaces);
    if (replaces.length === 0) expect(step.reason).toBe("replace-requested");
    expect(step.deleteBeforeReplace).toBeUndefined();
  });

  const dbrCases: Array<[string, Partial<DecisionInput>]> = [
    ["the option", { desired: desired({ options: options({ deleteBeforeReplace: true }) }) }],
    ["the provider's diff", { diff: { changes: ["zone"], replaces: ["zone"], deleteBeforeReplace: true } }],
    ["the type's schema", { schemaDeleteBeforeReplace: true }],
  ];
  test.each(dbrCases)("a replacement deletes first when %s says so", (_how, over) => {
    const step = decide({ diff: { changes: ["zone"], replaces: ["zone"] }, ...over });
    expect(step).toMatchObject({ op: "replace", deleteBeforeReplace: true });
  });

  test("a protected resource cannot be replaced, whether protected in state or in the program", () => {
    for (const over of [{ prior: prior({ protect: true }) }, { desired: desired({ options: options({ protect: true }) }) }]) {
      const result = decideStep({
        desired: desired(),
        prior: prior(),
        diff: { changes: ["zone"], replaces: ["zone"] },
        schemaReplaces: [],
        schemaDeleteBeforeReplace: false,
        replaceRequested: false,
        targeted: true,
        ...over,
      });
      expect(result).toBeInstanceOf(CairnError);
      expect((result as CairnError).code).toBe("PROTECTED");
      expect((result as CairnError).urn).toBe(URN);
    }
  });

  test("components are never replaced: a change of theirs is an update", () => {
    const step = decide({ desired: desired({ kind: "component", inputs: {} }), prior: prior({ kind: "component", id: undefined, inputs: {} }), replaceRequested: true, diff: { changes: ["x"] } });
    expect(step.op).toBe("update");
  });

  test("a record found through an alias is named in the step", () => {
    const step = decide({ prior: prior({ urn: "urn:cairn:dev::p::fake:index/Thing::old" }), diff: { changes: [] } });
    expect(step).toMatchObject({ op: "same", aliasOf: "urn:cairn:dev::p::fake:index/Thing::old", urn: URN });
  });
});

describe("decideDelete", () => {
  test("a dropped resource is deleted; retainOnDelete only forgets it; a pending delete says so", () => {
    expect(decideDelete(prior(), true, false)).toMatchObject({ op: "delete", id: "r-1", oldInputs: { size: 1 } });
    expect(decideDelete(prior({ retainOnDelete: true }), true, false)).toMatchObject({ op: "delete", retain: true });
    expect(decideDelete(prior({ pending: { op: "delete", token: "t", startedAt: "x" } }), true, false)).toMatchObject({ reason: "pending-delete" });
  });

  test("a resource outside --target is left alone", () => {
    expect(decideDelete(prior(), false, false)).toBeUndefined();
  });

  test("a protected resource is not deleted unless it is also retained", () => {
    const refused = decideDelete(prior({ protect: true }), true, true) as CairnError;
    expect(refused.code).toBe("PROTECTED");
    expect(refused.message).toContain("by destroy");
    expect(decideDelete(prior({ protect: true, retainOnDelete: true }), true, true)).toMatchObject({ op: "delete", retain: true });
  });
});

describe("inputs in steps", () => {
  test("unknown and secret inputs are carried as markers the display understands", () => {
    const step = decide({ prior: undefined, diff: undefined, desired: desired({ inputs: { id: UNKNOWN, password: new SecretValue("p") } }) });
    expect(JSON.stringify(step.inputs)).toBe('{"id":"(known after apply)","password":"[secret]"}');
  });
});
