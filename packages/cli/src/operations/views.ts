import type { EngineEvent, StepFailure } from "@cairn/core/automation";
import type { CommandContext } from "../cli/context.js";
import { HumanView } from "../display/human-view.js";
import { JsonView } from "../display/json-view.js";
import type { OperationView } from "../display/operation-view.js";
import { inCliWords } from "../cli/hint-words.js";

/** How a command wants its operation shown. */
export interface ViewChoice {
  /** One JSON object per line instead of text. */
  readonly json: boolean;
  /** Print the plan when the engine announces it. */
  readonly printPlan: boolean;
  /** Show every input of created and deleted resources. @default false */
  readonly detailed?: boolean;
  /** List unchanged resources in the plan. @default false */
  readonly showSames?: boolean;
}

/** The view for a command: JSON lines, a live terminal view, or plain lines. */
export function createView(ctx: CommandContext, choice: ViewChoice): OperationView {
  return eachCancelOnce(choice.json ? new JsonView(ctx.io.stdout) : humanView(ctx, choice));
}

function humanView(ctx: CommandContext, choice: ViewChoice): OperationView {
  return new HumanView({
    out: ctx.io.stdout,
    theme: ctx.theme,
    live: ctx.io.live,
    columns: ctx.io.columns,
    printPlan: choice.printPlan,
    detailed: choice.detailed ?? false,
    showSames: choice.showSames ?? false,
  });
}

/**
 * A view that shows each Ctrl-C once: the CLI announces a press itself (the
 * engine does not while the program runs or the plan is made), and the
 * engine announces it again while it applies, before the steps it skips.
 */
function eachCancelOnce(view: OperationView): OperationView {
  const announced = new Set<boolean>();
  return {
    onEvent: (event) => {
      if (event.type === "cancel-requested") {
        if (announced.has(event.hard)) return;
        announced.add(event.hard);
      }
      view.onEvent(event);
    },
    showPlan: (plan) => view.showPlan(plan),
    pause: () => view.pause(),
    resume: () => view.resume(),
    close: () => view.close(),
  };
}

/** Where engine events go: the view, and the debug log (`--verbose`, `--log-file`) when it is on. */
export function eventSink(ctx: CommandContext, view: OperationView): (event: EngineEvent) => void {
  if (!ctx.logger.enabled) return (event) => view.onEvent(coded(event));
  return (event) => {
    view.onEvent(coded(event));
    if (event.type !== "plan") ctx.logger.debug(`event ${JSON.stringify(event)}`);
    else ctx.logger.debug(`event plan: ${event.plan.steps.length} steps`);
  };
}

/** The code of a failed step whose error carried none: whatever a provider throws on its own is its error. */
export const UNCODED_STEP_FAILURE = "PROVIDER_ERROR";

function coded(event: EngineEvent): EngineEvent {
  if (event.type !== "step-failed" || (event.code !== undefined && event.hints === undefined)) return event;
  return { ...event, ...cliFailure(event) };
}

/** A result whose failures all carry a code and read in the CLI's words, for the summary in every output form. */
export function withFailureCodes<R extends { readonly failures: readonly StepFailure[] }>(result: R): R {
  if (result.failures.every((failure) => failure.code !== undefined && failure.hints === undefined)) return result;
  return { ...result, failures: result.failures.map((failure) => ({ ...failure, ...cliFailure(failure) })) };
}

/** A failure's code (PROVIDER_ERROR when it had none) and its message with the hints in the CLI's words. */
function cliFailure(failure: { readonly message: string; readonly code?: string; readonly hints?: StepFailure["hints"] }): { code: string; message: string } {
  return { code: failure.code ?? UNCODED_STEP_FAILURE, message: inCliWords(failure.message, failure.hints) };
}
