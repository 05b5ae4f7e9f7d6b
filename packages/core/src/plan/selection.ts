import { Graph } from "../dag/graph.js";
import { CairnError } from "../errors.js";
import { hintSentence, type Hint } from "../hints.js";
import type { DesiredGraph } from "../program/desired-graph.js";
import type { ResourceNode } from "../resource/node.js";
import { nameOfUrn } from "../resource/urn.js";
import type { ResourceState } from "../state/model.js";
import type { StateSession } from "../state/session.js";
import { stateGraph } from "../state/state-graph.js";

/** The prior state as the planner reads it. */
export type PriorState = Pick<StateSession, "tryGet" | "resources" | "baseSerial">;

/** The two graphs a selection is made from: what the program wants and what state has. */
export interface SelectionSources {
  readonly graph: DesiredGraph;
  readonly session: PriorState;
}

/** The desired resources, every one after what it depends on; a cycle is PLAN_CYCLE, named in order. */
export function dependencyOrder(ctx: SelectionSources, nodes: readonly ResourceNode[]): ResourceNode[] {
  const graph = new Graph<string>();
  for (const node of nodes) graph.addNode(node.urn);
  for (const node of nodes) for (const dep of ctx.graph.dependenciesOf(node.urn)) if (graph.has(dep)) graph.addEdge(node.urn, dep);
  const order = graph.tryTopologicalOrder();
  if (order === undefined) {
    const cycle = graph.findCycle() ?? [];
    const names = cycle.map((urn) => ctx.graph.tryGet(urn)?.name ?? urn);
    throw new CairnError("PLAN_CYCLE", `The resources depend on each other in a cycle: ${names.join(" -> ")}. Nothing was applied.`);
  }
  return order.map((urn) => ctx.graph.tryGet(urn)!);
}

/** A desired resource's record in state: under its URN, or under an alias no desired resource holds. */
export function findPrior(ctx: SelectionSources, node: ResourceNode): ResourceState | undefined {
  const direct = ctx.session.tryGet(node.urn);
  if (direct !== undefined) return direct;
  for (const alias of node.options.aliases) {
    const aliased = ctx.session.tryGet(alias);
    if (aliased !== undefined && !ctx.graph.has(alias)) return aliased;
  }
  return undefined;
}

/** The targets and everything they depend on (what a targeted update may change); `undefined` for no targets. */
export function targetClosure(ctx: SelectionSources, targets: readonly string[] | undefined): Set<string> | undefined {
  if (targets === undefined || targets.length === 0) return undefined;
  const closure = new Set<string>();
  const visit = (urn: string): void => {
    if (closure.has(urn)) return;
    closure.add(urn);
    for (const dep of ctx.graph.dependenciesOf(urn)) visit(dep);
  };
  for (const target of targets) visit(resolveResource(ctx, target, "target"));
  return closure;
}

/** The targets and everything in state that depends on them, directly or not (what a targeted destroy deletes). */
export function dependentsClosure(ctx: SelectionSources, targets: readonly string[] | undefined): Set<string> | undefined {
  if (targets === undefined || targets.length === 0) return undefined;
  const graph = stateGraph(ctx.session.resources());
  const closure = new Set<string>();
  const visit = (urn: string): void => {
    if (closure.has(urn)) return;
    closure.add(urn);
    for (const dependent of graph.dependentsOf(urn)) visit(dependent);
  };
  for (const target of targets) visit(resolveResource(ctx, target, "target"));
  return closure;
}

/**
 * The URN a `--target` or `--replace` names: a URN, or a resource's name when
 * exactly one resource of the program or the state has it.
 */
export function resolveResource(ctx: SelectionSources, given: string, option: "target" | "replace"): string {
  if (ctx.graph.has(given) || ctx.session.tryGet(given) !== undefined) return given;
  const matches = new Set<string>();
  for (const node of ctx.graph.nodes) if (node.name === given) matches.add(node.urn);
  for (const record of ctx.session.resources()) if (nameOfUrn(record.urn) === given) matches.add(record.urn);
  if (matches.size === 1) return [...matches][0]!;
  const named: Hint = { kind: "option", option, value: given };
  if (matches.size > 1) {
    throw new CairnError("INVALID_ARGUMENT", `${hintSentence(named)} names ${matches.size} resources; give one URN:\n${[...matches].map((urn) => `  ${urn}`).join("\n")}`, { hints: [named] });
  }
  const list: Hint = { kind: "list-resources" };
  throw new CairnError("RESOURCE_NOT_FOUND", `${hintSentence(named)} names no resource of the program or the state. ${hintSentence(list)}`, { hints: [named, list] });
}
