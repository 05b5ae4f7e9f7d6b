import { EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";
import { renderRefreshSummary } from "../display/summary-view.js";
import { loadProgram } from "../loader/load-program.js";
import { withInterrupts } from "./interrupt.js";
import { openStack } from "./open-stack.js";
import { pendingCreateDecisions, type OperationFlags } from "./operation-options.js";
import { createView, eventSink, withFailureCodes } from "./views.js";

/** Flags of `cairn refresh`. */
export interface RefreshFlags extends Pick<OperationFlags, "pendingCreates" | "pendingCreate"> {
  readonly previewOnly?: boolean;
  readonly json?: boolean;
}

/**
 * `cairn refresh`: reads every resource back and compares it with state.
 * With `--preview-only` it only reports; otherwise state takes what is
 * there. It never changes a resource.
 */
export async function refresh(ctx: CommandContext, flags: RefreshFlags): Promise<number> {
  // The program runs too: inline (dynamic) providers live in it, and reading their resources needs them.
  const ws = await ctx.workspace();
  const [opened, program] = await Promise.all([openStack(ctx), loadProgram(ws, ctx.logger)]);
  const stack = await opened.stack(program);
  const { createCancellation } = await import("@cairn/core/automation");
  const cancellation = createCancellation();
  const view = createView(ctx, { json: flags.json === true, printPlan: false });
  const pendingCreates = pendingCreateDecisions(flags);
  try {
    const found = await withInterrupts(cancellation, view, () =>
      stack.refresh({
        previewOnly: flags.previewOnly === true,
        ...(pendingCreates === undefined ? {} : { pendingCreates }),
        onEvent: eventSink(ctx, view),
        signal: cancellation.signal,
        abortSignal: cancellation.abortSignal,
      }),
    );
    view.close();
    const result = withFailureCodes(found);
    if (flags.json) writeJsonLine(ctx.io.stdout, { type: "summary", operation: "refresh", previewOnly: flags.previewOnly === true, ...result });
    else ctx.io.stdout.write(renderRefreshSummary(result, ctx.theme, flags.previewOnly === true).map((line) => `${line}\n`).join(""));
    // Drift found by a report-only refresh is news a script must not miss; an accepted refresh has dealt with it.
    if (result.status === "succeeded") return flags.previewOnly === true && result.drift.length > 0 ? EXIT.changes : EXIT.ok;
    return cancellation.signal.aborted ? EXIT.cancelled : EXIT.failed;
  } finally {
    view.close();
  }
}
