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
import { runDelete, runForward, runRetire, trySameInline, type StepRuntime } from "./steps.js";

const SAME = { op: "same" } as const;
import type { OperationStatus } from "./events.js";

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
  const phase = new PhaseValues("apply");
  const runtime: StepRuntime = { ctx, phase, limiter: new Limiter(), abortSignal: options.abortSignal, tracker: new CallTracker(options.abortSignal), tokens: new TokenSource() };
  const tasks = buildTasks(ctx, plan);
  const queue = new PQueue(options.parallel === undefined ? {} : { concurrency: options.parallel });
  const done: Array<Pick<PlanStep, "op">> = [];
  const failures: StepFailure[] = [];
  const skipped: string[] = [];
  const pending: string[] = [];
  let unsettled = tasks.length;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const settleOne = (): void => {
    if (--unsettled === 0) finish();
  };

  const skip = (first: Task, because: string): void => {
    const work = [first];
    while (work.length > 0) {
      const task = work.pop()!;
      if (task.state !== "waiting" && task.state !== "queued") continue;
      task.state = "skipped";
      if (task.kind === "forward") phase.fail(task.step.urn, new CairnError("SKIPPED", `${task.step.urn} was skipped.`));
      skipped.push(task.step.urn);
      ctx.emit({ type: "step-skipped", op: task.step.op, urn: task.step.urn, because });
      work.push(...task.dependents);
      settleOne();
    }
  };

  // Tasks whose dependencies are done; drained in a loop so long chains of
  // instant steps never deepen the call stack.
  const ready: Task[] = [];
  let draining = false;
  let drainScheduled = false;
  const release = (task: Task): void => {
    for (const dependent of task.dependents) if (--dependent.waitingFor === 0 && dependent.state === "waiting") ready.push(dependent);
    if (!draining && !drainScheduled) drain();
  };
  // At most this many steps start per turn of the event loop. The journal flushes between
  // turns, so a wide graph moves through in waves that share fsyncs, instead of holding
  // every step's state in memory at once while one huge batch is written.
  const STARTS_PER_TURN = 1024;
  const drain = (): void => {
    drainScheduled = false;
    draining = true;
    let started = 0;
    while (ready.length > 0) {
      if (started++ === STARTS_PER_TURN) {
        drainScheduled = true;
        setImmediate(drain);
        break;
      }
      start(ready.pop()!);
    }
    draining = false;
  };

  const start = (task: Task): void => {
    if (options.signal?.aborted) {
      skip(task, "cancelled");
      return;
    }
    if (task.kind === "forward" && trySameInline(runtime, task.step)) {
      task.state = "done";
      done.push(SAME);
      settleOne();
      release(task);
      return;
    }
    task.state = "queued";
    void queue.add(async () => {
      if (task.state !== "queued") return;
      if (options.signal?.aborted) {
        skip(task, "cancelled");
        return;
      }
      task.state = "running";
      const began = Date.now();
      const visible = task.step.op !== "same";
      if (visible) ctx.emit({ type: "step-start", op: task.step.op, urn: task.step.urn, resourceType: task.step.type });
      try {
        const op = await runTask(runtime, task);
        task.state = "done";
        if (op !== undefined) done.push({ op });
        if (visible) ctx.emit({ type: "step-done", op: op ?? task.step.op, urn: task.step.urn, durationMs: Date.now() - began, ...(task.step.changes === undefined ? {} : { changes: task.step.changes }) });
        settleOne();
        release(task);
      } catch (error) {
        if (error instanceof AbandonedError) {
          task.state = "pending";
          pending.push(task.step.urn);
          if (task.kind === "forward") phase.fail(task.step.urn, error);
          for (const dependent of task.dependents) skip(dependent, "cancelled");
          settleOne();
          return;
        }
        task.state = "failed";
        if (task.kind === "forward") phase.fail(task.step.urn, error);
        const code = CairnError.isCairnError(error) ? error.code : undefined;
        failures.push({ urn: task.step.urn, op: task.step.op, message: messageOf(error), ...(code === undefined ? {} : { code }) });
        ctx.emit({ type: "step-failed", op: task.step.op, urn: task.step.urn, message: messageOf(error), ...(code === undefined ? {} : { code }) });
        settleOne();
        for (const dependent of task.dependents) skip(dependent, task.step.urn);
      }
    });
  };

  const onStop = (): void => {
    ctx.emit({ type: "cancel-requested", hard: false });
    for (const task of tasks) if (task.state === "waiting" || task.state === "queued") skip(task, "cancelled");
  };
  options.signal?.addEventListener("abort", onStop, { once: true });
  const onAbort = (): void => {
    ctx.emit({ type: "cancel-requested", hard: true });
    // Calls in flight were abandoned; settle what is still running so the operation can end.
    for (const task of tasks) if (task.state === "waiting" || task.state === "queued") skip(task, "cancelled");
  };
  options.abortSignal?.addEventListener("abort", onAbort, { once: true });

  if (tasks.length === 0) finish();
  for (const task of tasks) if (task.waitingFor === 0 && task.state === "waiting") ready.push(task);
  drain();
  await finished;
  options.signal?.removeEventListener("abort", onStop);
  options.abortSignal?.removeEventListener("abort", onAbort);
  const cancelled = options.signal?.aborted === true || options.abortSignal?.aborted === true;
  const status: OperationStatus = failures.length > 0 ? "failed" : cancelled && (skipped.length > 0 || pending.length > 0) ? "cancelled" : "succeeded";
  return { status, counts: countSteps(done), failures, skipped, pending, phase };
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
  for (const [urn, task] of deletes) {
    for (const dependent of priorDependents.get(urn) ?? []) {
      edge(task, deletes.get(dependent));
      edge(task, forward.get(dependent));
      for (const old of retiring.get(dependent) ?? []) edge(task, old);
    }
  }
  return tasks;
}
