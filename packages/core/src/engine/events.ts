import type { Hint } from "../hints.js";
import type { Plan, StepOp } from "../plan/step.js";

/** An operation the engine runs. */
export type OperationKind = "preview" | "up" | "destroy" | "refresh";

/** Events the engine emits while it works. The CLI renders them; `--json` prints them. */
export type EngineEvent =
  | { readonly type: "operation-start"; readonly operation: OperationKind; readonly project: string; readonly stack: string }
  | { readonly type: "diagnostic"; readonly severity: "info" | "warning" | "error"; readonly message: string; readonly urn?: string }
  | { readonly type: "plan"; readonly plan: Plan }
  | { readonly type: "step-start"; readonly op: StepOp | "refresh"; readonly urn: string; readonly resourceType: string }
  | { readonly type: "step-progress"; readonly urn: string; readonly message: string }
  | { readonly type: "step-retry"; readonly urn: string; readonly attempt: number; readonly maxAttempts?: number; readonly delayMs: number; readonly message: string }
  | { readonly type: "step-done"; readonly op: StepOp | "refresh"; readonly urn: string; readonly durationMs: number; readonly changes?: readonly string[]; readonly retained?: true }
  | { readonly type: "step-failed"; readonly op: StepOp | "refresh"; readonly urn: string; readonly message: string; readonly code?: string; readonly hints?: readonly Hint[] }
  | { readonly type: "step-skipped"; readonly op: StepOp; readonly urn: string; readonly because: string }
  | { readonly type: "cancel-requested"; readonly hard: boolean }
  | { readonly type: "operation-end"; readonly operation: OperationKind; readonly status: OperationStatus; readonly durationMs: number };

/** How an operation ended. */
export type OperationStatus = "succeeded" | "failed" | "cancelled";

/** Receives engine events. It must not throw; the engine ignores what it returns. */
export type EventSink = (event: EngineEvent) => void;
