import PQueue from "p-queue";
import { CairnError, codeAndHints, messageOf } from "../errors.js";
import { sealInputs, sealOutputs } from "../output/seal.js";
import { reveal, type PropertyMap } from "../output/values.js";
import { sameValue } from "../plan/default-diff.js";
import type { DriftChange, DriftEntry, StepFailure } from "../automation/types.js";
import type { Provider } from "../provider/provider.js";
import type { ResourceState } from "../state/model.js";
import { providerForRecord, type OperationContext } from "./context.js";
import type { Limiter } from "./limiter.js";
import { callProvider } from "./provider-call.js";
import { sealRulesOf } from "../provider/seal-rules.js";

/** What a refresh found. */
export interface RefreshOutcome {
  readonly drift: readonly DriftEntry[];
  readonly failures: readonly StepFailure[];
}

/**
 * Reads every provider-backed resource back from the cloud and compares it
 * with state. With `write`, state takes what the cloud says: a resource that
 * is gone is dropped (the next `up` creates it again), changed properties are
 * recorded.
 */
export async function refreshResources(
  ctx: OperationContext,
  limiter: Limiter,
  write: boolean,
  options: { readonly abortSignal?: AbortSignal; readonly signal?: AbortSignal; readonly parallel?: number } = {},
): Promise<RefreshOutcome> {
  const abortSignal = options.abortSignal;
  const drift: DriftEntry[] = [];
  const failures: StepFailure[] = [];
  const records = [...ctx.session.resources()].filter((record) => record.kind === "custom" && record.id !== undefined);
  const queue = new PQueue(options.parallel === undefined ? {} : { concurrency: options.parallel });
  await Promise.all(
    records.map((record) => queue.add(async () => {
      if (options.signal?.aborted) return;
      const began = Date.now();
      try {
        const provider = await providerForRecord(ctx, record);
        if (provider.read === undefined) return;
        ctx.emit({ type: "step-start", op: "refresh", urn: record.urn, resourceType: record.type });
        const entry = await refreshOne(ctx, limiter, provider, record, write, abortSignal);
        if (entry !== undefined) drift.push(entry);
        ctx.emit({ type: "step-done", op: "refresh", urn: record.urn, durationMs: Date.now() - began, ...(entry === undefined ? {} : { changes: entry.properties }) });
      } catch (error) {
        const code = codeAndHints(error);
        failures.push({ urn: record.urn, op: "refresh", message: messageOf(error), ...code });
        ctx.emit({ type: "step-failed", op: "refresh", urn: record.urn, message: messageOf(error), ...code });
      }
    })),
  );
  const order = new Map(records.map((record, i) => [record.urn, i]));
  drift.sort((a, b) => order.get(a.urn)! - order.get(b.urn)!);
  return { drift, failures };
}

async function refreshOne(
  ctx: OperationContext,
  limiter: Limiter,
  provider: Provider,
  record: ResourceState,
  write: boolean,
  abortSignal: AbortSignal | undefined,
): Promise<DriftEntry | undefined> {
  const setup = { provider, urn: record.urn, type: record.type, operation: "read" as const, timeouts: {}, limiter, emit: ctx.emit, abortSignal, mask: ctx.mask };
  const found = await callProvider(setup, (callCtx) => provider.read!(record.id!, reveal(record.inputs), reveal(record.outputs), callCtx));
  if (found === undefined) {
    if (write) await ctx.session.remove(record.urn);
    return { urn: record.urn, type: record.type, kind: "deleted", properties: [] };
  }
  const rules = { ...sealRulesOf(provider.schema?.(record.type)), ...(ctx.mask === undefined ? {} : { mask: ctx.mask }) };
  const inputs = found.inputs === undefined ? record.inputs : sealInputs(found.inputs, record.inputs, rules);
  const outputs = sealOutputs(found.outputs, record.inputs, rules, record.outputs);
  const changed = [...new Set([...changedKeys(record.inputs, inputs), ...changedKeys(record.outputs, outputs)])].sort();
  if (changed.length === 0) return undefined;
  if (write) {
    await ctx.session.change(record.urn, (draft) => {
      draft.outputs = outputs;
      draft.inputs = inputs;
      if (found.id !== record.id) draft.id = found.id;
    });
  }
  return { urn: record.urn, type: record.type, kind: "changed", properties: changed, changes: changed.map((key) => driftChange(key, record, inputs, outputs)) };
}

/** A property's value in state and in the cloud: the input when it is one, else the output. */
function driftChange(property: string, record: ResourceState, inputs: PropertyMap, outputs: PropertyMap): DriftChange {
  const fromInputs = !sameValue(record.inputs[property], inputs[property]);
  const before = fromInputs ? record.inputs[property] : record.outputs[property];
  const after = fromInputs ? inputs[property] : outputs[property];
  return { property, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

function changedKeys(before: PropertyMap, after: PropertyMap): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !sameValue(before[key], after[key]));
}
