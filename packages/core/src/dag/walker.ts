import { Graph } from "./graph.js";

/**
 * What a {@link Walker} calls. `visit` runs a vertex once everything it
 * depends on is done; it may finish synchronously (return nothing) or return
 * a promise. A visit that throws or rejects fails its vertex, and every
 * vertex that depends on it, directly or not, is skipped with it as the cause.
 */
export interface WalkCallbacks<K> {
  visit(key: K): void | PromiseLike<void>;
  /** A vertex that will not run: `cause` is the failed vertex it waited for, or `undefined` when the walk was cancelled. */
  skipped?(key: K, cause: K | undefined): void;
}

/**
 * A graph as a {@link Walker} can take it: vertices by position and edges as
 * pairs of positions, with no maps. A caller that numbers its vertices as it
 * makes them builds this directly, at a fraction of a {@link Graph}'s memory.
 */
export interface IndexedGraph<K> {
  /** The vertices; each is named by its position here. The walker keeps this array: do not change it during a walk. */
  readonly keys: readonly K[];
  /** Edge `e` says that vertex `from[e]` depends on vertex `to[e]`; edges may repeat. */
  readonly from: ArrayLike<number>;
  /** See {@link IndexedGraph.from}. */
  readonly to: ArrayLike<number>;
}

/** How a {@link Walker} paces its visits. */
export interface WalkOptions {
  /** At most this many visits in flight at once. @default no limit */
  readonly concurrency?: number;
  /** At most this many visits start per turn of the event loop; the rest start after `setImmediate`. @default no limit */
  readonly startsPerTurn?: number;
  /** Asked before each start; when it says no, nothing starts until `onRoom()` settles. */
  readonly mayStart?: () => boolean;
  /** Settles when `mayStart` may say yes again; required with `mayStart`. */
  readonly onRoom?: () => PromiseLike<unknown>;
}

/** The graph has a cycle, so a walk could never finish; nothing was visited. */
export class CycleError<K> extends Error {
  /** The keys along the cycle in dependency order, the first repeated at the end. */
  readonly cycle: readonly K[];

  constructor(cycle: readonly K[]) {
    super(`The graph has a cycle of ${cycle.length - 1} vertices.`);
    this.name = "CycleError";
    this.cycle = cycle;
  }
}

/** What became of the vertices of a walk. */
export interface WalkSummary {
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
}

const WAITING = 0;
const READY = 1;
const RUNNING = 2;
const DONE = 3;
const FAILED = 4;
const SKIPPED = 5;

/**
 * Runs a callback per vertex of a {@link Graph} as its dependencies finish,
 * in dependency order, with a concurrency limit and pacing. The graph is read
 * once into arrays when the walker is made; later changes to it are not seen.
 * Long chains of synchronous visits run in a loop, never deepening the stack.
 */
export class Walker<K> {
  readonly #keys: readonly K[];
  /** Dependents of vertex i: `#edges[#first[i] .. #first[i + 1])`. */
  readonly #first: Int32Array;
  readonly #edges: Int32Array;
  readonly #waiting: Int32Array;
  readonly #state: Uint8Array;
  /** Finds a cycle once a walk is refused for one; only then is it worth the work. */
  readonly #findCycle: () => K[] | undefined;
  readonly #callbacks: WalkCallbacks<K>;
  readonly #limit: number;
  readonly #perTurn: number;
  readonly #options: WalkOptions;
  /** Vertices whose dependencies are done, not yet started (a stack: the latest freed starts first, as the latest added among the free at the start). */
  readonly #ready: number[] = [];
  #running = 0;
  #unsettled: number;
  #draining = false;
  #drainScheduled = false;
  #started = false;
  #cancelled = false;
  #summary = { done: 0, failed: 0, skipped: 0 };
  #finish: () => void = () => undefined;

  constructor(graph: Graph<K> | IndexedGraph<K>, callbacks: WalkCallbacks<K>, options: WalkOptions = {}) {
    this.#callbacks = callbacks;
    this.#options = options;
    this.#limit = options.concurrency ?? Infinity;
    this.#perTurn = options.startsPerTurn ?? Infinity;
    if (!(this.#limit >= 1)) throw new RangeError("The concurrency must be at least 1.");
    if (!(this.#perTurn >= 1)) throw new RangeError("The starts per turn must be at least 1.");
    if (options.mayStart !== undefined && options.onRoom === undefined) throw new TypeError("mayStart needs onRoom.");
    const indexed = graph instanceof Graph ? indexedFrom(graph) : graph;
    const count = indexed.keys.length;
    const { from, to } = indexed;
    // Dependents grouped by the vertex they wait for, each group in edge order (a counting sort).
    const first = new Int32Array(count + 1);
    const waiting = new Int32Array(count);
    for (let e = 0; e < to.length; e++) {
      first[to[e]! + 1]!++;
      waiting[from[e]!]!++;
    }
    for (let i = 0; i < count; i++) first[i + 1]! += first[i]!;
    const edges = new Int32Array(to.length);
    const fill = first.slice(0, count);
    for (let e = 0; e < to.length; e++) edges[fill[to[e]!]!++] = from[e]!;
    this.#keys = indexed.keys;
    this.#first = first;
    this.#edges = edges;
    this.#waiting = waiting;
    this.#state = new Uint8Array(count);
    this.#unsettled = count;
    this.#findCycle = graph instanceof Graph ? () => graph.findCycle() : () => findIndexedCycle(indexed);
  }

  /**
   * Visits every vertex and settles when each is done, failed or skipped.
   * Rejects with a {@link CycleError}, visiting nothing, when the graph has a
   * cycle. A walker runs once.
   */
  async run(): Promise<WalkSummary> {
    if (this.#started) throw new Error("A walker runs once.");
    this.#started = true;
    this.#refuseCycle();
    const finished = new Promise<void>((resolve) => {
      this.#finish = resolve;
    });
    if (this.#unsettled === 0) this.#finish();
    for (let i = 0; i < this.#keys.length; i++) if (this.#waiting[i] === 0 && this.#state[i] === WAITING) this.#makeReady(i);
    this.#drain();
    await finished;
    return { ...this.#summary };
  }

  /** Skips every vertex not started yet; visits in flight run to their end. Harmless to call twice. */
  cancel(): void {
    this.#cancelled = true;
    for (let i = 0; i < this.#keys.length; i++) if (this.#state[i] === WAITING || this.#state[i] === READY) this.#skip(i, -1);
  }

  /** Whether {@link cancel} was called. */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Kahn's count over the arrays; only when it comes short is the graph asked for the cycle itself. */
  #refuseCycle(): void {
    const left = Int32Array.from(this.#waiting);
    const order: number[] = [];
    for (let i = 0; i < left.length; i++) if (left[i] === 0) order.push(i);
    for (let n = 0; n < order.length; n++) {
      const v = order[n]!;
      for (let e = this.#first[v]!; e < this.#first[v + 1]!; e++) if (--left[this.#edges[e]!]! === 0) order.push(this.#edges[e]!);
    }
    if (order.length < left.length) throw new CycleError(this.#findCycle() ?? []);
  }

  #makeReady(i: number): void {
    this.#state[i] = READY;
    this.#ready.push(i);
  }

  #settleOne(): void {
    if (--this.#unsettled === 0) this.#finish();
  }

  /**
   * Starts ready vertices in a loop while the limit, the pace and `mayStart`
   * allow; a visit that ends later calls it again.
   */
  #drain(): void {
    this.#drainScheduled = false;
    this.#draining = true;
    const { mayStart, onRoom } = this.#options;
    let started = 0;
    while (this.#ready.length > 0 && this.#running < this.#limit) {
      if (mayStart !== undefined && !mayStart()) {
        this.#drainScheduled = true;
        void Promise.resolve(onRoom!()).then(() => this.#drain());
        break;
      }
      if (started++ === this.#perTurn) {
        this.#drainScheduled = true;
        setImmediate(() => this.#drain());
        break;
      }
      const i = this.#ready.pop()!;
      if (this.#state[i] === READY) this.#start(i);
    }
    this.#draining = false;
  }

  #start(i: number): void {
    this.#state[i] = RUNNING;
    this.#running++;
    let outcome: void | PromiseLike<void>;
    try {
      outcome = this.#callbacks.visit(this.#keys[i]!);
    } catch (error) {
      this.#failed(i);
      return;
    }
    if (outcome === undefined || typeof outcome.then !== "function") this.#done(i);
    else outcome.then(() => this.#done(i), () => this.#failed(i));
  }

  #done(i: number): void {
    this.#running--;
    this.#state[i] = DONE;
    this.#summary.done++;
    for (let e = this.#first[i]!; e < this.#first[i + 1]!; e++) {
      const d = this.#edges[e]!;
      if (--this.#waiting[d]! === 0 && this.#state[d] === WAITING) this.#makeReady(d);
    }
    this.#settleOne();
    if (!this.#draining && !this.#drainScheduled) this.#drain();
  }

  #failed(i: number): void {
    this.#running--;
    this.#state[i] = FAILED;
    this.#summary.failed++;
    this.#settleOne();
    for (let e = this.#first[i]!; e < this.#first[i + 1]!; e++) this.#skip(this.#edges[e]!, i);
    if (!this.#draining && !this.#drainScheduled) this.#drain();
  }

  /** Skips a vertex and, transitively, what waits for it; iterative, so long chains are fine. */
  #skip(first: number, cause: number): void {
    const work = [first];
    while (work.length > 0) {
      const i = work.pop()!;
      if (this.#state[i] !== WAITING && this.#state[i] !== READY) continue;
      this.#state[i] = SKIPPED;
      this.#summary.skipped++;
      this.#callbacks.skipped?.(this.#keys[i]!, cause < 0 ? undefined : this.#keys[cause]);
      for (let e = this.#first[i]!; e < this.#first[i + 1]!; e++) work.push(this.#edges[e]!);
      this.#settleOne();
    }
  }
}

/** A {@link Graph} as positions and edge pairs, each vertex's dependents in the graph's order. */
function indexedFrom<K>(graph: Graph<K>): IndexedGraph<K> {
  const keys = [...graph.nodes];
  const index = new Map<K, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i]!, i);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (const dependent of graph.dependentsOf(keys[i]!)) {
      from.push(index.get(dependent)!);
      to.push(i);
    }
  }
  return { keys, from, to };
}

/**
 * One cycle of an indexed graph, as {@link Graph.findCycle} gives it: the
 * keys along it in dependency order, the first repeated at the end.
 */
function findIndexedCycle<K>({ keys, from, to }: IndexedGraph<K>): K[] | undefined {
  const graph = new Graph<K>();
  for (const key of keys) graph.addNode(key);
  for (let e = 0; e < from.length; e++) graph.addEdge(keys[from[e]!]!, keys[to[e]!]!);
  return graph.findCycle();
}
