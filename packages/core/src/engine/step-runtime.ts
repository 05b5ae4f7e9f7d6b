import type { CallTracker } from "./call-tracker.js";
import type { OperationContext } from "./context.js";
import type { Limiter } from "./limiter.js";
import type { PhaseValues } from "./phase-values.js";
import type { TokenSource } from "./tokens.js";

/** What every step executor needs. */
export interface StepRuntime {
  readonly ctx: OperationContext;
  readonly phase: PhaseValues;
  readonly limiter: Limiter;
  readonly abortSignal: AbortSignal | undefined;
  readonly tracker: CallTracker;
  readonly tokens: TokenSource;
}
