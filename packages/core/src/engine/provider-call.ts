import { CairnError, messageOf } from "../errors.js";
import type { CallContext, OperationTimeouts, Provider, ProviderOperation } from "../provider/provider.js";
import { nameOfUrn } from "../resource/urn.js";
import type { EventSink } from "./events.js";
import type { Limiter } from "./limiter.js";
import { backoffDelay, effectiveRetryPolicy, sleep } from "./retry.js";

/** The default time limit of one provider operation. */
export const DEFAULT_TIMEOUT_MS = 20 * 60_000;

/** Raised when a hard abort abandons a call in flight; its step stays pending in state. */
export class AbandonedError extends Error {
  constructor() {
    super("The operation was aborted while this call was in flight.");
    this.name = "AbandonedError";
  }
}

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
}

/**
 * Calls a provider with the engine's discipline: the provider's declared
 * limits, its error classification with backoff and jitter between attempts,
 * a time limit, and abandonment on a hard abort.
 */
export async function callProvider<T>(setup: CallSetup, call: (ctx: CallContext) => Promise<T>): Promise<T> {
  const policy = effectiveRetryPolicy(setup.provider.retry);
  const limits = setup.provider.limits?.(setup.type, setup.operation);
  for (let attempt = 1; ; attempt++) {
    try {
      return await setup.limiter.run(limits, () => callOnce(setup, call));
    } catch (error) {
      if (error instanceof AbandonedError || setup.abortSignal?.aborted) throw error instanceof AbandonedError ? error : new AbandonedError();
      const kind = classify(setup.provider, error);
      if (kind === "fatal" || attempt >= policy.maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, policy, kind);
      setup.emit({ type: "step-retry", urn: setup.urn, attempt: attempt + 1, delayMs, message: messageOf(error) });
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

function callOnce<T>(setup: CallSetup, call: (ctx: CallContext) => Promise<T>): Promise<T> {
  const timeoutMs = timeoutFor(setup);
  const controller = new AbortController();
  const ctx: CallContext = {
    urn: setup.urn,
    type: setup.type,
    name: nameOfUrn(setup.urn),
    signal: controller.signal,
    timeoutMs,
    progress: (message) => setup.emit({ type: "step-progress", urn: setup.urn, message }),
    limit: (limits, inner) => setup.limiter.run(limits, inner),
  };
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      controller.abort(new AbandonedError());
      reject(new AbandonedError());
    };
    const timer = setTimeout(() => {
      const error = new CairnError("TIMEOUT", `${setup.operation} of ${nameOfUrn(setup.urn)} did not finish within ${Math.round(timeoutMs / 1000)}s (set customTimeouts.${setup.operation} to allow longer).`, { urn: setup.urn });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    setup.abortSignal?.addEventListener("abort", onAbort, { once: true });
    const settle = (): void => {
      clearTimeout(timer);
      setup.abortSignal?.removeEventListener("abort", onAbort);
    };
    let pending: Promise<T>;
    try {
      pending = call(ctx);
    } catch (error) {
      settle();
      reject(error);
      return;
    }
    pending.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

function timeoutFor(setup: CallSetup): number {
  const op = setup.operation;
  const schema = setup.provider.schema?.(setup.type)?.timeouts;
  if (op === "create" || op === "update" || op === "delete" || op === "read") {
    return setup.timeouts[op] ?? schema?.[op] ?? DEFAULT_TIMEOUT_MS;
  }
  return DEFAULT_TIMEOUT_MS;
}
