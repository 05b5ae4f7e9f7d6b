import { CairnError, codeAndHints, messageOf } from "../errors.js";
import { hintSentence, hintText, type Hint } from "../hints.js";
import { applyPlan, type ApplyOutcome } from "../engine/apply.js";
import type { EngineEvent, EventSink, OperationKind, OperationStatus } from "../engine/events.js";
import { Limiter } from "../engine/limiter.js";
import { planningProviders } from "../engine/plan-providers.js";
import { reconcilePending } from "../engine/reconcile.js";
import { decidePendingCreates, interruptedCreates, labelInterruptedCreates, type InterruptedCreate } from "../engine/pending-creates.js";
import { refreshResources } from "../engine/refresh.js";
import { PhaseValues } from "../engine/phase-values.js";
import { resolveProperties } from "../output/resolve.js";
import { assertNoLateRegistrations } from "../program/run.js";
import { containsSecret, isUnknown, UNKNOWN, type PropertyMap, type PropertyValue } from "../output/values.js";
import { computePlan, type PlanOutcome, type PlanRequest } from "../plan/planner.js";
import { savePlan, verifySavedPlan } from "../plan/saved-plan.js";
import { countSteps, type Plan } from "../plan/step.js";
import { serializeState } from "../state/snapshot-text.js";
import { emptyState, loadState, tryLoadState } from "../state/load.js";
import { lockInfoFor } from "../state/lock-info.js";
import type { StateDocument } from "../state/model.js";
import { stateGraph } from "../state/state-graph.js";
import type { SecretsCrypter } from "../state/secrets.js";
import type { StackRef, StateStore } from "../state/store.js";
import { sameValue } from "../plan/default-diff.js";
import { openOperation, type OpenOperation } from "./operation.js";
import { maskedSink, maskResult } from "./masking.js";
import { unlessStalled } from "../util/unless-stalled.js";
import type { SecretMask } from "../output/secret-mask.js";
import type {
  OperationOptions,
  PreviewOptions,
  PreviewResult,
  RefreshOptions,
  RefreshResult,
  StackSettings,
  StepFailure,
  UpOptions,
  UpdateResult,
} from "./types.js";

/** A check failure found by {@link Stack.validate}. */
export interface ValidationFailure {
  readonly urn: string;
  /** The property at fault, when the provider named one. */
  readonly property?: string;
  readonly message: string;
}

/**
 * One stack of a project, driven from code: the programmatic API the CLI is
 * built on.
 *
 * @example
 * const stack = new Stack({ project: "demo", stack: "dev", program, store: new FileStateStore(".cairn") });
 * await Stack.create(store, { project: "demo", stack: "dev" });
 * const events: EngineEvent[] = [];
 * const result = await stack.up({ onEvent: (event) => events.push(event) });
 */
export class Stack {
  readonly #settings: StackSettings;

  constructor(settings: StackSettings) {
    this.#settings = settings;
  }

  /** The project and stack names. */
  get ref(): StackRef {
    return { project: this.#settings.project, stack: this.#settings.stack };
  }

  /** Creates an empty stack; fails with STACK_EXISTS if it exists. */
  static async create(store: StateStore, ref: StackRef, secrets?: SecretsCrypter): Promise<void> {
    if ((await store.read(ref)) !== undefined) throw new CairnError("STACK_EXISTS", `Stack "${ref.stack}" already exists in ${store.url}.`);
    const lease = await store.lock(ref, lockInfoFor("stack init"));
    try {
      await store.writeSnapshot(ref, serializeState(emptyState(ref, secrets), secrets), lease);
    } finally {
      await lease.release();
    }
  }

  /** Plans an update without changing anything. */
  async preview(options: PreviewOptions = {}): Promise<PreviewResult> {
    const { emit, mask } = maskedSink(options);
    return this.#timed("preview", emit, mask, async () => {
      const op = await openOperation(this.#settings, options.operationName ?? "preview", emit, false, "run", mask);
      try {
        if (options.refresh) await refreshResources(op.ctx, new Limiter(), true, options);
        const found = await interruptedCreates(op.ctx);
        const planned = await planWith(op, { destroying: false, ...pick(options) });
        await assertNoLateRegistrations(op.program, planned.phase);
        const plan = labelInterruptedCreates(planned.plan, found, options.pendingCreates);
        const phase = planned.phase;
        reportInterruptedCreates(op, found, options);
        emit({ type: "plan", plan });
        const outputs = await stackOutputs(op, phase);
        const saved = options.savePlan ? { savedPlan: savePlan(plan, this.#settings.secrets) } : {};
        const interrupted = found.length === 0 ? {} : { interruptedCreates: found.map(({ provider: _provider, ...item }) => item) };
        return { status: "succeeded", result: { plan, counts: countSteps(plan.steps), outputs, diagnostics: op.program.diagnostics, ...saved, ...interrupted } };
      } finally {
        await op.close();
      }
    });
  }

  /** Plans, confirms and applies an update. */
  async up(options: UpOptions = {}): Promise<UpdateResult> {
    return this.#change("up", options, false);
  }

  /** Deletes every resource of the stack, dependents first. */
  async destroy(options: OperationOptions & Pick<UpOptions, "confirm"> = {}): Promise<UpdateResult> {
    return this.#change("destroy", options, true);
  }

  /** Compares state with the cloud; without previewOnly, state takes what the cloud says. */
  async refresh(options: RefreshOptions = {}): Promise<RefreshResult> {
    const { emit, mask } = maskedSink(options);
    const started = Date.now();
    return this.#timed("refresh", emit, mask, async () => {
      const op = await openOperation(this.#settings, options.operationName ?? "refresh", emit, !options.previewOnly, "optional", mask);
      try {
        const limiter = new Limiter();
        if (!options.previewOnly) await reconcilePending(op.ctx, limiter, decidePendingCreates(op.ctx.stack, await interruptedCreates(op.ctx), options.pendingCreates));
        const outcome = await refreshResources(op.ctx, limiter, !options.previewOnly, options);
        const status: OperationStatus = outcome.failures.length > 0 ? "failed" : "succeeded";
        const written = !options.previewOnly && outcome.drift.length > 0;
        return { status, result: { status, drift: outcome.drift, failures: outcome.failures, written, durationMs: Date.now() - started } };
      } finally {
        await op.close();
      }
    });
  }

  /** Runs the program and every provider's check, with no cloud calls; returns every failure. */
  async validate(): Promise<readonly ValidationFailure[]> {
    const { mask } = maskedSink({});
    const op = await openOperation(this.#settings, "validate", () => undefined, false, "run", mask).catch((error: unknown) => Promise.reject(mask.error(error)));
    try {
      const { phase } = await planWith(op, { destroying: false });
      await assertNoLateRegistrations(op.program, phase);
      return [];
    } catch (error) {
      mask.error(error);
      if (CairnError.isCairnError(error) && error.code === "CHECK_FAILED" && error.problems !== undefined) {
        return error.problems.map((problem) => ({ urn: problem.urn ?? "", message: problem.message, ...(problem.property === undefined ? {} : { property: problem.property }) }));
      }
      throw error;
    } finally {
      await op.close();
    }
  }

  /** The stack outputs as last recorded (secrets stay SecretValue). */
  async outputs(): Promise<PropertyMap> {
    return (await loadState(this.#settings.store, this.ref, this.#settings.secrets)).doc.outputs;
  }

  /** The stack's state, or `undefined` if the stack does not exist. */
  async readState(): Promise<StateDocument | undefined> {
    return (await tryLoadState(this.#settings.store, this.ref, this.#settings.secrets))?.doc;
  }

  /**
   * Removes a resource from state without touching the cloud. Refuses if others depend on it, unless forced.
   * `onEvent` hears the warnings (a lock taken over, a dead run's journal folded in).
   */
  async deleteResource(urn: string, options: { readonly force?: boolean; readonly onEvent?: EventSink } = {}): Promise<void> {
    await this.#editState("state delete", options, async (op) => {
      const record = op.ctx.session.tryGet(urn);
      if (record === undefined) {
        const list: Hint = { kind: "list-resources" };
        throw new CairnError("RESOURCE_NOT_FOUND", `No resource ${urn} in stack "${this.ref.stack}". ${hintSentence(list)}`, { hints: [list] });
      }
      const dependents = [...new Set(stateGraph(op.ctx.session.resources()).dependentsOf(urn))];
      if (dependents.length > 0 && !options.force) {
        const force: Hint = { kind: "option", option: "force" };
        throw new CairnError("INVALID_ARGUMENT", `Other resources depend on ${urn}: ${dependents.join(", ")}. Delete them first or use ${hintText(force)}.`, { urn, hints: [force] });
      }
      if (record.protect && !options.force) {
        const unprotect: Hint = { kind: "unprotect", urn, orForce: true };
        throw new CairnError("PROTECTED", `${urn} is protected. ${hintSentence(unprotect)}`, { urn, hints: [unprotect] });
      }
      await op.ctx.session.remove(urn);
    });
  }

  /** Clears a resource's protect flag in state; `onEvent` hears the warnings, as for {@link Stack.deleteResource}. */
  async unprotect(urn: string, options: { readonly onEvent?: EventSink } = {}): Promise<void> {
    await this.#editState("state unprotect", options, async (op) => {
      if (op.ctx.session.tryGet(urn) === undefined) throw new CairnError("RESOURCE_NOT_FOUND", `No resource ${urn} in stack "${this.ref.stack}".`);
      await op.ctx.session.change(urn, (draft) => {
        delete draft.protect;
      });
    });
  }

  async #editState(operation: string, options: { readonly onEvent?: EventSink }, edit: (op: OpenOperation) => Promise<void>): Promise<void> {
    const op = await openOperation(this.#settings, operation, maskedSink(options).emit, true, "skip");
    try {
      await edit(op);
    } finally {
      await op.close();
    }
  }

  async #change(kind: "up" | "destroy", options: UpOptions, destroying: boolean): Promise<UpdateResult> {
    const { emit, mask } = maskedSink(options);
    const started = Date.now();
    return this.#timed(kind, emit, mask, async () => {
      const op = await openOperation(this.#settings, options.operationName ?? kind, emit, true, destroying ? "optional" : "run", mask);
      try {
        const limiter = new Limiter();
        await reconcilePending(op.ctx, limiter, decidePendingCreates(op.ctx.stack, await interruptedCreates(op.ctx), options.pendingCreates));
        if (options.refresh) await refreshResources(op.ctx, limiter, true, options);
        const { plan, secretOutputs, phase } = await planWith(op, { destroying, ...pick(options) });
        if (!destroying) await assertNoLateRegistrations(op.program, phase);
        if (options.plan !== undefined) verifySavedPlan(options.plan, plan, this.#settings.secrets);
        if (this.#settings.secrets === undefined) assertNoSecretsToStore(op, plan, secretOutputs);
        emit({ type: "plan", plan });
        const asked = Date.now();
        if (options.confirm !== undefined && !(await options.confirm(plan))) {
          const result = emptyResult(plan, op, asked - started);
          return { status: "cancelled", result: { ...result, status: "cancelled" } };
        }
        // The time spent waiting for an answer is not the operation's.
        const waited = Date.now() - asked;
        const applied = await applyPlan(op.ctx, plan, options);
        const outputs = destroying ? {} : await stackOutputs(op, applied.phase);
        const outcome = destroying ? applied : await runRemainingApplies(op, applied);
        if (!destroying) await recordOutputs(op, outputs, outcome.phase);
        else if (Object.keys(op.ctx.session.outputs).length > 0) await op.ctx.session.setOutputs({});
        const result: UpdateResult = {
          status: outcome.status,
          plan,
          counts: outcome.counts,
          failures: outcome.failures,
          skipped: outcome.skipped,
          pending: outcome.pending,
          outputs,
          diagnostics: op.program.diagnostics,
          durationMs: Date.now() - started - waited,
        };
        return { status: outcome.status, result };
      } finally {
        await op.close();
      }
    });
  }

  async #timed<T>(operation: OperationKind, emit: EventSink, mask: SecretMask, run: () => Promise<{ status: OperationStatus; result: T }>): Promise<T> {
    const started = Date.now();
    emit({ type: "operation-start", operation, project: this.#settings.project, stack: this.#settings.stack });
    try {
      const { status, result } = await run();
      emit({ type: "operation-end", operation, status, durationMs: Date.now() - started });
      return maskResult(result, mask);
    } catch (error) {
      emit({ type: "operation-end", operation, status: "failed", durationMs: Date.now() - started });
      // Error messages are outputs too: none may quote a secret this operation handled.
      throw mask.error(error);
    }
  }
}

/**
 * A preview lists the interrupted creates that `up` would stop for, with
 * the choices, as one warning; decisions that name no interrupted create
 * fail as they would in `up`.
 */
function reportInterruptedCreates(op: OpenOperation, found: readonly InterruptedCreate[], options: OperationOptions): void {
  try {
    decidePendingCreates(op.ctx.stack, found, options.pendingCreates);
  } catch (error) {
    if (!CairnError.isCairnError(error) || error.code !== "PENDING_OPERATIONS") throw error;
    op.ctx.emit({ type: "diagnostic", severity: "warning", message: error.message.replace(/ Nothing was changed\.$/, " An up stops here until it is told.") });
  }
}

function pick(options: { targets?: readonly string[]; replace?: readonly string[] }): { targets?: readonly string[]; replace?: readonly string[] } {
  return { ...(options.targets === undefined ? {} : { targets: options.targets }), ...(options.replace === undefined ? {} : { replace: options.replace }) };
}

function emptyResult(plan: Plan, op: OpenOperation, durationMs: number): UpdateResult {
  return { status: "cancelled", plan, counts: countSteps([]), failures: [], skipped: [], pending: [], outputs: op.ctx.session.outputs, diagnostics: op.program.diagnostics, durationMs };
}

/**
 * Without a secrets key, a plan that would store a secret is refused before
 * any cloud call, rather than failing when the journal first meets the secret.
 */
function assertNoSecretsToStore(op: OpenOperation, plan: Plan, secretOutputs: ReadonlySet<string>): void {
  for (const step of plan.steps) {
    if (step.kind !== "custom" || (step.op !== "create" && step.op !== "update" && step.op !== "replace" && step.op !== "import")) continue;
    if (containsSecret(step.inputs) || secretOutputs.has(step.urn)) {
      throw new CairnError(
        "SECRETS_UNAVAILABLE",
        `${step.urn} has secret values to store, but stack "${op.ctx.stack}" has no secrets key open (set CAIRN_PASSPHRASE). Nothing was changed.`,
        { urn: step.urn },
      );
    }
  }
}

/**
 * Runs the program's apply() callbacks on values known only after deployment
 * that no input or output used (and so never ran). One that fails (a resource created inside it is GRAPH_FROZEN) fails
 * the operation.
 */
async function runRemainingApplies(op: OpenOperation, outcome: ApplyOutcome): Promise<ApplyOutcome> {
  if (op.program.applies.length === 0) return outcome;
  const failures: StepFailure[] = [];
  const unused = op.program.applies.filter((apply) => !apply.evaluatedIn(outcome.phase));
  await Promise.all(
    unused.map((apply) =>
      unlessStalled(apply.evaluate(outcome.phase), () => new CairnError("PROGRAM_STALLED", "An apply() callback never finished: it waits for something nothing will provide.")).catch((error: unknown) => {
        // Applies on outputs of failed or skipped resources never ran; those failures are reported already.
        if (CairnError.isCairnError(error) && (error.code === "SKIPPED" || outcome.failures.length > 0 || outcome.status !== "succeeded")) return;
        const urn = CairnError.isCairnError(error) ? error.urn ?? "" : "";
        const failure: StepFailure = { urn, op: "create", message: messageOf(error), ...codeAndHints(error) };
        failures.push(failure);
        op.ctx.emit({ type: "diagnostic", severity: "error", message: `An apply() callback failed${CairnError.isCairnError(error) ? ` (${error.code})` : ""}: ${messageOf(error)}`, ...(urn === "" ? {} : { urn }) });
      }),
    ),
  );
  if (failures.length === 0) return outcome;
  return { ...outcome, status: "failed", failures: [...outcome.failures, ...failures] };
}

/** Plans with the operation's providers; the outputs planned for each resource come back beside the plan. */
async function planWith(op: OpenOperation, request: PlanRequest): Promise<PlanOutcome & { readonly phase: PhaseValues }> {
  const phase = new PhaseValues("preview");
  const outcome = await computePlan({ ...op.ctx, providers: planningProviders(op.ctx), values: phase }, request);
  return { ...outcome, phase };
}

/** The stack outputs in a phase; one that cannot be resolved keeps its recorded value (or shows as unknown). */
async function stackOutputs(op: OpenOperation, phase: PhaseValues): Promise<PropertyMap> {
  const out: Record<string, PropertyValue> = {};
  const prior = op.ctx.session.outputs;
  await Promise.all(
    Object.keys(op.program.outputs).map(async (key) => {
      try {
        const resolved = await unlessStalled(
          Promise.resolve(resolveProperties({ [key]: op.program.outputs[key] }, phase, "outputs")),
          () => new CairnError("PROGRAM_STALLED", `it waits for something nothing will provide (a promise made from an Output outside apply(), or one that never settles).`),
        );
        if (key in resolved) out[key] = resolved[key]!;
      } catch (error) {
        if (phase.kind === "preview") out[key] = UNKNOWN;
        else if (prior[key] !== undefined) out[key] = prior[key]!;
        // An output of a resource that failed, was skipped or was cancelled is explained by that step already.
        const explained = (CairnError.isCairnError(error) && error.code === "SKIPPED") || (error instanceof Error && error.name === "AbandonedError");
        if (!explained) op.ctx.emit({ type: "diagnostic", severity: "warning", message: `Stack output "${key}" could not be computed: ${messageOf(error)}` });
      }
    }),
  );
  return Object.fromEntries(Object.keys(out).sort().map((key) => [key, out[key]!]));
}

async function recordOutputs(op: OpenOperation, outputs: PropertyMap, phase: PhaseValues): Promise<void> {
  const session = op.ctx.session;
  const known = Object.fromEntries(Object.entries(outputs).filter(([, value]) => !isUnknown(value)));
  if (!sameValue(session.outputs, known)) await session.setOutputs(known);
  for (const node of op.ctx.graph.nodes) {
    if (node.kind !== "component" || node.componentOutputs === undefined || session.tryGet(node.urn) === undefined) continue;
    try {
      const values = await resolveProperties(node.componentOutputs, phase, node.name);
      const record = session.tryGet(node.urn)!;
      if (!sameValue(record.outputs, values)) {
        await session.change(node.urn, (draft) => {
          draft.outputs = values;
        });
      }
    } catch {
      // A component whose children failed keeps the outputs it had.
    }
  }
}
