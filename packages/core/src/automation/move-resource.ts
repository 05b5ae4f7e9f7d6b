import { CairnError } from "../errors.js";
import type { OperationContext } from "../engine/context.js";
import type { EventSink } from "../engine/events.js";
import { makeUrn, tryParseUrn } from "../resource/urn.js";
import type { ResourceState } from "../state/model.js";
import { maskedSink } from "./masking.js";
import { openOperation } from "./operation.js";
import type { StackSettings } from "./types.js";

/** Where {@link moveResource} puts a resource. */
export interface MoveTarget {
  /** The new logical name. @default the current name */
  readonly name?: string;
  /** The new parent's URN, or `null` for none (the stack's root). @default the current parent */
  readonly parent?: string | null;
}

/**
 * The `aliases` entry that makes the program's old identity of a moved
 * resource match its new one, for code that moves it instead of state.
 */
export interface AliasHint {
  /** The resource's new URN: the resource the alias goes on. */
  readonly resource: string;
  /** Its former URN: always a valid alias. */
  readonly urn: string;
  /** The former name, when the name is all that changed. */
  readonly name?: string;
  /** True when the resource had no parent and only gained one. */
  readonly noParent?: boolean;
}

/** What {@link moveResource} changed. */
export interface MoveResult {
  /** Every URN that changed: the resource and, when its parent changed, its descendants. */
  readonly moves: readonly { readonly from: string; readonly to: string }[];
  /** One alias per moved resource. */
  readonly aliases: readonly AliasHint[];
}

/**
 * Renames a resource or gives it a new parent in state alone, under the
 * stack's lock and journaled like any operation: no provider is called and
 * no cloud resource changes. References of other resources (parent,
 * dependencies, explicit provider) follow. A URN state already has is
 * RESOURCE_EXISTS; a resource with a pending operation is PENDING_OPERATIONS.
 * `onEvent` hears the warnings (a lock taken over, a dead run's journal folded in).
 */
export async function moveResource(settings: StackSettings, urn: string, target: MoveTarget, options: { readonly onEvent?: EventSink } = {}): Promise<MoveResult> {
  const op = await openOperation(settings, "state move", maskedSink(options).emit, true, "skip");
  try {
    const ctx = op.ctx;
    const record = ctx.session.tryGet(urn);
    if (record === undefined) throw new CairnError("RESOURCE_NOT_FOUND", `Stack "${ctx.stack}" has no resource ${urn}.`, { urn });
    const renames = plannedMoves(ctx, record, target);
    const moved = [...renames.values()];
    if (moved.length === 0 || (renames.size === 1 && renames.get(urn) === urn)) return { moves: [], aliases: [] };
    for (const [from, to] of renames) assertMovable(ctx, from, to, renames);
    const parent = target.parent === undefined ? record.parent : (target.parent ?? undefined);
    await rewrite(ctx, renames, record.urn, parent);
    return { moves: [...renames].map(([from, to]) => ({ from, to })), aliases: [...renames].map(([from, to]) => aliasFor(from, to, record)) };
  } finally {
    await op.close();
  }
}

/** Old URN to new URN for the resource and, if its type chain changes, each descendant. */
function plannedMoves(ctx: OperationContext, record: ResourceState, target: MoveTarget): Map<string, string> {
  const old = tryParseUrn(record.urn)!;
  const parent = target.parent === undefined ? record.parent : (target.parent ?? undefined);
  let chain = record.type;
  if (parent !== undefined) {
    const parentRecord = ctx.session.tryGet(parent);
    if (parentRecord === undefined) throw new CairnError("RESOURCE_NOT_FOUND", `Stack "${ctx.stack}" has no resource ${parent} to be the parent.`, { urn: parent });
    if (parent === record.urn || isDescendant(ctx, parent, record.urn)) {
      throw new CairnError("INVALID_ARGUMENT", `${record.urn} cannot become a child of itself or of its own descendant ${parent}.`, { urn: record.urn });
    }
    chain = `${tryParseUrn(parent)!.typeChain}$${record.type}`;
  }
  const to = makeUrn(ctx.stack, ctx.project, chain, target.name ?? old.name);
  const renames = new Map([[record.urn, to]]);
  if (chain === old.typeChain) return renames;
  for (const other of ctx.session.resources()) {
    if (!isDescendant(ctx, other.urn, record.urn)) continue;
    const parts = tryParseUrn(other.urn)!;
    renames.set(other.urn, makeUrn(ctx.stack, ctx.project, chain + parts.typeChain.slice(old.typeChain.length), parts.name));
  }
  return renames;
}

function isDescendant(ctx: OperationContext, urn: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let at = ctx.session.tryGet(urn)?.parent; at !== undefined && !seen.has(at); at = ctx.session.tryGet(at)?.parent) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}

function assertMovable(ctx: OperationContext, from: string, to: string, renames: ReadonlyMap<string, string>): void {
  const record = ctx.session.tryGet(from)!;
  if (record.pending !== undefined) {
    throw new CairnError("PENDING_OPERATIONS", `${from} has a pending ${record.pending.op}; it can be moved once an operation has settled it.`, { urn: from });
  }
  if (from !== to && ctx.session.tryGet(to) !== undefined && !renames.has(to)) {
    throw new CairnError("RESOURCE_EXISTS", `Stack "${ctx.stack}" already has ${to}; ${from} cannot take its place.`, { urn: to });
  }
}

/** Writes the moves: the new records first, then the references, then the old records go. */
async function rewrite(ctx: OperationContext, renames: ReadonlyMap<string, string>, moved: string, parent: string | undefined): Promise<void> {
  const map = (urn: string): string => renames.get(urn) ?? urn;
  const records = [...ctx.session.resources()];
  for (const record of records) {
    if (!renames.has(record.urn)) continue;
    const next = relinked({ ...record, urn: map(record.urn) }, map);
    if (record.urn !== moved) await ctx.session.put(next);
    else {
      const { parent: _old, ...rest } = next;
      await ctx.session.put(parent === undefined ? rest : { ...rest, parent: map(parent) });
    }
  }
  for (const record of records) {
    if (renames.has(record.urn)) continue;
    const next = relinked(record, map);
    if (next !== record) await ctx.session.put(next);
  }
  for (const [from, to] of renames) if (from !== to) await ctx.session.remove(from);
}

/** A record with its parent, provider and dependencies renamed; the same object when none changes. */
function relinked(record: ResourceState, map: (urn: string) => string): ResourceState {
  const parent = record.parent === undefined ? undefined : map(record.parent);
  const provider = record.provider === undefined ? undefined : map(record.provider);
  const dependencies = record.dependencies.map(map);
  const same = parent === record.parent && provider === record.provider && dependencies.every((d, i) => d === record.dependencies[i]);
  if (same) return record;
  return { ...record, ...(parent === undefined ? {} : { parent }), ...(provider === undefined ? {} : { provider }), dependencies };
}

function aliasFor(from: string, to: string, moved: ResourceState): AliasHint {
  const before = tryParseUrn(from)!;
  const after = tryParseUrn(to)!;
  const base = { resource: to, urn: from };
  if (from !== moved.urn) return base;
  if (before.typeChain === after.typeChain && before.name !== after.name) return { ...base, name: before.name };
  if (before.name === after.name && before.typeChain === moved.type && moved.parent === undefined) return { ...base, noParent: true };
  return base;
}
