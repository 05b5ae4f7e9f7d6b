import { CairnError } from "@cairn/core";
import { UNKNOWN, type PlanStep, type ResourceState } from "@cairn/core/automation";
import type { CheckResult, DiffResult, PropertyMap, TypeSchema } from "@cairn/core/provider";
import type { EvaluationPhase } from "../../src/output/phase.js";
import { refineStep, type RefineFacts } from "../../src/plan/refine.js";
import type { ProviderQueries } from "../../src/plan/provider-queries.js";
import type { ResourceNode } from "../../src/resource/node.js";
import type { NormalizedOptions } from "../../src/resource/normalized-options.js";

const TYPE = "fake:index/Thing";
const URN = `urn:cairn:dev::p::${TYPE}::r`;

/** A provider that answers with fixed changes and counts what it was asked. */
class CountingQueries implements ProviderQueries {
  checks = 0;
  diffs = 0;
  readonly canUpdate: boolean;
  readonly #changes: readonly string[];
  readonly #schema: TypeSchema;

  constructor(changes: readonly string[], schema: TypeSchema = {}, canUpdate = true) {
    this.#changes = changes;
    this.#schema = schema;
    this.canUpdate = canUpdate;
  }

  schema(): TypeSchema {
    return this.#schema;
  }

  check(_type: string, inputs: PropertyMap): CheckResult {
    this.checks++;
    return { inputs };
  }

  diff(): DiffResult {
    this.diffs++;
    return { changes: this.#changes };
  }
}

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

const prior: ResourceState = { urn: URN, type: TYPE, kind: "custom", id: "r-1", inputs: { size: 1, from: "a-out" }, outputs: {}, dependencies: [] };

/** The phase after apply: every dependency's outputs are known. */
const APPLIED: EvaluationPhase = { kind: "apply", resourceOutputs: () => Promise.resolve({}) };

const facts = (provider: ProviderQueries, inputs: PropertyMap, over: Partial<NormalizedOptions> = {}): RefineFacts => ({
  node: { urn: URN, type: TYPE, name: "r", kind: "custom", inputs, options: options(over) } as unknown as ResourceNode,
  prior,
  phase: APPLIED,
  provider,
});

const step = (over: Partial<PlanStep>): PlanStep => ({ op: "update", urn: URN, type: TYPE, kind: "custom", id: "r-1", dependencies: [], ...over });

describe("refining a planned step at apply", () => {
  test("a step planned with every input known is performed as planned, with no provider call", async () => {
    const provider = new CountingQueries(["size"]);
    const planned = step({ inputs: { size: 2, from: "a-out" }, changes: ["size"] });
    const refined = await refineStep(planned, facts(provider, { size: 2, from: "a-out" }));
    expect(refined).toEqual({ op: "update", inputs: { size: 2, from: "a-out" } });
    expect([provider.checks, provider.diffs]).toEqual([0, 0]);
  });

  test("an update planned on unknown inputs that turn out unchanged becomes same", async () => {
    const provider = new CountingQueries([]);
    const refined = await refineStep(step({ inputs: { size: 1, from: UNKNOWN } }), facts(provider, { size: 1, from: "a-out" }));
    expect(refined).toEqual({ op: "same", inputs: { size: 1, from: "a-out" } });
    expect([provider.checks, provider.diffs]).toEqual([1, 1]);
  });

  test("a replace planned on unknown inputs becomes an update when nothing that forces replacement changed", async () => {
    const provider = new CountingQueries(["size"]);
    const refined = await refineStep(step({ op: "replace", inputs: { size: 2, from: UNKNOWN }, replaces: ["from"] }), facts(provider, { size: 2, from: "a-out" }, { replaceOnChanges: ["from"] }));
    expect(refined.op).toBe("update");
  });

  test("a replace stays one when its provider cannot update in place", async () => {
    const provider = new CountingQueries(["size"], {}, false);
    const refined = await refineStep(step({ op: "replace", inputs: { size: 2, from: UNKNOWN } }), facts(provider, { size: 2, from: "a-out" }));
    expect(refined.op).toBe("replace");
  });

  test("a delete-before-replace stays a replace and is not diffed again: its old object is already gone", async () => {
    const provider = new CountingQueries([]);
    const refined = await refineStep(step({ op: "replace", deleteBeforeReplace: true, inputs: { size: 2, from: UNKNOWN } }), facts(provider, { size: 2, from: "a-out" }));
    expect(refined).toEqual({ op: "replace", inputs: { size: 2, from: "a-out" } });
    expect([provider.checks, provider.diffs]).toEqual([1, 0]);
  });

  test("an update that turns out to need replacement is refused as PLAN_INCONSISTENT", async () => {
    const provider = new CountingQueries(["from"], { replaceOnChanges: ["from"] });
    const refined = refineStep(step({ inputs: { size: 1, from: UNKNOWN } }), facts(provider, { size: 1, from: "b-out" }));
    await expect(refined).rejects.toThrow(CairnError);
    await expect(refined).rejects.toMatchObject({ code: "PLAN_INCONSISTENT", urn: URN });
  });
});
