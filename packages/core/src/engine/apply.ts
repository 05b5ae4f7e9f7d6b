import { CairnError, codeAndHints, messageOf } from "../errors.js";
import { Graph } from "../dag/graph.js";
import { CycleError, Walker, type IndexedGraph } from "../dag/walker.js";
import { stateGraph } from "../state/state-graph.js";
import { nameOfUrn } from "../resource/urn.js";
import { countSteps, type Plan, type PlanStep, type StepCounts, type StepOp } from "../plan/step.js";
import type { StepFailure } from "../automation/types.js";
import type { OperationContext } from "./context.js";
import { CallTracker } from "./call-tracker.js";
import { Limiter } from "./limiter.js";
import { TokenSource } from "./tokens.js";
import { PhaseValues } from "./phase-values.js";
import { AbandonedError } from "./provider-call.js";
import type { StepRuntime } from "./step-runtime.js";
import { runDelete, runForward, runRetire, trySameInline } from "./steps.js";

import type { OperationStatus } from "./events.js";

const SAME = { op: "same" } as const;

/** How to run a plan. */
export interface ApplyOptions {
  readonly parallel?: number;
  readonly signal?: AbortSignal;
  readonly abortSignal?: AbortSignal;
}

/** What running a plan did. */
export interface ApplyOutcome {
  readonly status: OperationStatus;
  readonly counts: StepCounts;
  readonly failures: readonly StepFailure[];
  readonly skipped: readonly string[];
  readonly pending: readonly string[];
  readonly phase: PhaseValues;
}

type TaskKind = "forward" | "retire" | "delete";

interface Task {
  /** Position in the task graph. */
  readonly index: number;
  readonly kind: TaskKind;
  readonly step: PlanStep;
  /** Set when a hard cancel abandoned the task's call: it stays pending in state. */
  abandoned?: true;
}

/**
 * Runs a plan. A step starts as soon as the steps it needs are done, with no
 * global cap unless `parallel` is set; deletes run after what depended on
 * them. A failed step skips its dependents and nothing else.
 */
export async function applyPlan(ctx: OperationContext, plan: Plan, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  return new PlanRun(ctx, buildTasks(ctx, plan), options).run();
}

/** At most this many steps start per turn of the event loop (see {@link PlanRun}). */
const STARTS_PER_TURN = 256;

/** No step starts while this many journal lines wait for a flush (see {@link PlanRun}). */
const JOURNAL_BACKLOG = 512;

/** A plan of at most this many tasks is not paced (see {@link PlanRun}). */
const PACED_ABOVE = 2048;

/**
 * One run of a plan's tasks: the callbacks the graph walker calls, and what
 * they have seen so far. At most {@link STARTS_PER_TURN} steps start per turn
 * of the event loop: the journal flushes between turns, so a wide graph moves
 * through in waves that share fsyncs instead of holding every step's state in
 * memory while one huge batch is written; and none starts while the journal is
 * {@link JOURNAL_BACKLOG} lines behind, as it would only wait for it.
 * Pacing bounds what a large plan holds in memory at once; a plan of at most
 * {@link PACED_ABOVE} tasks holds little in any case, and paced it would only
 * wait for more fsyncs in a row (its intents written in waves, not at once).
 */
class PlanRun {
  readonly #ctx: OperationContext;
  readonly #options: ApplyOptions;
  readonly #runtime: StepRuntime;
  readonly #walker: Walker<Task>;
  readonly #done: Array<Pick<PlanStep, "op">> = [];
  readonly #failures: StepFailure[] = [];
  readonly #skipped: string[] = [];
  readonly #pending: string[] = [];

  constructor(ctx: OperationContext, tasks: IndexedGraph<Task>, options: ApplyOptions) {
    this.#ctx = ctx;
    this.#options = options;
    const phase = new PhaseValues("apply");
    this.#runtime = { ctx, phase, limiter: new Limiter(), abortSignal: options.abortSignal, tracker: new CallTracker(options.abortSignal), tokens: new TokenSource() };
    const paced = tasks.keys.length > PACED_ABOVE;
    const journal = paced ? ctx.session.journal : undefined;
    this.#walker = new Walker(
      tasks,
      { visit: (task) => this.#visit(task), skipped: (task, cause) => this.#skip(task, cause) },
      {
        ...(options.parallel === undefined ? {} : { concurrency: options.parallel }),
        ...(paced ? { startsPerTurn: STARTS_PER_TURN } : {}),
        ...(journal === undefined ? {} : { mayStart: () => journal.backlog < JOURNAL_BACKLOG, onRoom: () => journal.onBacklogFlushed() }),
      },
    );
  }

  async run(): Promise<ApplyOutcome> {
    const { signal, abortSignal } = this.#options;
    const onStop = (): void => this.#cancel(false);
    const onAbort = (): void => this.#cancel(true);
    signal?.addEventListener("abort", onStop, { once: true });
    abortSignal?.addEventListener("abort", onAbort, { once: true });
    // Stopped before it began: nothing starts (an aborted signal fires no event).
    if (signal?.aborted === true) this.#walker.cancel();
    try {
      await this.#walker.run();
    } catch (error) {
      if (!(error instanceof CycleError)) throw error;
      const names = (error.cycle as Task[]).map((task) => `${task.kind === "forward" ? "" : task.kind === "retire" ? "old " : "delete "}${nameOfUrn(task.step.urn)}`);
      throw new CairnError("PLAN_CYCLE", `The steps wait for each other in a cycle: ${names.join(" -> ")}. Nothing was applied.`);
    } finally {
      signal?.removeEventListener("abort", onStop);
      abortSignal?.removeEventListener("abort", onAbort);
    }
    const cancelled = signal?.aborted === true || abortSignal?.aborted === true;
    const status: OperationStatus =
      this.#failures.length > 0 ? "failed" : cancelled && (this.#skipped.length > 0 || this.#pending.length > 0) ? "cancelled" : "succeeded";
    return { status, counts: countSteps(this.#done), failures: this.#failures, skipped: this.#skipped, pending: this.#pending, phase: this.#runtime.phase };
  }

  /** The first cancel stops scheduling; the second (hard) also abandoned the calls in flight. */
  #cancel(hard: boolean): void {
    this.#ctx.emit({ type: "cancel-requested", hard });
    this.#walker.cancel();
  }

  #skip(task: Task, cause: Task | undefined): void {
    const because = cause === undefined || cause.abandoned === true ? "cancelled" : cause.step.urn;
    if (task.kind === "forward") this.#runtime.phase.fail(task.step.urn, new CairnError("SKIPPED", `${task.step.urn} was skipped.`));
    this.#skipped.push(task.step.urn);
    this.#ctx.emit({ type: "step-skipped", op: task.step.op, urn: task.step.urn, because });
  }

  /** Runs one task; an unchanged resource settles inline, without a promise. */
  #visit(task: Task): Promise<void> | undefined {
    if (task.kind === "forward" && trySameInline(this.#runtime, task.step)) {
      this.#done.push(SAME);
      return undefined;
    }
    return this.#execute(task);
  }

  async #execute(task: Task): Promise<void> {
    const { step } = task;
    const began = Date.now();
    const visible = step.op !== "same";
    if (visible) this.#ctx.emit({ type: "step-start", op: step.op, urn: step.urn, resourceType: step.type });
    let op: StepOp | undefined;
    try {
      op = await runTask(this.#runtime, task);
    } catch (error) {
      this.#fail(task, error);
      throw error;
    }
    if (op !== undefined) this.#done.push({ op });
    if (visible) {
      const extra = { ...(step.changes === undefined ? {} : { changes: step.changes }), ...(step.retain === true ? { retained: true as const } : {}) };
      this.#ctx.emit({ type: "step-done", op: op ?? step.op, urn: step.urn, durationMs: Date.now() - began, ...extra });
    }
  }

  /** A failed task's dependents are skipped (by the walker); an abandoned one (hard cancel) stays pending in state. */
  #fail(task: Task, error: unknown): void {
    const { step } = task;
    if (task.kind === "forward") this.#runtime.phase.fail(step.urn, error);
    if (error instanceof AbandonedError) {
      task.abandoned = true;
      this.#pending.push(step.urn);
      return;
    }
    const failure: StepFailure = { urn: step.urn, op: step.op, message: messageOf(error), ...codeAndHints(error) };
    this.#failures.push(failure);
    this.#ctx.emit({ type: "step-failed", ...failure, op: step.op });
  }
}

async function runTask(rt: StepRuntime, task: Task): Promise<StepOp | undefined> {
  switch (task.kind) {
    case "forward":
      return runForward(rt, task.step);
    case "retire":
      await runRetire(rt, task.step);
      return task.step.reason === "deposed" ? "delete" : undefined;
    case "delete":
      await runDelete(rt, task.step);
      return "delete";
  }
}

/**
 * The task graph of a plan. A create-before-delete replacement retires the
 * old object after the new one and every desired dependent that now points at
 * it; a delete waits for what depended on it to be deleted or updated away.
 * Tasks are numbered as they are made and edges kept as pairs of numbers: the
 * walker needs nothing more, and a deploy of N resources holds N tasks, not
 * maps of them. The prior and desired dependents are looked up only for
 * replacements and deletes, which need them.
 */
function buildTasks(ctx: OperationContext, plan: Plan): IndexedGraph<Task> {
  const keys: Task[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const forward = new Map<string, Task>();
  const retire = new Map<string, Task>();
  const deletes = new Map<string, Task>();
  const make = (kind: TaskKind, step: PlanStep): Task => {
    const task: Task = { index: keys.length, kind, step };
    keys.push(task);
    return task;
  };
  const edge = (waits: Task | undefined, on: Task | undefined): void => {
    if (waits !== undefined && on !== undefined && waits !== on) {
      from.push(waits.index);
      to.push(on.index);
    }
  };
  for (const step of plan.steps) {
    if (step.op === "delete" && step.reason === "deposed") retire.set(`${step.urn}#${step.id}`, make("retire", step));
    else if (step.op === "delete") deletes.set(step.urn, make("delete", step));
    else {
      forward.set(step.urn, make("forward", step));
      if (step.op === "replace" && step.id !== undefined) retire.set(`${step.urn}#${step.id}`, make("retire", { ...step, op: "delete" }));
    }
  }
  for (const step of plan.steps) {
    if (step.op === "delete") continue;
    const task = forward.get(step.urn)!;
    for (const dep of step.dependencies) edge(task, forward.get(dep));
  }
  if (retire.size > 0 || deletes.size > 0) orderRemovals(ctx, plan, forward, retire, deletes, edge);
  return { keys, from, to };
}

/** The edges of retire and delete tasks: after what still points at the object they remove. */
function orderRemovals(
  ctx: OperationContext,
  plan: Plan,
  forward: ReadonlyMap<string, Task>,
  retire: ReadonlyMap<string, Task>,
  deletes: ReadonlyMap<string, Task>,
  edge: (waits: Task | undefined, on: Task | undefined) => void,
): void {
  const prior = stateGraph(ctx.session.resources());
  // Who depends on each resource in the program.
  const desired = new Graph<string>();
  for (const step of plan.steps) if (step.op !== "delete") for (const dep of step.dependencies) desired.addEdge(step.urn, dep);
  const retiring = new Map<string, Task[]>();
  for (const task of retire.values()) {
    const urn = task.step.urn;
    const list = retiring.get(urn);
    if (list === undefined) retiring.set(urn, [task]);
    else list.push(task);
    const own = forward.get(urn);
    if (task.step.deleteBeforeReplace && own !== undefined) {
      edge(own, task);
    } else {
      edge(task, own);
      for (const dependent of desired.dependentsOf(urn)) edge(task, forward.get(dependent));
    }
    for (const dependent of prior.dependentsOf(urn)) edge(task, deletes.get(dependent));
  }
  // An old object goes after the old objects of what depended on it (a replaced dependent's
  // old object still points at it until it is retired). Not for a delete-before-replace: its
  // old object goes first, and waiting here could close a cycle through the new objects.
  for (const task of retire.values()) {
    if (task.step.deleteBeforeReplace) continue;
    for (const dependent of prior.dependentsOf(task.step.urn)) for (const old of retiring.get(dependent) ?? []) edge(task, old);
  }
  for (const [urn, task] of deletes) {
    // A resource the program dropped goes after its own deposed objects: the record holds them until then.
    for (const old of retiring.get(urn) ?? []) edge(task, old);
    for (const dependent of prior.dependentsOf(urn)) {
      edge(task, deletes.get(dependent));
      edge(task, forward.get(dependent));
      for (const old of retiring.get(dependent) ?? []) edge(task, old);
    }
  }
}
