import { CairnError } from "../errors.js";
import { resolveProperties } from "../output/resolve.js";
import { sealInputs, sealOutputs } from "../output/seal.js";
import { reveal, type PropertyMap } from "../output/values.js";
import { refineStep } from "../plan/refine.js";
import type { PlanStep } from "../plan/step.js";
import type { CreateResult, Provider, ProviderOperation } from "../provider/provider.js";
import type { ResourceNode } from "../resource/node.js";
import type { ResourceState } from "../state/model.js";
import { deepEqual } from "../util/canonical-json.js";
import { providerForNode, providerForRecord } from "./context.js";
import { queriesOf } from "./plan-providers.js";
import { callProvider } from "./provider-call.js";
import { sealRulesOf } from "../provider/seal-rules.js";
import { needsReseal, resealedRecord, warnOfSecretId } from "./reseal.js";
import { clearPendingDelete, forgetFailedCreate, isDefiniteFailure } from "./step-failures.js";
import type { StepRuntime } from "./step-runtime.js";
import { withId } from "./phase-values.js";
import { extended } from "../util/extended.js";


/** What a forward step ended as: the op it really performed (an update may turn out to be a no-op). */
export type StepEnd = PlanStep["op"];

const now = (): string => new Date().toISOString();

/** Runs a create, update, replace (its create half), import or same step of a desired resource. */
export async function runForward(rt: StepRuntime, step: PlanStep): Promise<StepEnd> {
  const node = rt.ctx.graph.tryGet(step.urn)!;
  const prior = rt.ctx.session.tryGet(step.aliasOf ?? step.urn);
  if (node.kind !== "custom") return runBookkeeping(rt, step, node, prior);
  if (step.op === "same") {
    if (prior?.id === undefined || !needsReseal(step, prior)) return runSame(rt, step, node, prior);
    return runResealed(rt, step, node, prior);
  }
  const found = providerForNode(rt.ctx, node, rt.phase);
  const provider = found instanceof Promise ? await found : found;
  registerPackage(rt, node);
  // A fully known step is refined without a promise: awaiting a value already there still costs one per step.
  const refining = refineStep(step, { node, prior, phase: rt.phase, provider: queriesOf(provider), mask: rt.ctx.mask });
  const { op, inputs } = refining instanceof Promise ? await refining : refining;
  if (op === "same") return runSame(rt, { ...step, op: "same" }, node, prior);
  if (op === "import") return runImport(rt, step, node, provider, inputs);
  if (op === "update") return runUpdate(rt, step, node, provider, prior!, inputs);
  return runCreate(rt, step, node, provider, prior, inputs, op === "replace");
}

function setupFor(rt: StepRuntime, provider: Provider, node: { urn: string; type: string; options?: ResourceNode["options"] }, operation: ProviderOperation) {
  return {
    provider,
    urn: node.urn,
    type: node.type,
    operation,
    timeouts: node.options?.customTimeouts ?? {},
    limiter: rt.limiter,
    emit: rt.ctx.emit,
    abortSignal: rt.abortSignal,
    tracker: rt.tracker,
    ...(rt.ctx.mask === undefined ? {} : { mask: rt.ctx.mask }),
  };
}

function recordFor(node: ResourceNode, step: PlanStep, inputs: PropertyMap, prior: ResourceState | undefined): ResourceState {
  const opts = node.options;
  return {
    urn: node.urn,
    type: node.type,
    kind: node.kind,
    ...(node.providerUrn === undefined ? {} : { provider: node.providerUrn }),
    ...(node.parent === undefined ? {} : { parent: node.parent }),
    inputs,
    outputs: {},
    dependencies: step.dependencies,
    ...(opts.protect ? { protect: true } : {}),
    ...(opts.retainOnDelete ? { retainOnDelete: true } : {}),
    ...(opts.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
    ...(opts.ignoreChanges.length > 0 ? { ignoreChanges: opts.ignoreChanges } : {}),
    ...(Object.keys(opts.customTimeouts).length > 0 ? { customTimeouts: opts.customTimeouts } : {}),
    ...(prior?.deposed === undefined || prior.deposed.length === 0 ? {} : { deposed: prior.deposed }),
  };
}

async function runCreate(
  rt: StepRuntime,
  step: PlanStep,
  node: ResourceNode,
  provider: Provider,
  prior: ResourceState | undefined,
  inputs: PropertyMap,
  replacing: boolean,
): Promise<StepEnd> {
  const session = rt.ctx.session;
  const resumed = step.reason === "pending-create" && prior?.pending?.op === "create" && provider.schema?.(node.type)?.idempotentCreate === true;
  const token = resumed ? prior.pending!.token : rt.tokens.next();
  const base = recordFor(node, step, inputs, prior);
  const deposed = replacing && prior?.id !== undefined && !step.deleteBeforeReplace
    ? [...(prior.deposed ?? []), { id: prior.id, inputs: prior.inputs, outputs: prior.outputs }]
    : base.deposed;
  const startedAt = now();
  const pending = { op: "create", token, startedAt } as const;
  await session.put(extended(base, deposed === undefined ? { pending } : { deposed, pending }));
  if (prior !== undefined && prior.urn !== node.urn) await session.remove(prior.urn);
  let created: CreateResult;
  try {
    created = await callProvider(setupFor(rt, provider, node, "create"), (ctx) => provider.create(reveal(inputs), token, ctx));
  } catch (error) {
    if (isDefiniteFailure(error)) await forgetFailedCreate(rt, node.urn, replacing && !step.deleteBeforeReplace && prior?.id !== undefined);
    throw error;
  }
  const outputs = sealOutputs(created.outputs, inputs, rulesFor(rt, provider, node));
  void session.assign(node.urn, { id: created.id, outputs }, ["pending"]);
  warnOfSecretId(rt.ctx, node.urn, created.id, inputs);
  rt.phase.settle(node.urn, withId(outputs, created.id));
  return replacing ? "replace" : "create";
}

async function runUpdate(rt: StepRuntime, step: PlanStep, node: ResourceNode, provider: Provider, prior: ResourceState, inputs: PropertyMap): Promise<StepEnd> {
  const session = rt.ctx.session;
  const urn = node.urn;
  if (prior.urn !== urn) {
    await session.put({ ...prior, urn });
    await session.remove(prior.urn);
  }
  if (provider.update === undefined) throw new CairnError("PROVIDER_ERROR", `${node.type} cannot be updated in place, and its provider declares no replacement for ${step.changes?.join(", ")}.`, { urn });
  const token = rt.tokens.next();
  await session.assign(urn, { pending: { op: "update", token, startedAt: now() } });
  let raw: PropertyMap;
  try {
    raw = await callProvider(setupFor(rt, provider, node, "update"), (ctx) => provider.update!(prior.id!, reveal(prior.inputs), reveal(inputs), reveal(prior.outputs), ctx));
  } catch (error) {
    // The provider said the update failed: the resource is as it was.
    if (isDefiniteFailure(error)) await session.assign(urn, {}, ["pending"]);
    throw error;
  }
  const outputs = sealOutputs(raw, inputs, rulesFor(rt, provider, node), prior.outputs);
  const record = recordFor(node, step, inputs, prior);
  const change = recordChange(session.tryGet(urn)!, extended(record, { id: prior.id!, outputs }));
  void session.assign(urn, change.set, change.remove);
  rt.phase.settle(urn, withId(outputs, prior.id!));
  return "update";
}

async function runImport(rt: StepRuntime, step: PlanStep, node: ResourceNode, provider: Provider, inputs: PropertyMap): Promise<StepEnd> {
  const session = rt.ctx.session;
  if (provider.read === undefined) throw new CairnError("PROVIDER_ERROR", `${node.type} cannot be imported: its provider cannot read resources.`, { urn: node.urn });
  const token = rt.tokens.next();
  await session.put({ ...recordFor(node, step, inputs, undefined), importId: step.id!, pending: { op: "import", token, startedAt: now() } });
  const found = await callProvider(setupFor(rt, provider, node, "read"), (ctx) => provider.read!(step.id!, reveal(inputs), {}, ctx));
  if (found === undefined) {
    await session.remove(node.urn);
    throw new CairnError("RESOURCE_NOT_FOUND", `Cannot import ${node.name}: no ${node.type} with id "${step.id}" exists.`, { urn: node.urn });
  }
  const rules = rulesFor(rt, provider, node);
  const outputs = sealOutputs(found.outputs, inputs, rules);
  const foundInputs = found.inputs === undefined ? inputs : sealInputs(found.inputs, inputs, rules);
  void session.change(node.urn, (draft) => {
    draft.id = found.id;
    draft.outputs = outputs;
    draft.inputs = foundInputs;
    delete draft.pending;
  });
  warnOfSecretId(rt.ctx, node.urn, found.id, inputs);
  rt.phase.settle(node.urn, withId(outputs, found.id));
  return "import";
}

/**
 * Settles an unchanged provider-backed resource at once, with no provider
 * call and no await; returns false when the step needs the general path
 * (renamed through an alias, or its recorded options changed).
 */
export function trySameInline(rt: StepRuntime, step: PlanStep): boolean {
  if (step.op !== "same" || step.kind !== "custom" || step.aliasOf !== undefined) return false;
  const prior = rt.ctx.session.tryGet(step.urn);
  if (prior?.id === undefined) return false;
  if (!step.untargeted && !recordedAsDesired(prior, rt.ctx.graph.tryGet(step.urn)!, step)) return false;
  if (needsReseal(step, prior)) return false;
  rt.phase.settle(step.urn, withId(prior.outputs, prior.id));
  return true;
}

/** Whether the recorded options, parent, provider and dependencies are what the program now says. */
function recordedAsDesired(prior: ResourceState, node: ResourceNode, step: PlanStep): boolean {
  const opts = node.options;
  return (
    (prior.protect ?? false) === opts.protect &&
    (prior.retainOnDelete ?? false) === opts.retainOnDelete &&
    (prior.deleteBeforeReplace ?? false) === opts.deleteBeforeReplace &&
    prior.parent === node.parent &&
    prior.provider === node.providerUrn &&
    sameStrings(prior.dependencies, step.dependencies) &&
    sameStrings(prior.ignoreChanges ?? NO_STRINGS, opts.ignoreChanges) &&
    deepEqual(prior.customTimeouts ?? NO_TIMEOUTS, opts.customTimeouts)
  );
}

const NO_STRINGS: readonly string[] = [];
const NO_TIMEOUTS = {};

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** An unchanged resource whose record held in plain text what is now secret: recorded again, sealed, with no provider call. */
async function runResealed(rt: StepRuntime, step: PlanStep, node: ResourceNode, prior: ResourceState): Promise<StepEnd> {
  const provider = await providerForNode(rt.ctx, node, rt.phase);
  const { inputs, outputs } = resealedRecord(step, node, prior, provider, rt.ctx.mask);
  const record = extended(recordFor(node, step, inputs, prior), { id: prior.id!, outputs });
  if (prior.urn !== node.urn) {
    await rt.ctx.session.put(record);
    await rt.ctx.session.remove(prior.urn);
  } else {
    await rt.ctx.session.put({ ...prior, ...record, ...(record.protect ? {} : { protect: undefined }) });
  }
  rt.phase.settle(node.urn, withId(outputs, prior.id!));
  return "same";
}

function runSame(rt: StepRuntime, step: PlanStep, node: ResourceNode, prior: ResourceState | undefined): StepEnd {
  if (prior?.id === undefined) {
    rt.phase.settle(node.urn, {});
    return "same";
  }
  if (!step.untargeted) {
    const record = extended(recordFor(node, step, prior.inputs, prior), { id: prior.id, outputs: prior.outputs });
    if (prior.urn !== node.urn) {
      void rt.ctx.session.put(record);
      void rt.ctx.session.remove(prior.urn);
    } else if (!recordedAsDesired(prior, node, step)) {
      void rt.ctx.session.put({ ...prior, ...record, ...(record.protect ? {} : { protect: undefined }) });
    }
  }
  rt.phase.settle(node.urn, withId(prior.outputs, prior.id));
  return "same";
}

/** Options recorded only when set; an update that unsets one removes it. */
const OPTIONAL_FIELDS = ["protect", "retainOnDelete", "deleteBeforeReplace", "ignoreChanges", "customTimeouts", "provider", "parent"] as const;

/** What a finished update changes in a record, so the journal carries only that. */
function recordChange(current: ResourceState, next: ResourceState): { set: Partial<ResourceState>; remove: (keyof ResourceState)[] } {
  const set: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ResourceState)[]) {
    if (!deepEqual(current[key], next[key])) set[key] = next[key];
  }
  const remove: (keyof ResourceState)[] = ["pending", ...OPTIONAL_FIELDS.filter((key) => next[key] === undefined)];
  return { set: set as Partial<ResourceState>, remove };
}

/** Components and explicit providers live only in state: no provider call. */
async function runBookkeeping(rt: StepRuntime, step: PlanStep, node: ResourceNode, prior: ResourceState | undefined): Promise<StepEnd> {
  const inputs = node.kind === "provider" ? await resolveProperties(node.inputs, rt.phase, node.name) : {};
  if (node.kind === "provider") registerPackage(rt, node);
  const changed = prior === undefined || prior.urn !== node.urn || !deepEqual(prior.inputs, inputs) || (!step.untargeted && !recordedAsDesired(prior, node, step));
  if (step.op !== "same" || changed) {
    const id = prior?.id ?? (node.kind === "provider" ? rt.tokens.next() : undefined);
    await rt.ctx.session.put({ ...recordFor(node, step, inputs, prior), ...(id === undefined ? {} : { id }), outputs: prior?.outputs ?? {} });
    if (prior !== undefined && prior.urn !== node.urn) await rt.ctx.session.remove(prior.urn);
  }
  rt.phase.settle(node.urn, {});
  return step.op;
}

function registerPackage(rt: StepRuntime, node: ResourceNode): void {
  const pkg = node.package;
  if (pkg !== undefined && !pkg.name.startsWith("dynamic:")) void rt.ctx.session.setPackage(pkg.name, pkg.module, pkg.version);
}

function rulesFor(rt: StepRuntime, provider: Provider, node: ResourceNode) {
  const rules = sealRulesOf(provider.schema?.(node.type), node.options.additionalSecretOutputs);
  return rt.ctx.mask === undefined ? rules : extended(rules, { mask: rt.ctx.mask });
}

/** Deletes a resource the program dropped (or forgets it, with retainOnDelete). */
export async function runDelete(rt: StepRuntime, step: PlanStep): Promise<void> {
  const session = rt.ctx.session;
  const record = session.tryGet(step.urn);
  if (record === undefined) return;
  if (step.retain || record.kind !== "custom" || record.id === undefined) {
    await session.remove(step.urn);
    return;
  }
  await deleteInCloud(rt, record, record.id, record.inputs, record.outputs, (token) =>
    session.assign(step.urn, { pending: { op: "delete", token, startedAt: now() } }),
  );
  void session.remove(step.urn);
}

/** Deletes the old object of a replacement: a deposed one (create first) or the current one (delete first). */
export async function runRetire(rt: StepRuntime, step: PlanStep): Promise<void> {
  const session = rt.ctx.session;
  const record = session.tryGet(step.urn);
  if (record === undefined || step.id === undefined) return;
  const deposedIndex = (record.deposed ?? []).findIndex((item) => item.id === step.id);
  if (deposedIndex >= 0) {
    const deposed = record.deposed![deposedIndex]!;
    await deleteInCloud(rt, record, deposed.id, deposed.inputs, deposed.outputs, async (token) => {
      await session.change(step.urn, (draft) => {
        const item = draft.deposed!.find((entry) => entry.id === step.id);
        if (item !== undefined) item.pending = { op: "delete", token, startedAt: now() };
      });
    });
    void session.change(step.urn, (draft) => {
      draft.deposed = draft.deposed!.filter((entry) => entry.id !== step.id);
      if (draft.deposed.length === 0) delete draft.deposed;
    });
    return;
  }
  if (record.id !== step.id) return;
  await deleteInCloud(rt, record, record.id, record.inputs, record.outputs, async (token) => {
    await session.change(step.urn, (draft) => {
      draft.pending = { op: "delete", token, startedAt: now() };
    });
  });
  await session.change(step.urn, (draft) => {
    delete draft.id;
    draft.outputs = {};
    delete draft.pending;
  });
}

async function deleteInCloud(
  rt: StepRuntime,
  record: ResourceState,
  id: string,
  inputs: PropertyMap,
  outputs: PropertyMap,
  recordIntent: (token: string) => Promise<void>,
): Promise<void> {
  const provider = await providerForRecord(rt.ctx, record);
  if (record.protect && !record.retainOnDelete) {
    throw new CairnError("PROTECTED", `Resource ${record.urn} is protected and was not deleted.`, { urn: record.urn });
  }
  await recordIntent(rt.tokens.next());
  if (provider.delete === undefined) return;
  // The program's limits while it declares the resource; after it dropped it, the ones recorded.
  const timeouts = rt.ctx.graph.tryGet(record.urn)?.options.customTimeouts ?? record.customTimeouts ?? {};
  const setup = { provider, urn: record.urn, type: record.type, operation: "delete" as const, timeouts, limiter: rt.limiter, emit: rt.ctx.emit, abortSignal: rt.abortSignal, tracker: rt.tracker, mask: rt.ctx.mask };
  try {
    await callProvider(setup, (ctx) => provider.delete!(id, reveal(inputs), reveal(outputs), ctx));
  } catch (error) {
    // The provider said the delete failed: the resource is still there, with nothing pending.
    if (isDefiniteFailure(error)) await clearPendingDelete(rt, record.urn, id);
    throw error;
  }
}

