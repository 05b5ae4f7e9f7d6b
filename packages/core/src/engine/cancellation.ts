/** Two-stage cancellation: the first request stops scheduling, the second aborts calls in flight. */
export interface Cancellation {
  /** Aborted by the first {@link Cancellation.cancel}: start no more steps. */
  readonly signal: AbortSignal;
  /** Aborted by the second: abandon calls in flight (they stay pending in state). */
  readonly abortSignal: AbortSignal;
  /** Requests cancellation; says which stage this call reached. */
  cancel(): "stopping" | "aborting";
}

/**
 * Creates a two-stage cancellation for an operation, as the CLI wires to
 * Ctrl-C.
 *
 * @example
 * const cancellation = createCancellation();
 * process.on("SIGINT", () => cancellation.cancel());
 * await stack.up({ signal: cancellation.signal, abortSignal: cancellation.abortSignal });
 */
export function createCancellation(): Cancellation {
  const stop = new AbortController();
  const abort = new AbortController();
  return {
    signal: stop.signal,
    abortSignal: abort.signal,
    cancel(): "stopping" | "aborting" {
      if (!stop.signal.aborted) {
        stop.abort(new Error("cancelled"));
        return "stopping";
      }
      abort.abort(new Error("aborted"));
      return "aborting";
    },
  };
}
