import { EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";
import { renderRefreshSummary } from "../display/summary-view.js";
import { withInterrupts } from "./interrupt.js";
import { openStack } from "./open-stack.js";
import { createView, eventSink } from "./views.js";

/** Flags of `cairn refresh`. */
export interface RefreshFlags {
  readonly previewOnly?: boolean;
  readonly json?: boolean;
}

/**
 * `cairn refresh`: reads every resource back and compares it with state.
 * With `--preview-only` it only reports; otherwise state takes what is
 * there. It never changes a resource.
 */
export async function refresh(ctx: CommandContext, flags: RefreshFlags): Promise<number> {
  const opened = await openStack(ctx);
  const stack = await opened.stack();
  const { createCancellation } = await import("@cairn/core");
  const cancellation = createCancellation();
  const view = createView(ctx, { json: flags.json === true, printPlan: false });
  try {
    const result = await withInterrupts(cancellation, view, () =>
      stack.refresh({
        previewOnly: flags.previewOnly === true,
        onEvent: eventSink(ctx, view),
        signal: cancellation.signal,
        abortSignal: cancellation.abortSignal,
      }),
    );
    view.close();
    if (flags.json) writeJsonLine(ctx.io.stdout, { type: "summary", operation: "refresh", previewOnly: flags.previewOnly === true, ...result });
    else ctx.io.stdout.write(renderRefreshSummary(result, ctx.theme, flags.previewOnly === true).map((line) => `${line}\n`).join(""));
    // Drift found by a report-only refresh is news a script must not miss; an accepted refresh has dealt with it.
    if (result.status === "succeeded") return flags.previewOnly === true && result.drift.length > 0 ? EXIT.changes : EXIT.ok;
    return cancellation.signal.aborted ? EXIT.cancelled : EXIT.failed;
  } finally {
    view.close();
  }
}
