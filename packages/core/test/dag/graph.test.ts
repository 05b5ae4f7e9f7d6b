import { Graph } from "../../src/dag/graph.js";

function graphOf(edges: Array<[string, string]>, nodes: string[] = []): Graph<string> {
  const graph = new Graph<string>();
  for (const node of nodes) graph.addNode(node);
  for (const [from, to] of edges) graph.addEdge(from, to);
  return graph;
}

describe("Graph", () => {
  test("topological order puts every dependency before its dependents", () => {
    const graph = graphOf([
      ["app", "db"],
      ["app", "cache"],
      ["db", "vpc"],
      ["cache", "vpc"],
    ]);
    const order = graph.tryTopologicalOrder()!;
    for (const node of graph.nodes) for (const dep of graph.dependenciesOf(node)) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(node));
    expect(order).toEqual(["vpc", "db", "cache", "app"]);
  });

  test("nodes that are free at the same time keep insertion order, so the order is stable", () => {
    const a = graphOf([], ["c", "a", "b"]).tryTopologicalOrder();
    expect(a).toEqual(["c", "a", "b"]);
    const again = graphOf([], ["c", "a", "b"]).tryTopologicalOrder();
    expect(again).toEqual(a);
  });

  test("dependencies and dependents are both recorded; adding a node twice is harmless", () => {
    const graph = graphOf([["b", "a"]]);
    graph.addNode("a");
    expect(graph.size).toBe(2);
    expect(graph.has("a")).toBe(true);
    expect(graph.dependenciesOf("b")).toEqual(["a"]);
    expect(graph.dependentsOf("a")).toEqual(["b"]);
    expect(graph.dependenciesOf("missing")).toEqual([]);
  });

  test("a cycle has no topological order, and findCycle gives it in dependency order, closed", () => {
    const graph = graphOf([
      ["start", "x"],
      ["x", "y"],
      ["y", "z"],
      ["z", "x"],
    ]);
    expect(graph.tryTopologicalOrder()).toBeUndefined();
    expect(graph.findCycle()).toEqual(["x", "y", "z", "x"]);
  });

  test("a self-dependency is a cycle of one", () => {
    expect(graphOf([["a", "a"]]).findCycle()).toEqual(["a", "a"]);
  });

  test("an acyclic graph has no cycle, including diamonds", () => {
    expect(graphOf([["d", "b"], ["d", "c"], ["b", "a"], ["c", "a"]]).findCycle()).toBeUndefined();
  });

  test("a chain of 100,000 nodes is ordered and searched without overflowing the stack", () => {
    const graph = new Graph<number>();
    for (let i = 1; i < 100_000; i++) graph.addEdge(i, i - 1);
    expect(graph.findCycle()).toBeUndefined();
    const order = graph.tryTopologicalOrder()!;
    expect(order[0]).toBe(0);
    expect(order[99_999]).toBe(99_999);
    graph.addEdge(0, 99_999);
    expect(graph.findCycle()).toHaveLength(100_001);
  });
});
