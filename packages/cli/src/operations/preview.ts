import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CommandContext } from "../cli/context.js";
import { hasChanges, type Plan } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import { writeJsonLine } from "../display/json-view.js";
import { renderPreviewSummary } from "../display/summary-view.js";
import { loadProgram } from "../loader/load-program.js";
import { withTypeErrors } from "../loader/program-error.js";
import { openStack } from "./open-stack.js";
import { lastConsistentStore } from "./running-operation.js";
import { coreOptions, type OperationFlags } from "./operation-options.js";
import { withInterrupts } from "./interrupt.js";
import { createView, eventSink } from "./views.js";

/** Flags of `cairn preview`. */
export interface PreviewFlags extends OperationFlags {
  readonly savePlan?: string;
  /** Exit 0 when nothing would change, 4 when something would, 1 on error. */
  readonly detailedExitcode?: boolean;
}

/** `cairn preview`: runs the program and prints the plan; changes nothing. */
export async function preview(ctx: CommandContext, flags: PreviewFlags): Promise<number> {
  // Bundling runs in esbuild's own process, alongside opening the stack's secrets.
  const ws = await ctx.workspace();
  const [opened, program] = await Promise.all([openStack(ctx), loadProgram(ws, ctx.logger)]);
  // Preview takes no lock; while an operation runs it reads the last completed state, and says so.
  const ref = { project: ws.project.name, stack: opened.name };
  const store = await lastConsistentStore(ctx, opened.store, ref, flags.json === true);
  const core = await import("@cairn/core/automation");
  const stack = store === opened.store ? await opened.stack(program) : new core.Stack({ ...opened.settings(program), store });
  const { createCancellation } = core;
  const cancellation = createCancellation();
  const view = createView(ctx, { json: flags.json === true, printPlan: true, detailed: flags.diff === true, showSames: flags.showSames === true });
  const started = Date.now();
  try {
    const result = await withInterrupts(cancellation, view, () =>
      withTypeErrors(ws, () => stack.preview({
        ...coreOptions(flags),
        onEvent: eventSink(ctx, view),
        signal: cancellation.signal,
        abortSignal: cancellation.abortSignal,
        savePlan: flags.savePlan !== undefined,
      })),
    );
    view.close();
    if (flags.savePlan !== undefined && result.savedPlan !== undefined) {
      await writeFile(resolve(ctx.cwd, flags.savePlan), result.savedPlan);
    }
    if (flags.json) {
      const interrupted = result.interruptedCreates === undefined ? {} : { interruptedCreates: result.interruptedCreates };
      writeJsonLine(ctx.io.stdout, { type: "summary", operation: "preview", status: "succeeded", counts: result.counts, outputs: result.outputs, ...interrupted });
    } else {
      const lines = renderPreviewSummary(result, ctx.theme, Date.now() - started);
      if (flags.savePlan !== undefined) lines.push(`The plan was saved to ${flags.savePlan}; apply exactly it with \`cairn up --plan ${flags.savePlan}\`.`);
      ctx.io.stdout.write(lines.map((line) => `${line}\n`).join(""));
    }
    return changesExit(result.plan, flags);
  } finally {
    view.close();
  }
}

/** The exit code of a preview that succeeded: 4 when it would change something and the flags ask to know. */
function changesExit(plan: Plan, flags: PreviewFlags): number {
  if (!hasChanges(plan)) return EXIT.ok;
  if (flags.expectNoChanges === true) throw changesFound(plan);
  return flags.detailedExitcode === true ? EXIT.changes : EXIT.ok;
}

/** The error of `--expect-no-changes` when the plan changes something. */
export function changesFound(plan: Plan): CliError {
  const changing = plan.steps.filter((step) => step.op !== "same");
  const listed = changing.slice(0, 10).map((step) => `    ${step.op} ${step.urn}`);
  const more = changing.length > 10 ? [`    … and ${changing.length - 10} more`] : [];
  return new CliError("CLI_CHANGES_FOUND", [`${changing.length} resource(s) would change, and --expect-no-changes was given:`, ...listed, ...more].join("\n"));
}
