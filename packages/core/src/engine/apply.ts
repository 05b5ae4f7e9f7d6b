import PQueue from "p-queue";
import { CairnError, messageOf } from "../errors.js";
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
  readonly key: string;
  readonly kind: TaskKind;
  readonly step: PlanStep;
  readonly dependents: Task[];
  waitingFor: number;
  state: "waiting" | "queued" | "running" | "done" | "failed" | "skipped" | "pending";
}

/**
 * Runs a plan. A step starts as soon as the steps it needs are done, with no
 * global cap unless `parallel` is set; deletes run after what depended on
 * them. A failed step skips its dependents and nothing else.
 */
export async function applyPlan(ctx: OperationContext, plan: Plan, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  return new PlanRun(ctx, buildTasks(ctx, plan), options).run();
}

/** At most this many steps start per turn of the event loop (see {@link PlanRun.drain}). */
const STARTS_PER_TURN = 1024;

/** No step starts while this many journal lines wait for a flush (see {@link PlanRun.drain}). */
const JOURNAL_BACKLOG = 2048;

/** One run of a plan's tasks: the scheduler and what it has seen so far. */
class PlanRun {
  readonly #ctx: OperationContext;
  readonly #tasks: readonly Task[];
  readonly #options: ApplyOptions;
  readonly #runtime: StepRuntime;
  readonly #queue: PQueue;
  readonly #done: Array<Pick<PlanStep, "op">> = [];
  readonly #failures: StepFailure[] = [];
  readonly #skipped: string[] = [];
  readonly #pending: string[] = [];
  /** Tasks whose dependencies are done, not yet started. */
  readonly #ready: Task[] = [];
  #unsettled: number;
  #draining = false;
  #drainScheduled = false;
  #finish: () => void = () => undefined;

  constructor(ctx: OperationContext, tasks: readonly Task[], options: ApplyOptions) {
    this.#ctx = ctx;
    this.#tasks = tasks;
    this.#options = options;
    this.#unsettled = tasks.length;
    const phase = new PhaseValues("apply");
    this.#runtime = { ctx, phase, limiter: new Limiter(), abortSignal: options.abortSignal, tracker: new CallTracker(options.abortSignal), tokens: new TokenSource() };
    this.#queue = new PQueue(options.parallel === undefined ? {} : { concurrency: options.parallel });
  }

  async run(): Promise<ApplyOutcome> {
    const { signal, abortSignal } = this.#options;
    const finished = new Promise<void>((resolve) => {
      this.#finish = resolve;
    });
    const onStop = (): void => this.#cancel(false);
    const onAbort = (): void => this.#cancel(true);
    signal?.addEventListener("abort", onStop, { once: true });
    abortSignal?.addEventListener("abort", onAbort, { once: true });
    if (this.#tasks.length === 0) this.#finish();
    for (const task of this.#tasks) if (task.waitingFor === 0 && task.state === "waiting") this.#ready.push(task);
    this.#drain();
    await finished;
    signal?.removeEventListener("abort", onStop);
    abortSignal?.removeEventListener("abort", onAbort);
    const cancelled = signal?.aborted === true || abortSignal?.aborted === true;
    const status: OperationStatus =
      this.#failures.length > 0 ? "failed" : cancelled && (this.#skipped.length > 0 || this.#pending.length > 0) ? "cancelled" : "succeeded";
    return { status, counts: countSteps(this.#done), failures: this.#failures, skipped: this.#skipped, pending: this.#pending, phase: this.#runtime.phase };
  }

  /** The first cancel stops scheduling; the second (hard) also abandoned the calls in flight. */
  #cancel(hard: boolean): void {
    this.#ctx.emit({ type: "cancel-requested", hard });
    for (const task of this.#tasks) if (task.state === "waiting" || task.state === "queued") this.#skip(task, "cancelled");
  }

  #settleOne(): void {
    if (--this.#unsettled === 0) this.#finish();
  }

  /** Skips a task and, transitively, everything that waits for it; iterative, so long chains are fine. */
  #skip(first: Task, because: string): void {
    const work = [first];
    while (work.length > 0) {
      const task = work.pop()!;
      if (task.state !== "waiting" && task.state !== "queued") continue;
      task.state = "skipped";
      if (task.kind === "forward") this.#runtime.phase.fail(task.step.urn, new CairnError("SKIPPED", `${task.step.urn} was skipped.`));
      this.#skipped.push(task.step.urn);
      this.#ctx.emit({ type: "step-skipped", op: task.step.op, urn: task.step.urn, because });
      work.push(...task.dependents);
      this.#settleOne();
    }
  }

  /** Marks the dependents of a finished task ready, and starts them. */
  #release(task: Task): void {
    for (const dependent of task.dependents) if (--dependent.waitingFor === 0 && dependent.state === "waiting") this.#ready.push(dependent);
    if (!this.#draining && !this.#drainScheduled) this.#drain();
  }

  /**
   * Starts ready tasks in a loop, so long chains of instant steps never
   * deepen the call stack, and at most {@link STARTS_PER_TURN} per turn of
   * the event loop: the journal flushes between turns, so a wide graph moves
   * through in waves that share fsyncs instead of holding every step's state
   * in memory while one huge batch is written.
   */
  #drain(): void {
    this.#drainScheduled = false;
    this.#draining = true;
    let started = 0;
    const journal = this.#ctx.session.journal;
    while (this.#ready.length > 0) {
      if (journal !== undefined && journal.backlog >= JOURNAL_BACKLOG) {
        // The journal is behind: steps started now would only wait for it, holding their state in memory.
        this.#drainScheduled = true;
        void journal.onBacklogFlushed().then(() => this.#drain());
        break;
      }
      if (started++ === STARTS_PER_TURN) {
        this.#drainScheduled = true;
        setImmediate(() => this.#drain());
        break;
      }
      this.#start(this.#ready.pop()!);
    }
    this.#draining = false;
  }

  #start(task: Task): void {
    if (this.#options.signal?.aborted) {
      this.#skip(task, "cancelled");
      return;
    }
    if (task.kind === "forward" && trySameInline(this.#runtime, task.step)) {
      task.state = "done";
      this.#done.push(SAME);
      this.#settleOne();
      this.#release(task);
      return;
    }
    task.state = "queued";
    void this.#queue.add(() => this.#execute(task));
  }

  async #execute(task: Task): Promise<void> {
    if (task.state !== "queued") return;
    if (this.#options.signal?.aborted) {
      this.#skip(task, "cancelled");
      return;
    }
    task.state = "running";
    const { step } = task;
    const began = Date.now();
    const visible = step.op !== "same";
    if (visible) this.#ctx.emit({ type: "step-start", op: step.op, urn: step.urn, resourceType: step.type });
    try {
      const op = await runTask(this.#runtime, task);
      task.state = "done";
      if (op !== undefined) this.#done.push({ op });
      if (visible) {
        const extra = { ...(step.changes === undefined ? {} : { changes: step.changes }), ...(step.retain === true ? { retained: true as const } : {}) };
        this.#ctx.emit({ type: "step-done", op: op ?? step.op, urn: step.urn, durationMs: Date.now() - began, ...extra });
      }
      this.#settleOne();
      this.#release(task);
    } catch (error) {
      this.#fail(task, error);
    }
  }

  /** A failed task skips its dependents; an abandoned one (hard cancel) stays pending in state. */
  #fail(task: Task, error: unknown): void {
    const { step } = task;
    if (task.kind === "forward") this.#runtime.phase.fail(step.urn, error);
    if (error instanceof AbandonedError) {
      task.state = "pending";
      this.#pending.push(step.urn);
      this.#settleOne();
      for (const dependent of task.dependents) this.#skip(dependent, "cancelled");
      return;
    }
    task.state = "failed";
    const code = CairnError.isCairnError(error) ? error.code : undefined;
    const failure: StepFailure = { urn: step.urn, op: step.op, message: messageOf(error), ...(code === undefined ? {} : { code }) };
    this.#failures.push(failure);
    this.#ctx.emit({ type: "step-failed", ...failure, op: step.op });
    this.#settleOne();
    for (const dependent of task.dependents) this.#skip(dependent, step.urn);
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
 */
function buildTasks(ctx: OperationContext, plan: Plan): Task[] {
  const tasks: Task[] = [];
  const forward = new Map<string, Task>();
  const retire = new Map<string, Task>();
  const deletes = new Map<string, Task>();
  const make = (key: string, kind: TaskKind, step: PlanStep): Task => {
    const task: Task = { key, kind, step, dependents: [], waitingFor: 0, state: "waiting" };
    tasks.push(task);
    return task;
  };
  const edge = (from: Task | undefined, to: Task | undefined): void => {
    // `from` waits for `to`.
    if (from === undefined || to === undefined || from === to) return;
    to.dependents.push(from);
    from.waitingFor++;
  };
  for (const step of plan.steps) {
    if (step.op === "delete" && step.reason === "deposed") retire.set(`${step.urn}#${step.id}`, make(`retire:${step.urn}#${step.id}`, "retire", step));
    else if (step.op === "delete") deletes.set(step.urn, make(`delete:${step.urn}`, "delete", step));
    else {
      forward.set(step.urn, make(step.urn, "forward", step));
      if (step.op === "replace" && step.id !== undefined) retire.set(`${step.urn}#${step.id}`, make(`retire:${step.urn}#${step.id}`, "retire", { ...step, op: "delete" }));
    }
  }
  // Who depended on each resource when it was last deployed.
  const priorDependents = new Map<string, string[]>();
  for (const record of ctx.session.resources()) {
    for (const dep of [...record.dependencies, ...(record.parent === undefined ? [] : [record.parent])]) {
      const list = priorDependents.get(dep);
      if (list === undefined) priorDependents.set(dep, [record.urn]);
      else list.push(record.urn);
    }
  }
  const desiredDependents = new Map<string, Task[]>();
  for (const step of plan.steps) {
    if (step.op === "delete") continue;
    const task = forward.get(step.urn)!;
    for (const dep of step.dependencies) {
      edge(task, forward.get(dep));
      const list = desiredDependents.get(dep);
      if (list === undefined) desiredDependents.set(dep, [task]);
      else list.push(task);
    }
  }
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
      for (const dependent of desiredDependents.get(urn) ?? []) edge(task, dependent);
    }
    for (const dependent of priorDependents.get(urn) ?? []) edge(task, deletes.get(dependent));
  }
  // An old object goes after the old objects of what depended on it (a replaced dependent's
  // old object still points at it until it is retired). Not for a delete-before-replace: its
  // old object goes first, and waiting here could close a cycle through the new objects.
  for (const task of retire.values()) {
    if (task.step.deleteBeforeReplace) continue;
    for (const dependent of priorDependents.get(task.step.urn) ?? []) for (const old of retiring.get(dependent) ?? []) edge(task, old);
  }
  for (const [urn, task] of deletes) {
    for (const dependent of priorDependents.get(urn) ?? []) {
      edge(task, deletes.get(dependent));
      edge(task, forward.get(dependent));
      for (const old of retiring.get(dependent) ?? []) edge(task, old);
    }
  }
  return tasks;
}
