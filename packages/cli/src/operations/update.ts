import { readUserFile } from "../cli/user-file.js";
import { resolve } from "node:path";
import type { Plan, UpdateResult } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { confirm } from "../cli/prompt.js";
import { writeJsonLine } from "../display/json-view.js";
import type { OperationView } from "../display/operation-view.js";
import { renderUpdateSummary } from "../display/summary-view.js";
import { loadProgram } from "../loader/load-program.js";
import { withTypeErrors } from "../loader/program-error.js";
import { withInterrupts } from "./interrupt.js";
import { openStack } from "./open-stack.js";
import { coreOptions, type OperationFlags } from "./operation-options.js";
import { createView, eventSink, withFailureCodes } from "./views.js";

/** Flags of `cairn up` and `cairn destroy`. */
export interface UpdateFlags extends OperationFlags {
  /** A saved plan to apply exactly (`up --plan`). */
  readonly plan?: string;
}

/**
 * Fails before anything runs when a confirmation would be needed and nobody
 * can give it: no terminal (a pipe, CI) and no `--yes`.
 */
export function assertCanConfirm(ctx: CommandContext, command: "up" | "destroy", yes: boolean | undefined): void {
  if (yes === true || ctx.io.interactive) return;
  const why = ctx.io.env.CI ? "CI is set" : "there is no terminal to ask on";
  throw new CliError("CLI_NEEDS_TTY", `\`cairn ${command}\` asks for confirmation before it changes anything, and ${why}.`, {
    hint: command === "up" ? "Review the plan with `cairn preview`, then run `cairn up --yes`." : "Run `cairn destroy --yes` to delete every resource of the stack.",
  });
}

/** `cairn up` and `cairn destroy`: plan, confirm (unless `--yes`), apply, report. */
export async function update(ctx: CommandContext, command: "up" | "destroy", flags: UpdateFlags): Promise<number> {
  // With --expect-no-changes nothing is ever applied, so there is nothing to confirm.
  if (flags.expectNoChanges !== true) assertCanConfirm(ctx, command, flags.yes);
  // Bundling runs in esbuild's own process, alongside opening the stack's secrets.
  const ws = await ctx.workspace();
  // Destroy runs the program too: inline (dynamic) providers live in it, and deletes need them.
  const [opened, program] = await Promise.all([openStack(ctx), loadProgram(ws, ctx.logger)]);
  const stack = await opened.stack(program);
  const savedPlan = flags.plan === undefined ? undefined : await readUserFile(resolve(ctx.cwd, flags.plan), "the saved plan given to --plan");
  const { createCancellation } = await import("@cairn/core/automation");
  const cancellation = createCancellation();
  const view = createView(ctx, { json: flags.json === true, printPlan: true, detailed: flags.diff === true, showSames: flags.showSames === true });
  let declined = false;
  let unexpected: Plan | undefined;
  const ask = async (plan: Plan): Promise<boolean> => {
    if (flags.expectNoChanges === true && plan.steps.some((step) => step.op !== "same")) {
      unexpected = plan;
      return false;
    }
    if (flags.yes === true || !plan.steps.some((step) => step.op !== "same")) return true;
    view.pause();
    view.showPlan(plan);
    const question = command === "up" ? `Apply these changes to stack "${opened.name}"?` : `Delete every resource of stack "${opened.name}"?`;
    const yes = await confirm(ctx.io, question);
    declined = !yes;
    if (yes) ctx.io.stdout.write("\n");
    view.resume();
    return yes;
  };
  try {
    const options = { ...coreOptions(flags), onEvent: eventSink(ctx, view), signal: cancellation.signal, abortSignal: cancellation.abortSignal, confirm: ask };
    const result = await withInterrupts(cancellation, view, () =>
      withTypeErrors(ws, () => (command === "up" ? stack.up({ ...options, ...(savedPlan === undefined ? {} : { plan: savedPlan }) }) : stack.destroy(options))),
    );
    view.close();
    if (unexpected !== undefined) throw (await import("./preview.js")).changesFound(unexpected);
    return report(ctx, command, flags, withFailureCodes(result), declined, cancellation.signal.aborted);
  } finally {
    view.close();
  }
}

function report(ctx: CommandContext, command: "up" | "destroy", flags: UpdateFlags, result: UpdateResult, declined: boolean, interrupted: boolean): number {
  if (flags.json) {
    const { plan: _plan, ...rest } = result;
    writeJsonLine(ctx.io.stdout, { type: "summary", operation: command, ...rest, declined });
  } else if (declined) {
    ctx.io.stdout.write("No changes were made.\n");
  } else {
    ctx.io.stdout.write(renderUpdateSummary(result, ctx.theme, command).map((line) => `${line}\n`).join(""));
  }
  if (declined) return EXIT.declined;
  if (result.status === "succeeded") return EXIT.ok;
  if (result.status === "cancelled" && interrupted) return EXIT.cancelled;
  return EXIT.failed;
}
