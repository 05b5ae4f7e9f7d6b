import { CairnError } from "../errors.js";

/** Raised when a hard abort abandons a call in flight; its step stays pending in state. */
export class AbandonedError extends Error {
  constructor() {
    super("The operation was aborted while this call was in flight.");
    this.name = "AbandonedError";
  }
}

/** One provider call in flight. */
export interface TrackedCall {
  readonly deadline: number;
  /** Ends the call from outside: time limit reached or a hard abort. */
  end(error: Error): void;
}

/**
 * Watches the provider calls of one operation: one timer for every time
 * limit and one listener for a hard abort, instead of a timer and a listener
 * per call.
 */
export class CallTracker {
  readonly #calls = new Set<TrackedCall>();
  #timer: NodeJS.Timeout | undefined;
  #tickMs = 1000;

  constructor(abortSignal: AbortSignal | undefined) {
    abortSignal?.addEventListener(
      "abort",
      () => {
        for (const call of [...this.#calls]) call.end(new AbandonedError());
      },
      { once: true },
    );
  }

  /** Starts watching a call; returns the function that stops watching it. */
  track(call: TrackedCall, timeoutMs: number): () => void {
    this.#calls.add(call);
    // Check often enough for the shortest limit in flight, at most once a second.
    const tick = Math.max(5, Math.min(1000, Math.floor(timeoutMs / 4)));
    if (this.#timer === undefined || tick < this.#tickMs) {
      if (this.#timer !== undefined) clearInterval(this.#timer);
      this.#tickMs = tick;
      this.#timer = setInterval(() => this.#sweep(), tick);
      this.#timer.unref();
    }
    return () => {
      this.#calls.delete(call);
      if (this.#calls.size === 0 && this.#timer !== undefined) {
        clearInterval(this.#timer);
        this.#timer = undefined;
        this.#tickMs = 1000;
      }
    };
  }

  #sweep(): void {
    const now = Date.now();
    for (const call of [...this.#calls]) {
      if (call.deadline <= now) call.end(new CairnError("TIMEOUT", "time limit reached"));
    }
  }
}
