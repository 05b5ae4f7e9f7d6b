import { CairnError, messageOf } from "../errors.js";
import type { CallContext, CallLimits, OperationTimeouts, Provider, ProviderOperation, RetryNotice } from "../provider/provider.js";
import { nameOfUrn } from "../resource/urn.js";
import { AbandonedError, CallTracker, type TrackedCall } from "./call-tracker.js";
import type { EventSink } from "./events.js";
import type { Limiter } from "./limiter.js";
import type { SecretMask } from "../output/secret-mask.js";
import { backoffDelay, effectiveRetryPolicy } from "./retry.js";
import { sleep } from "../util/sleep.js";

export { AbandonedError } from "./call-tracker.js";

/** The default time limit of one provider operation. */
export const DEFAULT_TIMEOUT_MS = 20 * 60_000;

/** What one provider call needs from the engine. */
export interface CallSetup {
  readonly provider: Provider;
  readonly urn: string;
  readonly type: string;
  readonly operation: ProviderOperation;
  readonly timeouts: OperationTimeouts;
  readonly limiter: Limiter;
  readonly emit: EventSink;
  readonly abortSignal: AbortSignal | undefined;
  /** The operation's tracker of calls in flight. @default one for this call alone */
  readonly tracker?: CallTracker;
  /** The operation's secrets, which {@link CallContext.markSecret} adds to. @default none */
  readonly mask?: SecretMask;
}

/**
 * Calls a provider with the engine's discipline: the provider's declared
 * limits, its error classification with backoff and jitter between attempts,
 * a time limit, and abandonment on a hard abort.
 */
export async function callProvider<T>(setup: CallSetup, call: (ctx: CallContext) => Promise<T>): Promise<T> {
  const limits = setup.provider.limits?.(setup.type, setup.operation);
  const tracker = setup.tracker ?? new CallTracker(setup.abortSignal);
  for (let attempt = 1; ; attempt++) {
    try {
      if (setup.abortSignal?.aborted) throw new AbandonedError();
      return await setup.limiter.run(limits, () => callOnce(setup, tracker, call));
    } catch (error) {
      if (error instanceof AbandonedError || setup.abortSignal?.aborted) throw error instanceof AbandonedError ? error : new AbandonedError();
      const policy = effectiveRetryPolicy(setup.provider.retry);
      const kind = classify(setup.provider, error);
      if (kind === "fatal" || attempt >= policy.maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, policy, kind);
      setup.emit({ type: "step-retry", urn: setup.urn, attempt: attempt + 1, maxAttempts: policy.maxAttempts, delayMs, message: messageOf(error) });
      try {
        await sleep(delayMs, setup.abortSignal);
      } catch {
        throw new AbandonedError();
      }
    }
  }
}

function classify(provider: Provider, error: unknown): "retry" | "throttle" | "fatal" {
  if (CairnError.isCairnError(error) && error.code === "TIMEOUT") return "fatal";
  try {
    return provider.classifyError?.(error) ?? "fatal";
  } catch {
    return "fatal";
  }
}

/** The context a provider call receives; its AbortSignal is made only if the provider asks for it. */
class Call implements CallContext, TrackedCall {
  readonly urn: string;
  readonly type: string;
  readonly timeoutMs: number;
  readonly deadline: number;
  readonly #setup: CallSetup;
  #controller: AbortController | undefined;
  #reject: ((error: unknown) => void) | undefined;

  constructor(setup: CallSetup, timeoutMs: number, reject: (error: unknown) => void) {
    this.#setup = setup;
    this.urn = setup.urn;
    this.type = setup.type;
    this.timeoutMs = timeoutMs;
    this.deadline = Date.now() + timeoutMs;
    this.#reject = reject;
  }

  get name(): string {
    return nameOfUrn(this.urn);
  }

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  progress(message: string): void {
    this.#setup.emit({ type: "step-progress", urn: this.urn, message });
  }

  markSecret(text: string): void {
    this.#setup.mask?.addText(text);
  }

  limit<R>(limits: CallLimits, inner: () => Promise<R>): Promise<R> {
    return this.#setup.limiter.run(limits, inner);
  }

  retrying(notice: RetryNotice): void {
    this.#setup.emit({ type: "step-retry", urn: this.urn, attempt: notice.attempt, maxAttempts: notice.maxAttempts, delayMs: notice.delayMs, message: notice.message });
  }

  end(error: Error): void {
    const reject = this.#reject;
    if (reject === undefined) return;
    this.#reject = undefined;
    const reason =
      CairnError.isCairnError(error) && error.code === "TIMEOUT"
        ? new CairnError(
            "TIMEOUT",
            `${this.#setup.operation} of ${this.name} did not finish within ${Math.round(this.timeoutMs / 1000)}s (set customTimeouts.${this.#setup.operation} to allow longer).`,
            { urn: this.urn },
          )
        : error;
    this.#controller?.abort(reason);
    reject(reason);
  }

  settled(): void {
    this.#reject = undefined;
  }
}

function callOnce<T>(setup: CallSetup, tracker: CallTracker, call: (ctx: CallContext) => Promise<T>): Promise<T> {
  const timeoutMs = timeoutFor(setup);
  return new Promise<T>((resolve, reject) => {
    const ctx = new Call(setup, timeoutMs, reject);
    const untrack = tracker.track(ctx, timeoutMs);
    let pending: Promise<T>;
    try {
      pending = call(ctx);
    } catch (error) {
      untrack();
      ctx.settled();
      reject(error);
      return;
    }
    pending.then(
      (value) => {
        untrack();
        ctx.settled();
        resolve(value);
      },
      (error: unknown) => {
        untrack();
        ctx.settled();
        reject(error);
      },
    );
  });
}

function timeoutFor(setup: CallSetup): number {
  const op = setup.operation;
  if (op === "create" || op === "update" || op === "delete" || op === "read") {
    return setup.timeouts[op] ?? setup.provider.schema?.(setup.type)?.timeouts?.[op] ?? DEFAULT_TIMEOUT_MS;
  }
  return DEFAULT_TIMEOUT_MS;
}
