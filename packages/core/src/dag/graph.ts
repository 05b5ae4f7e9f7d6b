/**
 * A directed graph of keys where an edge `a -> b` means "a depends on b".
 * It knows nothing of resources: the planner and the engine give it keys.
 */
export class Graph<K> {
  readonly #dependencies = new Map<K, K[]>();
  readonly #dependents = new Map<K, K[]>();

  /** Adds a node; adding one twice is harmless. */
  addNode(key: K): void {
    if (!this.#dependencies.has(key)) {
      this.#dependencies.set(key, []);
      this.#dependents.set(key, []);
    }
  }

  /** Records that `from` depends on `to`; both are added if missing. */
  addEdge(from: K, to: K): void {
    this.addNode(from);
    this.addNode(to);
    this.#dependencies.get(from)!.push(to);
    this.#dependents.get(to)!.push(from);
  }

  /** Whether the node exists. */
  has(key: K): boolean {
    return this.#dependencies.has(key);
  }

  /** Nodes in insertion order. */
  get nodes(): IterableIterator<K> {
    return this.#dependencies.keys();
  }

  /** How many nodes there are. */
  get size(): number {
    return this.#dependencies.size;
  }

  /** What `key` depends on. */
  dependenciesOf(key: K): readonly K[] {
    return this.#dependencies.get(key) ?? [];
  }

  /** What depends on `key`. */
  dependentsOf(key: K): readonly K[] {
    return this.#dependents.get(key) ?? [];
  }

  /**
   * Nodes with every dependency before its dependents; among nodes that are
   * free at the same time, insertion order decides, so the order is stable.
   * Returns `undefined` if there is a cycle.
   */
  tryTopologicalOrder(): K[] | undefined {
    const remaining = new Map<K, number>();
    for (const [key, deps] of this.#dependencies) remaining.set(key, deps.length);
    const order: K[] = [];
    // Kahn's algorithm with a queue seeded in insertion order.
    for (const [key, count] of remaining) if (count === 0) order.push(key);
    for (let i = 0; i < order.length; i++) {
      for (const dependent of this.#dependents.get(order[i]!)!) {
        const left = remaining.get(dependent)! - 1;
        remaining.set(dependent, left);
        if (left === 0) order.push(dependent);
      }
    }
    return order.length === this.#dependencies.size ? order : undefined;
  }

  /** One cycle, as the keys along it in dependency order (the first repeated at the end), or `undefined`. */
  findCycle(): K[] | undefined {
    const state = new Map<K, 1 | 2>();
    const path: K[] = [];
    for (const start of this.#dependencies.keys()) {
      if (state.has(start)) continue;
      // Iterative depth-first search, so deep chains do not overflow the stack.
      const stack: Array<{ key: K; next: number }> = [{ key: start, next: 0 }];
      state.set(start, 1);
      path.push(start);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        const deps = this.#dependencies.get(frame.key)!;
        if (frame.next < deps.length) {
          const dep = deps[frame.next++]!;
          const seen = state.get(dep);
          if (seen === 1) return [...path.slice(path.indexOf(dep)), dep];
          if (seen === undefined) {
            state.set(dep, 1);
            path.push(dep);
            stack.push({ key: dep, next: 0 });
          }
        } else {
          state.set(frame.key, 2);
          path.pop();
          stack.pop();
        }
      }
    }
    return undefined;
  }
}
