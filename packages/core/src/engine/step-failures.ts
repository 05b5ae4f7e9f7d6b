import { CairnError } from "../errors.js";
import { AbandonedError } from "./call-tracker.js";
import type { StepRuntime } from "./step-runtime.js";

/**
 * Whether a failed call certainly changed nothing: the provider answered
 * with an error. A time-out or an abandoned call may have done its work in
 * the cloud, so its pending operation stays for the next run to reconcile.
 */
export function isDefiniteFailure(error: unknown): boolean {
  if (error instanceof AbandonedError) return false;
  return !(CairnError.isCairnError(error) && error.code === "TIMEOUT");
}

/** Undoes the intent of a create the provider refused: the record goes, or the replaced object comes back. */
export async function forgetFailedCreate(rt: StepRuntime, urn: string, restoreReplaced: boolean): Promise<void> {
  const session = rt.ctx.session;
  const record = session.tryGet(urn);
  if (record === undefined) return;
  if (restoreReplaced && record.deposed !== undefined && record.deposed.length > 0) {
    const old = record.deposed[record.deposed.length - 1]!;
    await session.change(urn, (draft) => {
      draft.id = old.id;
      draft.inputs = old.inputs;
      draft.outputs = old.outputs;
      draft.deposed = draft.deposed!.slice(0, -1);
      if (draft.deposed.length === 0) delete draft.deposed;
      delete draft.pending;
    });
    return;
  }
  if (record.deposed !== undefined && record.deposed.length > 0) await session.assign(urn, {}, ["pending"]);
  else await session.remove(urn);
}

export async function clearPendingDelete(rt: StepRuntime, urn: string, id: string): Promise<void> {
  const session = rt.ctx.session;
  const record = session.tryGet(urn);
  if (record === undefined) return;
  if (record.id === id) {
    await session.assign(urn, {}, ["pending"]);
    return;
  }
  if (record.deposed?.some((item) => item.id === id && item.pending !== undefined)) {
    await session.change(urn, (draft) => {
      const item = draft.deposed!.find((entry) => entry.id === id);
      if (item !== undefined) delete (item as { pending?: unknown }).pending;
    });
  }
}
