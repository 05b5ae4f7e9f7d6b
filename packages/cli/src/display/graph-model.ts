import { nameOfUrn, type Plan, type StepOp } from "@cairn/core/automation";

/** One resource of the graph. */
export interface GraphNode {
  readonly urn: string;
  readonly name: string;
  readonly type: string;
  /** Components group their children; providers configure others. */
  readonly kind: "custom" | "component" | "provider";
  readonly parent?: string;
  /** The planned step, when the graph was drawn with `--plan`. */
  readonly op?: StepOp;
}

/** A dependency: `to` needs `from` first. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

/** The resources of a stack and their dependencies, parents kept apart as grouping. */
export interface GraphModel {
  readonly stack: string;
  readonly project: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/**
 * The graph of a plan's resources: every resource the program registers and
 * every one the plan deletes; an edge per dependency (a child's tie to its
 * parent is shown as grouping, not as an edge). With `withOps`, each node
 * carries its planned step.
 */
export function graphOfPlan(plan: Plan, withOps: boolean): GraphModel {
  const nodes = new Map<string, GraphNode>();
  for (const step of plan.steps) {
    // A replacement's deposed object or a second step of one URN adds no node.
    if (nodes.has(step.urn)) continue;
    nodes.set(step.urn, {
      urn: step.urn,
      name: nameOfUrn(step.urn),
      type: step.type,
      kind: step.kind,
      ...(step.parent === undefined ? {} : { parent: step.parent }),
      ...(withOps ? { op: step.op } : {}),
    });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const step of plan.steps) {
    // A delete's dependencies are the resources that waited for it: the same edges, seen from the other end.
    if (step.op === "delete") continue;
    for (const dependency of step.dependencies) {
      const key = `${dependency}\n${step.urn}`;
      if (dependency === step.parent || !nodes.has(dependency) || seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: dependency, to: step.urn });
    }
  }
  return { stack: plan.stack, project: plan.project, nodes: [...nodes.values()], edges };
}

/** The colour of each planned step, shared by every format. */
export const OP_COLOURS: Readonly<Record<StepOp, string>> = {
  create: "#2e9d4f",
  update: "#c9a227",
  replace: "#8e44ad",
  delete: "#d64541",
  import: "#2f80ed",
  same: "#9aa5b1",
};
