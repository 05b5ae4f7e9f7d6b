import { CairnError } from "../errors.js";
import type { DeferredApply, EvaluationPhase } from "../output/phase.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { DesiredGraph } from "./desired-graph.js";
import { ProgramScope, type Diagnostic, type ProgramScopeOptions } from "./scope.js";
import { runInScope } from "./scope-storage.js";
import { unlessStalled } from "../util/unless-stalled.js";

/**
 * A Cairn program: a function that creates resources and may return the
 * stack's outputs. A program loaded from a file is a function that imports it
 * and returns its exports.
 */
export type Program = () => unknown | Promise<unknown>;

/** What running a program produced. */
export interface ProgramResult {
  /** The frozen graph of resources. */
  readonly graph: DesiredGraph;
  /** The stack outputs, as the program returned them (Outputs included). */
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly diagnostics: readonly Diagnostic[];
  /** apply() calls on values known only after deployment; `up` runs them once values are known. */
  readonly applies: readonly DeferredApply[];
  /** Every attempt to create a resource after the graph froze (GRAPH_FROZEN), as they happen. */
  readonly lateRegistrations: readonly CairnError[];
  /** Provider packages the program defined, whether or not it used them (inline providers). */
  readonly packages: ReadonlyMap<string, ProviderPackage>;
}

/**
 * Runs a program to completion in its own scope, waits for the work it
 * started on known values, then freezes its graph.
 */
export async function runProgram(program: Program, options: ProgramScopeOptions): Promise<ProgramResult> {
  const scope = new ProgramScope(options);
  let returned: unknown;
  try {
    returned = await unlessStalled(
      runInScope(scope, async () => {
        const value = await program();
        await scope.onSettled();
        if (scope.failures.length > 0) throw scope.failures[0];
        return value;
      }),
      () =>
        new CairnError(
          "PROGRAM_STALLED",
          "The program never finished: it waits for something nothing will provide, such as a resource's output awaited while the program runs. " +
            "Outputs are known only after deployment: pass the Output to other resources, or read it inside apply(). Nothing was changed.",
        ),
    );
  } catch (error) {
    scope.freeze();
    if (CairnError.isCairnError(error)) throw error;
    throw new CairnError("PROGRAM_ERROR", `The program failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const graph = scope.freeze();
  return { graph, outputs: exportsOf(returned), diagnostics: scope.diagnostics, applies: scope.applies, lateRegistrations: scope.lateRegistrations, packages: scope.packages };
}

function exportsOf(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined || typeof value !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === "default" || key === "__esModule") continue;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== "function") out[key] = item;
  }
  return out;
}

/**
 * Fails with GRAPH_FROZEN, before anything changes, if an apply() callback
 * the program left for after deployment creates a resource. Callbacks whose
 * value the phase knows (a resource that does not change) run now, as `up`
 * would run them, so a plan shows what `up` would refuse; one whose value
 * is known only after deployment cannot be seen into before it runs.
 */
export async function assertNoLateRegistrations(program: ProgramResult, phase: EvaluationPhase): Promise<void> {
  // One already computed in this phase is not run again.
  for (const apply of program.applies) await apply.probe(phase);
  const late = program.lateRegistrations;
  if (late.length === 0) return;
  const first = late[0]!;
  if (late.length === 1) throw first;
  const problems = late.map((error) => ({ message: error.message, ...(error.urn === undefined ? {} : { urn: error.urn }) }));
  const places = [...new Set(late.map((error) => error.file))].join(", ");
  throw new CairnError("GRAPH_FROZEN", `${late.length} resources are created inside apply() callbacks that run only after deployment (at ${places}). ${first.message}`, {
    ...(first.file === undefined ? {} : { file: first.file }),
    problems,
  });
}
