import { Graph } from "../dag/graph.js";
import { CairnError } from "../errors.js";
import type { ResourceState } from "../state/model.js";
import { decideDelete } from "./decide.js";
import type { Plan, PlanStep } from "./step.js";

/** The parts of a plan, before they are put in order. */
export interface PlanParts {
  readonly project: string;
  readonly stack: string;
  readonly priorSerial: number;
  /** Steps of the desired resources, in the desired graph's topological order. */
  readonly forward: readonly PlanStep[];
  /** Every resource in state, in state order. */
  readonly prior: readonly ResourceState[];
  /** Prior URNs that a desired resource claims (directly or through an alias). */
  readonly claimed: ReadonlySet<string>;
  /** When set, only these prior URNs may be deleted. */
  readonly deleteTargets?: ReadonlySet<string>;
  readonly destroying: boolean;
}

/**
 * Puts a plan together: the desired resources' steps first, in dependency
 * order, then deletes of what the program dropped and of objects that
 * earlier replacements deposed, dependents before their dependencies. Pure.
 */
export function assemblePlan(parts: PlanParts): { plan: Plan; errors: CairnError[] } {
  const errors: CairnError[] = [];
  const deletes: PlanStep[] = [];
  for (const prior of reverseDependencyOrder(parts.prior)) {
    for (const deposed of prior.deposed ?? []) {
      deletes.push({
        op: "delete",
        urn: prior.urn,
        type: prior.type,
        kind: prior.kind,
        id: deposed.id,
        oldInputs: deposed.inputs,
        oldOutputs: deposed.outputs,
        dependencies: prior.dependencies,
        reason: "deposed",
        ...(prior.provider === undefined ? {} : { provider: prior.provider }),
      });
    }
    if (parts.claimed.has(prior.urn)) continue;
    const targeted = parts.deleteTargets === undefined || parts.deleteTargets.has(prior.urn);
    const step = decideDelete(prior, targeted, parts.destroying);
    if (step instanceof CairnError) errors.push(step);
    else if (step !== undefined) deletes.push(step);
  }
  return {
    plan: { project: parts.project, stack: parts.stack, priorSerial: parts.priorSerial, steps: [...parts.forward, ...deletes] },
    errors,
  };
}

/** Resources with every dependent before what it depends on; ties keep state order. */
export function reverseDependencyOrder(resources: readonly ResourceState[]): ResourceState[] {
  const graph = new Graph<string>();
  const byUrn = new Map<string, ResourceState>();
  for (const resource of resources) {
    graph.addNode(resource.urn);
    byUrn.set(resource.urn, resource);
  }
  for (const resource of resources) {
    for (const dep of resource.dependencies) if (byUrn.has(dep)) graph.addEdge(resource.urn, dep);
    if (resource.parent !== undefined && byUrn.has(resource.parent)) graph.addEdge(resource.urn, resource.parent);
  }
  const order = graph.tryTopologicalOrder() ?? resources.map((resource) => resource.urn);
  return order.reverse().map((urn) => byUrn.get(urn)!);
}
