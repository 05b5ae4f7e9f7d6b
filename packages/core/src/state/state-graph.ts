import { Graph } from "../dag/graph.js";
import type { ResourceState } from "./model.js";

/**
 * The resources of a state as a graph: each depends on its dependencies and
 * on its parent, as they were when it was last deployed. `dependentsOf(urn)`
 * answers what still points at a resource.
 */
export function stateGraph(resources: Iterable<ResourceState>): Graph<string> {
  const graph = new Graph<string>();
  for (const record of resources) {
    graph.addNode(record.urn);
    for (const dep of record.dependencies) graph.addEdge(record.urn, dep);
    if (record.parent !== undefined) graph.addEdge(record.urn, record.parent);
  }
  return graph;
}
