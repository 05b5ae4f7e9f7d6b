import type { Cancellation } from "@cairn/core/automation";
import type { OperationView } from "../display/operation-view.js";

/**
 * Wires Ctrl-C to an operation for its length: the first stops scheduling
 * (calls in flight finish and are recorded), the second aborts calls in
 * flight (they stay pending in state), a third leaves at once.
 */
export async function withInterrupts<T>(cancellation: Cancellation, view: OperationView, run: () => Promise<T>): Promise<T> {
  let presses = 0;
  const onInterrupt = (): void => {
    presses++;
    if (presses >= 3) process.exit(130);
    // Said before it is done: cancelling makes the engine report skipped steps at once.
    view.onEvent({ type: "cancel-requested", hard: presses >= 2 });
    cancellation.cancel();
  };
  process.on("SIGINT", onInterrupt);
  try {
    return await run();
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}
