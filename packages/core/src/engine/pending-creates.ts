import { CairnError } from "../errors.js";
import type { Plan, PlanStep } from "../plan/step.js";
import type { Provider } from "../provider/provider.js";
import { providerForRecord, type OperationContext } from "./context.js";

/**
 * What to do with a create a crash interrupted, when its provider cannot
 * tell whether it finished (it has no idempotency tokens):
 *
 * - `adopt`: look up the object it may have made (by name or tags) and
 *   record it; if there is none, it is created;
 * - `recreate`: assume it made nothing, and create it again;
 * - `forget`: drop it from state; the cloud is left alone (an object it
 *   made is yours to delete or import). A resource the program still
 *   declares is then created, as with `recreate`.
 */
export type PendingCreateChoice = "adopt" | "recreate" | "forget";

/** A decision for one resource: a choice, or the cloud id of the object to adopt. */
export type PendingCreateDecision = PendingCreateChoice | { readonly adopt: string };

/** Decisions about interrupted creates, for every one or per resource. */
export interface PendingCreateDecisions {
  /** For every interrupted create not named in `resources`. @default none: the operation stops and lists them */
  readonly all?: PendingCreateChoice;
  /** By URN or resource name. @default none */
  readonly resources?: Readonly<Record<string, PendingCreateDecision>>;
}

/** An interrupted create whose provider cannot finish it unaided. */
export interface InterruptedCreate {
  readonly urn: string;
  readonly type: string;
  /** When the create started, as an ISO time. */
  readonly startedAt: string;
  /** Whether the provider can look the object up, so that `adopt` needs no id. */
  readonly canAdopt: boolean;
}

/** Interrupted creates with the provider of each, when it could be configured. */
export async function interruptedCreates(ctx: OperationContext): Promise<Array<InterruptedCreate & { readonly provider: Provider | undefined }>> {
  const out: Array<InterruptedCreate & { readonly provider: Provider | undefined }> = [];
  for (const record of ctx.session.resources()) {
    if (record.pending?.op !== "create") continue;
    const provider = await providerForRecord(ctx, record).catch(() => undefined);
    if (provider?.schema?.(record.type)?.idempotentCreate === true) continue;
    out.push({ urn: record.urn, type: record.type, startedAt: record.pending.startedAt, canAdopt: canFindCreated(provider, record.type), provider });
  }
  return out;
}

/** Whether `adopt` without an id can work for this type: its provider looks up what an interrupted create made. */
export function canFindCreated(provider: Provider | undefined, type: string): boolean {
  return provider?.findCreated !== undefined && provider.schema?.(type)?.findsCreated !== false;
}

/**
 * The decision for every interrupted create, or PENDING_OPERATIONS listing
 * those without one (and those that cannot be adopted as asked), before any
 * cloud call. A decision naming no interrupted create is INVALID_ARGUMENT.
 */
export function decidePendingCreates(stack: string, found: readonly InterruptedCreate[], decisions: PendingCreateDecisions = {}): Map<string, PendingCreateDecision> {
  const byKey = new Map<string, InterruptedCreate>();
  for (const item of found) byKey.set(item.urn, item).set(item.urn.slice(item.urn.lastIndexOf("::") + 2), item);
  const decided = new Map<string, PendingCreateDecision>();
  for (const [key, decision] of Object.entries(decisions.resources ?? {})) {
    const item = byKey.get(key);
    if (item === undefined) {
      throw new CairnError("INVALID_ARGUMENT", `A decision was given for ${key}, but stack "${stack}" has no interrupted create of that name or URN.${listed(found)}`);
    }
    decided.set(item.urn, decision);
  }
  const open: InterruptedCreate[] = [];
  for (const item of found) {
    const decision = decided.get(item.urn) ?? decisions.all;
    if (decision === undefined || (decision === "adopt" && !item.canAdopt)) open.push(item);
    else decided.set(item.urn, decision);
  }
  if (open.length > 0) throw pendingCreatesError(stack, open, decisions.all === "adopt" || Object.values(decisions.resources ?? {}).includes("adopt"));
  return decided;
}

function listed(found: readonly InterruptedCreate[]): string {
  return found.length === 0 ? " It has none." : ` It has: ${found.map((item) => item.urn).join(", ")}.`;
}

/** PENDING_OPERATIONS: which creates need a decision, and the choices. */
export function pendingCreatesError(stack: string, open: readonly InterruptedCreate[], adoptAsked: boolean): CairnError {
  const problems = open.map((item) => ({
    urn: item.urn,
    message: `create started at ${item.startedAt} was interrupted; choose ${item.canAdopt ? "adopt, recreate or forget" : "recreate or forget (its provider cannot look the object up; adopt needs its id)"}`,
  }));
  const why = adoptAsked ? " Some of them cannot be looked up, so adopt needs the id of the object to adopt." : "";
  return new CairnError(
    "PENDING_OPERATIONS",
    `Stack "${stack}" has ${open.length} create(s) that a crash interrupted, and their provider cannot tell whether they finished: ${open.map((item) => item.urn).join(", ")}. ` +
      `Decide for each: adopt (look up the object it made and record it), recreate (create it again; a duplicate if the first one finished), or forget (drop it from state and leave the cloud alone).${why} Nothing was changed.`,
    { problems },
  );
}

/**
 * A preview's plan with every interrupted create labelled by what will
 * happen to it: finished unaided, awaiting a decision, adopted if found, or
 * created again.
 */
export function labelInterruptedCreates(plan: Plan, found: readonly InterruptedCreate[], decisions: PendingCreateDecisions = {}): Plan {
  if (found.length === 0) return plan;
  const byKey = new Map<string, PendingCreateDecision>();
  for (const [key, decision] of Object.entries(decisions.resources ?? {})) byKey.set(key, decision);
  const reasons = new Map<string, PlanStep["reason"]>();
  for (const item of found) {
    const decision = byKey.get(item.urn) ?? byKey.get(item.urn.slice(item.urn.lastIndexOf("::") + 2)) ?? decisions.all;
    const adopt = decision !== undefined && (decision === "adopt" ? item.canAdopt : typeof decision === "object");
    reasons.set(item.urn, decision === undefined || (decision === "adopt" && !adopt) ? "interrupted-create" : adopt ? "adopt-interrupted" : "recreate-interrupted");
  }
  return { ...plan, steps: plan.steps.map((step) => (step.op === "create" && reasons.has(step.urn) ? { ...step, reason: reasons.get(step.urn)! } : step)) };
}

