import { Graph } from "../../src/dag/graph.js";
import { CycleError, Walker, type IndexedGraph } from "../../src/dag/walker.js";

function graphOf(edges: Array<[string, string]>, nodes: string[] = []): Graph<string> {
  const graph = new Graph<string>();
  for (const node of nodes) graph.addNode(node);
  for (const [from, to] of edges) graph.addEdge(from, to);
  return graph;
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A diamond under an app: app -> (db, cache) -> vpc, and a lone `logs`. */
const diamond = (): Graph<string> =>
  graphOf(
    [
      ["app", "db"],
      ["app", "cache"],
      ["db", "vpc"],
      ["cache", "vpc"],
    ],
    ["logs"],
  );

describe("Walker", () => {
  test("visits every vertex once, each after everything it depends on has finished", async () => {
    const finished = new Set<string>();
    const visits: string[] = [];
    const graph = diamond();
    const summary = await new Walker(graph, {
      visit: async (key) => {
        for (const dep of graph.dependenciesOf(key)) expect(finished.has(dep)).toBe(true);
        visits.push(key);
        await tick(1);
        finished.add(key);
      },
    }).run();
    expect([...visits].sort()).toEqual(["app", "cache", "db", "logs", "vpc"]);
    expect(visits.indexOf("app")).toBe(4);
    expect(summary).toEqual({ done: 5, failed: 0, skipped: 0 });
  });

  test("independent vertices run at once; a concurrency limit caps how many are in flight", async () => {
    const graph = graphOf([], ["a", "b", "c", "d", "e", "f"]);
    const peak = async (concurrency?: number): Promise<number> => {
      let running = 0;
      let most = 0;
      await new Walker(
        graph,
        {
          visit: async () => {
            most = Math.max(most, ++running);
            await tick(2);
            running--;
          },
        },
        concurrency === undefined ? {} : { concurrency },
      ).run();
      return most;
    };
    expect(await peak()).toBe(6);
    expect(await peak(2)).toBe(2);
  });

  test("a failure skips its dependents, transitively, naming the root cause, and nothing else", async () => {
    const graph = graphOf([
      ["db", "vpc"],
      ["app", "db"],
      ["web", "app"],
      ["cache", "vpc"],
    ]);
    const visited: string[] = [];
    const skipped: Array<[string, string | undefined]> = [];
    const summary = await new Walker(graph, {
      visit: async (key) => {
        await tick(1);
        visited.push(key);
        if (key === "db") throw new Error("db is broken");
      },
      skipped: (key, cause) => skipped.push([key, cause]),
    }).run();
    expect(visited.sort()).toEqual(["cache", "db", "vpc"]);
    expect(skipped).toEqual([
      ["app", "db"],
      ["web", "db"],
    ]);
    expect(summary).toEqual({ done: 2, failed: 1, skipped: 2 });
  });

  test("a visit that throws synchronously fails its vertex like a rejected one", async () => {
    const skipped: string[] = [];
    const summary = await new Walker(graphOf([["b", "a"]]), {
      visit: (key) => {
        if (key === "a") throw new Error("no");
      },
      skipped: (key) => skipped.push(key),
    }).run();
    expect(skipped).toEqual(["b"]);
    expect(summary).toEqual({ done: 0, failed: 1, skipped: 1 });
  });

  test("cancel skips everything not started as cancelled; what is in flight finishes", async () => {
    const graph = graphOf([
      ["b", "a"],
      ["c", "b"],
    ]);
    const skipped: Array<[string, string | undefined]> = [];
    let walker: Walker<string> | undefined;
    const visited: string[] = [];
    walker = new Walker(graph, {
      visit: async (key) => {
        visited.push(key);
        walker!.cancel();
        await tick(1);
      },
      skipped: (key, cause) => skipped.push([key, cause]),
    });
    const summary = await walker.run();
    expect(visited).toEqual(["a"]);
    expect(skipped).toEqual([
      ["b", undefined],
      ["c", undefined],
    ]);
    expect(summary).toEqual({ done: 1, failed: 0, skipped: 2 });
    expect(walker.cancelled).toBe(true);
  });

  test("cancelled before it runs, it visits nothing", async () => {
    const visited: string[] = [];
    const walker = new Walker(diamond(), { visit: (key) => void visited.push(key) });
    walker.cancel();
    expect(await walker.run()).toEqual({ done: 0, failed: 0, skipped: 5 });
    expect(visited).toEqual([]);
  });

  test("synchronous visits run inline: a whole graph of them finishes in one turn", async () => {
    const visited: string[] = [];
    let turnEnded = false;
    setImmediate(() => (turnEnded = true));
    await new Walker(diamond(), { visit: (key) => void visited.push(key) }).run();
    expect(turnEnded).toBe(false);
    expect(visited).toHaveLength(5);
    expect(visited.indexOf("vpc")).toBeLessThan(visited.indexOf("db"));
  });

  test("a chain of 100,000 vertices runs without overflowing the stack, synchronous or not, and a failure at its root skips the rest", async () => {
    const n = 100_000;
    const graph = new Graph<number>();
    graph.addNode(0);
    for (let i = 1; i < n; i++) graph.addEdge(i, i - 1);
    let last = -1;
    let outOfOrder = 0;
    const inOrder = (key: number): void => {
      if (key !== last + 1) outOfOrder++;
      last = key;
    };
    expect(await new Walker(graph, { visit: (key) => void inOrder(key) }).run()).toEqual({ done: n, failed: 0, skipped: 0 });
    last = -1;
    expect(await new Walker(graph, { visit: async (key) => inOrder(key) }).run()).toEqual({ done: n, failed: 0, skipped: 0 });
    expect([outOfOrder, last]).toEqual([0, n - 1]);
    let skipped = 0;
    const failing = new Walker(graph, {
      visit: (key) => {
        if (key === 0) throw new Error("root");
      },
      skipped: (_key, cause) => {
        if (cause === 0) skipped++;
      },
    });
    expect(await failing.run()).toEqual({ done: 0, failed: 1, skipped: n - 1 });
    expect(skipped).toBe(n - 1);
  });

  test("at most startsPerTurn visits start per turn of the event loop", async () => {
    const graph = graphOf([], ["a", "b", "c", "d", "e"]);
    let turn = 0;
    const turns: number[] = [];
    let walking = true;
    const advance = (): void => {
      turn++;
      if (walking) setImmediate(advance);
    };
    setImmediate(advance);
    await new Walker(graph, { visit: () => void turns.push(turn) }, { startsPerTurn: 2 }).run();
    walking = false;
    expect(turns).toHaveLength(5);
    expect(turns[0]).toBe(turns[1]);
    expect(turns[2]).toBeGreaterThan(turns[1]!);
    expect(turns[2]).toBe(turns[3]);
    expect(turns[4]).toBeGreaterThan(turns[3]!);
  });

  test("nothing starts while mayStart says no; the walk goes on once onRoom settles", async () => {
    let room = false;
    let release: () => void = () => undefined;
    const visited: string[] = [];
    const run = new Walker(
      graphOf([], ["a", "b"]),
      { visit: (key) => void visited.push(key) },
      { mayStart: () => room, onRoom: () => new Promise<void>((resolve) => (release = resolve)) },
    ).run();
    await tick(5);
    expect(visited).toEqual([]);
    room = true;
    release();
    await run;
    expect(visited.sort()).toEqual(["a", "b"]);
  });

  test("a cycle is refused up front with the vertices along it, and nothing is visited", async () => {
    const visited: string[] = [];
    const graph = graphOf([
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
      ["d", "a"],
    ]);
    graph.addNode("free");
    const walk = new Walker(graph, { visit: (key) => void visited.push(key) }).run();
    await expect(walk).rejects.toBeInstanceOf(CycleError);
    await expect(walk).rejects.toMatchObject({ cycle: ["a", "b", "c", "a"] });
    expect(visited).toEqual([]);
  });

  test("a graph given as positions and edge pairs is walked in the same order as the same Graph", async () => {
    const order = async (graph: Graph<string> | IndexedGraph<string>): Promise<string[]> => {
      const visits: string[] = [];
      await new Walker(graph, {
        visit: async (key) => {
          visits.push(key);
          await tick(1);
        },
      }).run();
      return visits;
    };
    // diamond() as positions: logs, app, db, cache, vpc; app -> db, app -> cache, db -> vpc, cache -> vpc.
    const indexed: IndexedGraph<string> = { keys: ["logs", "app", "db", "cache", "vpc"], from: [1, 1, 2, 3], to: [2, 3, 4, 4] };
    expect(await order(indexed)).toEqual(await order(diamond()));
    expect((await order(indexed)).indexOf("app")).toBe(4);
  });

  test("a cycle in a graph given as edge pairs is named as Graph.findCycle names it", async () => {
    const visited: string[] = [];
    const indexed: IndexedGraph<string> = { keys: ["a", "b", "c", "d", "free"], from: [0, 1, 2, 3], to: [1, 2, 0, 0] };
    const walk = new Walker(indexed, { visit: (key) => void visited.push(key) }).run();
    await expect(walk).rejects.toMatchObject({ cycle: ["a", "b", "c", "a"] });
    expect(visited).toEqual([]);
  });

  test("an empty graph finishes at once", async () => {
    expect(await new Walker(new Graph<string>(), { visit: () => undefined }).run()).toEqual({ done: 0, failed: 0, skipped: 0 });
  });
});
