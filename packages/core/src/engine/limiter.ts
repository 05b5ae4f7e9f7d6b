import type { CallLimits } from "../provider/provider.js";

interface Lane {
  readonly concurrency: number;
  readonly burst: number;
  readonly perSecond: number;
  inFlight: number;
  tokens: number;
  refilledAt: number;
  readonly waiting: Array<() => void>;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Keeps calls within the limits providers declare: at most `concurrency` in
 * flight per key, and a token bucket (`burst`, refilled at `perSecond`) per
 * key, so the engine paces calls instead of provoking throttling.
 */
export class Limiter {
  readonly #lanes = new Map<string, Lane>();

  /** Runs `call` once its key's limits allow; calls without limits run at once. */
  run<T>(limits: CallLimits | undefined, call: () => Promise<T>): Promise<T> {
    if (limits === undefined || (limits.concurrency === undefined && limits.rate === undefined)) return call();
    const lane = this.#lane(limits);
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        lane.inFlight++;
        call().then(resolve, reject).finally(() => {
          lane.inFlight--;
          this.#pump(lane);
        });
      };
      lane.waiting.push(start);
      this.#pump(lane);
    });
  }

  #lane(limits: CallLimits): Lane {
    let lane = this.#lanes.get(limits.key);
    if (lane === undefined) {
      const burst = limits.rate?.burst ?? Number.POSITIVE_INFINITY;
      lane = {
        concurrency: limits.concurrency ?? Number.POSITIVE_INFINITY,
        burst,
        perSecond: limits.rate?.perSecond ?? Number.POSITIVE_INFINITY,
        inFlight: 0,
        tokens: burst,
        refilledAt: Date.now(),
        waiting: [],
        timer: undefined,
      };
      this.#lanes.set(limits.key, lane);
    }
    return lane;
  }

  #pump(lane: Lane): void {
    this.#refill(lane);
    while (lane.waiting.length > 0 && lane.inFlight < lane.concurrency && lane.tokens >= 1) {
      lane.tokens -= 1;
      lane.waiting.shift()!();
    }
    if (lane.waiting.length > 0 && lane.inFlight < lane.concurrency && lane.timer === undefined) {
      const waitMs = Math.max(1, Math.ceil(((1 - lane.tokens) / lane.perSecond) * 1000));
      lane.timer = setTimeout(() => {
        lane.timer = undefined;
        this.#pump(lane);
      }, waitMs);
    }
  }

  #refill(lane: Lane): void {
    if (!Number.isFinite(lane.perSecond)) {
      lane.tokens = lane.burst;
      return;
    }
    const now = Date.now();
    lane.tokens = Math.min(lane.burst, lane.tokens + ((now - lane.refilledAt) / 1000) * lane.perSecond);
    lane.refilledAt = now;
  }
}
