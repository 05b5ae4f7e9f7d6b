import type { EngineEvent, Plan } from "@cairn/core/automation";

/**
 * Renders one operation's engine events as they arrive. A view never throws:
 * a broken terminal must not break a deployment.
 */
export interface OperationView {
  onEvent(event: EngineEvent): void;
  /** Prints the plan once (the plan event, or the confirmation prompt, whichever comes first). */
  showPlan(plan: Plan): void;
  /** Stops redrawing, before the CLI asks a question or prints its summary. */
  pause(): void;
  /** Starts redrawing again. */
  resume(): void;
  /** Ends the view for good. */
  close(): void;
}
