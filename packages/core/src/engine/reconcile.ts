import { CairnError } from "../errors.js";
import { sealOutputs } from "../output/seal.js";
import { reveal, type PropertyMap } from "../output/values.js";
import type { Provider } from "../provider/provider.js";
import { canFindCreated, pendingCreatesError, type PendingCreateDecision } from "./pending-creates.js";
import type { ResourceState } from "../state/model.js";
import { providerForRecord, type OperationContext } from "./context.js";
import type { Limiter } from "./limiter.js";
import { callProvider } from "./provider-call.js";
import { sealRulesOf } from "../provider/seal-rules.js";

/**
 * Adopts what an interrupted create made: the object the provider finds by
 * name or tags, or the one with the id the user gave. False if there is
 * none (the create is then made again).
 */
async function adoptInterrupted(ctx: OperationContext, limiter: Limiter, record: ResourceState, provider: Provider, decision: PendingCreateDecision): Promise<boolean> {
  const inputs = reveal(record.pending?.inputs ?? record.inputs) as PropertyMap;
  const setup = { provider, urn: record.urn, type: record.type, operation: "read" as const, timeouts: {}, limiter, emit: ctx.emit, abortSignal: undefined, mask: ctx.mask };
  const id = typeof decision === "object" ? decision.adopt : undefined;
  if (id !== undefined && provider.read === undefined) throw new CairnError("PROVIDER_ERROR", `${record.type} cannot be adopted by id: its provider cannot read resources.`, { urn: record.urn });
  const found = await callProvider(setup, (callCtx) => (id === undefined ? provider.findCreated!(inputs, record.pending!.token, callCtx) : provider.read!(id, inputs, {}, callCtx)));
  if (found === undefined) {
    if (id !== undefined) throw new CairnError("RESOURCE_NOT_FOUND", `Cannot adopt ${record.urn}: no ${record.type} with id "${id}" exists. Nothing was changed.`, { urn: record.urn });
    return false;
  }
  const outputs = sealOutputs(found.outputs, record.inputs, { ...sealRulesOf(provider.schema?.(record.type)), ...(ctx.mask === undefined ? {} : { mask: ctx.mask }) });
  await ctx.session.assign(record.urn, { id: found.id, outputs }, ["pending"]);
  ctx.emit({ type: "diagnostic", severity: "info", message: `A create started at ${record.pending!.startedAt} was interrupted; the object it made (${found.id}) was adopted.`, urn: record.urn });
  return true;
}

/**
 * Settles operations a previous run left pending (it crashed or was
 * aborted): reads resources back where the provider can, finishes creates
 * that are safe to repeat, and tells the user what only they can decide.
 */
export async function reconcilePending(ctx: OperationContext, limiter: Limiter, decided: ReadonlyMap<string, PendingCreateDecision> = new Map()): Promise<void> {
  const pending = [...ctx.session.resources()].filter(
    (record) => record.pending !== undefined || record.deposed?.some((item) => item.pending !== undefined),
  );
  await Promise.all(pending.map((record) => reconcileOne(ctx, limiter, record, decided.get(record.urn))));
}

async function reconcileOne(ctx: OperationContext, limiter: Limiter, record: ResourceState, decision: PendingCreateDecision | undefined): Promise<void> {
  const session = ctx.session;
  if (record.deposed?.some((item) => item.pending !== undefined)) {
    await session.change(record.urn, (draft) => {
      draft.deposed = draft.deposed!.map((item) => ({ id: item.id, inputs: item.inputs, outputs: item.outputs }));
    });
  }
  const pending = record.pending;
  if (pending === undefined) return;
  const note = (message: string, severity: "info" | "warning" = "warning"): void => ctx.emit({ type: "diagnostic", severity, message, urn: record.urn });
  const provider = await providerForRecord(ctx, record).catch(() => undefined);
  if (pending.op === "create" || pending.op === "import") {
    if (pending.op === "create" && provider?.schema?.(record.type)?.idempotentCreate === true) {
      note(`A create was interrupted; it will be finished with the same idempotency token, so no duplicate is made.`, "info");
      return;
    }
    if (pending.op === "create" && decision === undefined) throw pendingCreatesError(ctx.stack, [{ urn: record.urn, type: record.type, startedAt: pending.startedAt, canAdopt: canFindCreated(provider, record.type) }], false);
    if (pending.op === "create" && decision !== "recreate" && decision !== "forget" && provider !== undefined) {
      if (await adoptInterrupted(ctx, limiter, record, provider, decision!)) return;
    }
    await session.change(record.urn, (draft) => {
      delete draft.pending;
    });
    if (record.deposed === undefined || record.deposed.length === 0) await session.remove(record.urn);
    if (pending.op === "create") {
      const said = decision === "forget" ? "forgotten: it was dropped from state, and the cloud was left alone" : decision === "recreate" ? "to be created again, as decided" : "not found in the cloud; it is created again";
      note(`A create started at ${pending.startedAt} was interrupted: ${said}.`, "info");
    }
    return;
  }
  if (record.id === undefined || provider?.read === undefined) {
    await session.change(record.urn, (draft) => {
      delete draft.pending;
    });
    note(`An interrupted ${pending.op} is assumed not to have happened; this run repeats it if it is still needed.`);
    return;
  }
  const setup = { provider, urn: record.urn, type: record.type, operation: "read" as const, timeouts: {}, limiter, emit: ctx.emit, abortSignal: undefined, mask: ctx.mask };
  const found = await callProvider(setup, (callCtx) => provider.read!(record.id!, reveal(record.inputs), reveal(record.outputs), callCtx));
  if (found === undefined) {
    await session.remove(record.urn);
    note(`An interrupted ${pending.op} left nothing behind in the cloud; it was removed from state.`, "info");
    return;
  }
  await session.change(record.urn, (draft) => {
    delete draft.pending;
    draft.outputs = sealOutputs(found.outputs, record.inputs, sealRulesOf(provider.schema?.(record.type)), record.outputs);
  });
  note(`An interrupted ${pending.op} was reconciled by reading the resource back.`, "info");
}
