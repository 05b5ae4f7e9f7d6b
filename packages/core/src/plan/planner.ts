import { CairnError, messageOf, type Problem } from "../errors.js";
import { resolveProperties } from "../output/resolve.js";
import { output } from "../output/functions.js";
import { PROGRAM_PHASE, type EvaluationPhase } from "../output/phase.js";
import { sealInputs, type SealRules } from "../output/seal.js";
import type { SecretMask } from "../output/secret-mask.js";
import { UNKNOWN, type PropertyMap, type PropertyValue, type Unknown } from "../output/values.js";
import type { CheckFailure, DiffResult, TypeSchema } from "../provider/provider.js";
import { sealRulesOf } from "../provider/seal-rules.js";
import type { ResourceNode } from "../resource/node.js";
import { nameOfUrn } from "../resource/urn.js";
import type { ResourceState } from "../state/model.js";
import { extended } from "../util/extended.js";
import { assemblePlan } from "./assemble.js";
import { doubleClaims, type Claim } from "./claims.js";
import { decideStep, type DesiredResource } from "./decide.js";
import { defaultDiff } from "./default-diff.js";
import { applyIgnoreChanges } from "./ignore-changes.js";
import type { PlanningProviders, ProviderQueries } from "./provider-queries.js";
import { dependencyOrder, dependentsClosure, findPrior, resolveResource, targetClosure, type SelectionSources } from "./selection.js";
import type { Plan, PlanStep } from "./step.js";

/** Resource outputs as the planner settles them: what dependents may rely on before apply. */
export interface PlannedValues extends EvaluationPhase {
  /** Sets a resource's outputs as planned (UNKNOWN for what only apply will tell). */
  settle(urn: string, outputs: PropertyMap | Unknown): void;
}

/** What the planner reads: the program's graph, the prior state, and the providers it consults. */
export interface PlanContext extends SelectionSources {
  readonly project: string;
  readonly stack: string;
  /** The secrets this operation has seen, to seal values that hold them. @default none */
  readonly mask?: SecretMask;
  /** Asks each resource's provider to check and diff. */
  readonly providers: PlanningProviders;
  /** Where planned outputs are settled, in the preview phase. */
  readonly values: PlannedValues;
}

/** What to plan. */
export interface PlanRequest {
  /** Only these URNs and what they depend on. */
  readonly targets?: readonly string[];
  /** Replace these URNs. */
  readonly replace?: readonly string[];
  /** Plan the deletion of everything. */
  readonly destroying: boolean;
}

/** The plan, and what the planner learnt on the way. */
export interface PlanOutcome {
  readonly plan: Plan;
  /** URNs whose provider declares secret outputs for their type. */
  readonly secretOutputs: ReadonlySet<string>;
}

/**
 * Plans an operation: resolves every desired resource's inputs with its
 * dependencies' planned outputs, has the provider check and diff them, and
 * decides each step. Nothing here changes the cloud or state. Every invalid
 * input and protection violation is reported at once, before any cloud call.
 */
export async function computePlan(ctx: PlanContext, request: PlanRequest): Promise<PlanOutcome> {
  const order = dependencyOrder(ctx, request.destroying ? [] : ctx.graph.nodes);
  // Changing a resource needs what it depends on; deleting one needs what depends on it gone first.
  const targets = request.destroying ? dependentsClosure(ctx, request.targets) : targetClosure(ctx, request.targets);
  const replace = new Set((request.replace ?? []).map((name) => resolveResource(ctx, name, "replace")));
  const priorOf = new Map<string, ResourceState>();
  const claimed = new Set<string>();
  for (const node of order) {
    const prior = findPrior(ctx, node);
    if (prior !== undefined) {
      priorOf.set(node.urn, prior);
      claimed.add(prior.urn);
    }
  }
  const planned = await planAll(ctx, order, priorOf, (node) => ({ targeted: targets === undefined || targets.has(node.urn), replaceRequested: replace.has(node.urn) }));
  const { plan, errors } = assemblePlan({
    project: ctx.project,
    stack: ctx.stack,
    priorSerial: ctx.session.baseSerial,
    forward: planned.steps,
    prior: [...ctx.session.resources()],
    claimed,
    ...(targets === undefined ? {} : { deleteTargets: targets }),
    destroying: request.destroying,
  });
  throwPlanErrors(planned.failures, [...planned.protectedErrors, ...errors]);
  return { plan, secretOutputs: planned.secretOutputs };
}

/** Every desired resource's step, with the check failures and protection errors found on the way. */
interface PlannedNodes {
  readonly steps: PlanStep[];
  readonly failures: Problem[];
  readonly protectedErrors: CairnError[];
  readonly secretOutputs: Set<string>;
}

/** At most this many nodes are planned at once (see {@link planAll}). */
const PLANS_AT_ONCE = 1024;

/**
 * Plans the nodes concurrently, each waiting only for its own dependencies'
 * values, at most {@link PLANS_AT_ONCE} at a time in dependency order: every
 * node in flight holds its suspended frames and inputs, and a program of
 * 100,000 resources would otherwise hold all of them at once. Results land
 * in order, without holding a promise chain per node until the last one settles.
 */
async function planAll(
  ctx: PlanContext,
  order: readonly ResourceNode[],
  priorOf: ReadonlyMap<string, ResourceState>,
  flagsOf: (node: ResourceNode) => { targeted: boolean; replaceRequested: boolean },
): Promise<PlannedNodes> {
  const phase = ctx.values;
  const secretOutputs = new Set<string>();
  const failures: Problem[] = [];
  const protectedErrors: CairnError[] = [];
  const unusable: CairnError[] = [];
  const steps: (PlanStep | undefined)[] = new Array(order.length);
  const claims: Claim[] = [];
  await new Promise<void>((resolve) => {
    let left = order.length;
    if (left === 0) resolve();
    let next = 0;
    const done = (): void => {
      if (--left === 0) resolve();
      else if (next < order.length) start(next++);
    };
    const start = (index: number): void => {
      const node = order[index]!;
      planNode(ctx, node, priorOf.get(node.urn), phase, secretOutputs, flagsOf(node)).then(
        (result) => {
          if (result instanceof CairnError) protectedErrors.push(result);
          else {
            for (const failure of result.failures) failures.push(describeFailure(node, failure));
            if (result.claim !== undefined) claims.push(result.claim);
            steps[index] = result.step;
          }
          done();
        },
        (error: unknown) => {
          phase.settle(node.urn, UNKNOWN);
          // A provider that cannot be configured fails every resource alike: it is said once, as itself.
          if (CairnError.isCairnError(error) && error.code === "CONFIG_MISSING") unusable.push(error);
          else failures.push({ urn: node.urn, message: `${node.name} (${node.type}): ${messageOf(error)} [${node.source}]`, ...(CairnError.isCairnError(error) && error.hints !== undefined ? { hints: error.hints } : {}) });
          done();
        },
      );
    };
    // A sliding window in dependency order: the oldest node in flight has every dependency planned, so it always moves.
    while (next < Math.min(order.length, PLANS_AT_ONCE)) start(next++);
  });
  if (unusable.length > 0) throw unusable[0];
  failures.push(...doubleClaims(claims));
  return { steps: steps.filter((step): step is PlanStep => step !== undefined), failures, protectedErrors, secretOutputs };
}

/** Reports every invalid input at once (CHECK_FAILED), else every protection violation (PROTECTED). */
function throwPlanErrors(failures: readonly Problem[], protectedErrors: readonly CairnError[]): void {
  if (failures.length > 0) {
    const names = [...new Set(failures.map((problem) => (problem.urn === undefined ? "" : nameOfUrn(problem.urn))).filter((name) => name !== ""))];
    const which = names.length === 0 ? "resources" : names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
    throw new CairnError("CHECK_FAILED", `Invalid inputs of ${which}; nothing was changed:\n${failures.map((problem) => `  - ${problem.message}`).join("\n")}`, {
      problems: failures,
    });
  }
  if (protectedErrors.length > 0) {
    const first = protectedErrors[0]!;
    const hints = protectedErrors.flatMap((error) => error.hints ?? []);
    throw new CairnError("PROTECTED", protectedErrors.map((error) => error.message).join("\n"), { ...(first.urn === undefined ? {} : { urn: first.urn }), hints });
  }
}

function describeFailure(node: ResourceNode, failure: CheckFailure): Problem {
  const where = failure.property === undefined ? "" : ` property "${failure.property}"`;
  const message = `${node.name} (${node.type})${where}: ${failure.reason} [${node.source}]`;
  return failure.property === undefined ? { urn: node.urn, message } : { urn: node.urn, property: failure.property, message };
}

interface NodeOutcome {
  readonly step: PlanStep;
  readonly failures: readonly CheckFailure[];
  /** The cloud object the resource manages, when its type says which kind and its id is known. */
  readonly claim?: Claim;
}

async function planNode(
  ctx: PlanContext,
  node: ResourceNode,
  prior: ResourceState | undefined,
  phase: PlannedValues,
  secretOutputs: Set<string>,
  flags: { targeted: boolean; replaceRequested: boolean },
): Promise<NodeOutcome | CairnError> {
  const desiredBase = {
    urn: node.urn,
    type: node.type,
    kind: node.kind,
    ...(node.parent === undefined ? {} : { parent: node.parent }),
    ...(node.providerUrn === undefined ? {} : { provider: node.providerUrn }),
    dependencies: ctx.graph.dependenciesOf(node.urn),
    options: node.options,
  };
  if (node.kind !== "custom") return planBookkeeping(node, prior, phase, desiredBase, flags.targeted);
  const found = ctx.providers.forNode(node, phase);
  const provider = found instanceof Promise ? await found : found;
  const schema = provider.schema(node.type) ?? NO_SCHEMA;
  if ((schema.secretOutputs?.length ?? 0) > 0 || node.options.additionalSecretOutputs.length > 0) secretOutputs.add(node.urn);
  const { inputs, failures } = await checkedInputs(provider, node, phase, ctx.mask === undefined ? sealRulesOf(schema) : extended(sealRulesOf(schema), { mask: ctx.mask }));
  const live = prior?.id !== undefined;
  const news = live && node.options.ignoreChanges.length > 0 ? applyIgnoreChanges(inputs, prior!.inputs, node.options.ignoreChanges) : inputs;
  let diff: DiffResult | undefined;
  if (live) {
    const result = provider.diff(node.type, prior!, news);
    diff = result instanceof Promise ? await result : result;
  }
  const importId = node.importId === undefined || live ? undefined : await knownImportId(node);
  const desired: DesiredResource = extended(desiredBase, importId === undefined ? { inputs: news } : { inputs: news, importId });
  let step = decideStep({
    desired,
    prior,
    diff,
    schemaReplaces: schema.replaceOnChanges ?? NO_STRINGS,
    schemaDeleteBeforeReplace: schema.deleteBeforeReplace ?? false,
    replaceRequested: flags.replaceRequested,
    targeted: flags.targeted,
  });
  if (step instanceof CairnError) {
    phase.settle(node.urn, UNKNOWN);
    return step;
  }
  if (step.op === "update" && !provider.canUpdate) {
    // A provider that cannot update in place replaces instead.
    step = { ...step, op: "replace", replaces: step.changes ?? [] };
  }
  phase.settle(node.urn, previewOutputs(step, prior, schema));
  const id = importId ?? prior?.id;
  if (schema.physicalType === undefined || id === undefined) return { step, failures };
  return { step, failures, claim: { urn: node.urn, label: `${node.name} (${node.type})`, physicalType: schema.physicalType, id } };
}

/** Components and explicit providers: planned from their recorded inputs alone, with no provider to ask. */
async function planBookkeeping(
  node: ResourceNode,
  prior: ResourceState | undefined,
  phase: PlannedValues,
  desiredBase: Omit<DesiredResource, "inputs">,
  targeted: boolean,
): Promise<NodeOutcome | CairnError> {
  const inputs = node.kind === "provider" ? await resolveProperties(node.inputs, phase, node.name) : {};
  phase.settle(node.urn, {});
  const diff = prior === undefined ? undefined : defaultDiff(prior.inputs, inputs);
  const step = decideStep({ desired: { ...desiredBase, inputs }, prior, diff, schemaReplaces: [], schemaDeleteBeforeReplace: false, replaceRequested: false, targeted });
  return step instanceof CairnError ? step : { step, failures: NO_FAILURES };
}

/** A node's inputs resolved in a phase and passed through its provider's check (secrets kept secret). */
async function checkedInputs(provider: ProviderQueries, node: ResourceNode, phase: EvaluationPhase, rules: SealRules): Promise<{ inputs: PropertyMap; failures: readonly CheckFailure[] }> {
  const resolved = resolveProperties(node.inputs, phase, node.name);
  const raw = resolved instanceof Promise ? await resolved : resolved;
  const result = provider.check(node.type, raw);
  if (result === undefined) return { inputs: sealInputs(raw, raw, rules), failures: NO_FAILURES };
  const checked = result instanceof Promise ? await result : result;
  return { inputs: sealInputs(checked.inputs, raw, rules), failures: checked.failures ?? NO_FAILURES };
}

const NO_FAILURES: readonly CheckFailure[] = [];
const NO_STRINGS: readonly string[] = [];
const NO_SCHEMA: TypeSchema = {};

async function knownImportId(node: ResourceNode): Promise<string> {
  const resolved = await output(node.importId!).evaluate(PROGRAM_PHASE);
  if (!resolved.known || typeof resolved.value !== "string") {
    throw new CairnError("CHECK_FAILED", `The import id of "${node.name}" must be a string known before deployment.`, { urn: node.urn });
  }
  return resolved.value;
}

/** What dependents may rely on before apply: everything for an unchanged resource, stable outputs for an update. */
function previewOutputs(step: PlanStep, prior: ResourceState | undefined, schema: TypeSchema): PropertyMap | typeof UNKNOWN {
  if (step.op === "same" && prior !== undefined && prior.id !== undefined) return extended(prior.outputs, { id: prior.id });
  if (step.op === "same" && step.untargeted) return UNKNOWN;
  if (step.op !== "update" || prior === undefined) return UNKNOWN;
  const stable = new Set(schema.stableOutputs ?? []);
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(prior.outputs)) out[key] = stable.has(key) ? prior.outputs[key]! : UNKNOWN;
  out.id = prior.id!;
  return out;
}
