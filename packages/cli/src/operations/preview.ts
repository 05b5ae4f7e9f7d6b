import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CommandContext } from "../cli/context.js";
import { EXIT } from "../cli/cli-error.js";
import { writeJsonLine } from "../display/json-view.js";
import { renderPreviewSummary } from "../display/summary-view.js";
import { loadProgram } from "../loader/load-program.js";
import { openStack } from "./open-stack.js";
import { coreOptions, type OperationFlags } from "./operation-options.js";
import { withInterrupts } from "./interrupt.js";
import { createView, eventSink } from "./views.js";

/** Flags of `cairn preview`. */
export interface PreviewFlags extends OperationFlags {
  readonly savePlan?: string;
}

/** `cairn preview`: runs the program and prints the plan; changes nothing. */
export async function preview(ctx: CommandContext, flags: PreviewFlags): Promise<number> {
  // Bundling runs in esbuild's own process, alongside opening the stack's secrets.
  const ws = await ctx.workspace();
  const [opened, program] = await Promise.all([openStack(ctx), loadProgram(ws, ctx.logger)]);
  const stack = await opened.stack(program);
  const { createCancellation } = await import("@cairn/core");
  const cancellation = createCancellation();
  const view = createView(ctx, { json: flags.json === true, printPlan: true, detailed: flags.diff === true });
  const started = Date.now();
  try {
    const result = await withInterrupts(cancellation, view, () =>
      stack.preview({
        ...coreOptions(flags),
        onEvent: eventSink(ctx, view),
        signal: cancellation.signal,
        abortSignal: cancellation.abortSignal,
        savePlan: flags.savePlan !== undefined,
      }),
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
    return EXIT.ok;
  } finally {
    view.close();
  }
}
