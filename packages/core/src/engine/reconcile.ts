import { sealOutputs } from "../output/seal.js";
import { reveal } from "../output/values.js";
import type { ResourceState } from "../state/model.js";
import { providerForRecord, type OperationContext } from "./context.js";
import type { Limiter } from "./limiter.js";
import { callProvider } from "./provider-call.js";
import { sealRulesOf } from "./seal-rules.js";

/**
 * Settles operations a previous run left pending (it crashed or was
 * aborted): reads resources back where the provider can, finishes creates
 * that are safe to repeat, and tells the user what only they can decide.
 */
export async function reconcilePending(ctx: OperationContext, limiter: Limiter): Promise<void> {
  const pending = [...ctx.session.resources()].filter(
    (record) => record.pending !== undefined || record.deposed?.some((item) => item.pending !== undefined),
  );
  await Promise.all(pending.map((record) => reconcileOne(ctx, limiter, record)));
}

async function reconcileOne(ctx: OperationContext, limiter: Limiter, record: ResourceState): Promise<void> {
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
    await session.change(record.urn, (draft) => {
      delete draft.pending;
    });
    if (record.deposed === undefined || record.deposed.length === 0) await session.remove(record.urn);
    if (pending.op === "create") {
      note(
        `A create started at ${pending.startedAt} was interrupted, and its provider cannot tell whether it finished. ` +
          `If the resource exists in the cloud, adopt it with the import option or delete it there; otherwise nothing is needed. This run creates it again if the program still declares it.`,
      );
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
