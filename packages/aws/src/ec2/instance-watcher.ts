import type { Instance } from "@aws-sdk/client-ec2";
import { CairnError } from "@cairn/core";
import { isRetryable } from "../errors.js";
import { pollDelay } from "../runtime/backoff.js";
import { call } from "../runtime/call.js";
import type { ClientFactory } from "../runtime/client-factory.js";
import { cancelled, formatDuration, type Clock } from "../runtime/clock.js";
import { deadlineOf, type AwsContext } from "../runtime/context.js";
import type { SharedKey } from "../runtime/shared.js";
import { ec2Limit } from "./limits.js";

/** The states an operation waits for. */
export type InstanceTarget = "running" | "stopped" | "terminated";

/** How the watcher polls. */
export interface InstanceWatcherOptions {
  /** The first delay between describe calls, in milliseconds. @default 2000 */
  readonly intervalMs?: number;
  /** The largest delay, in milliseconds. @default 15000 */
  readonly maxIntervalMs?: number;
  /** How long an instance may be missing from describe results right after launch, in milliseconds. @default 120000 */
  readonly missingGraceMs?: number;
}

interface Waiter {
  readonly ctx: AwsContext;
  readonly target: InstanceTarget;
  readonly since: number;
  readonly resolve: (instance: Instance | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/** Filter values per DescribeInstances call (EC2 accepts 200 values per filter). */
const BATCH = 200;

/**
 * Waits for EC2 instances to reach a state. Every instance any operation of
 * one provider is waiting on is looked at in one DescribeInstances call per
 * round (200 ids per call), not one call per instance: a hundred instances
 * launching at once cost one describe every few seconds, not a hundred.
 */
export class InstanceWatcher {
  readonly #clients: ClientFactory;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #options: Required<InstanceWatcherOptions>;
  readonly #waiters = new Map<string, Set<Waiter>>();
  #running = false;
  /** Aborts the poller's sleep once nobody waits, so no timer outlives the last wait. */
  #idle: AbortController | undefined;

  constructor(clients: ClientFactory, clock: Clock, random: () => number, options: InstanceWatcherOptions = {}) {
    this.#clients = clients;
    this.#clock = clock;
    this.#random = random;
    this.#options = { intervalMs: 2_000, maxIntervalMs: 15_000, missingGraceMs: 120_000, ...options };
  }

  /**
   * Resolves with the instance once it is in `target` (`undefined` when
   * waiting for termination and it is gone); rejects if it can never get
   * there, the operation's time runs out, or it is cancelled.
   */
  waitFor(ctx: AwsContext, instanceId: string, target: InstanceTarget): Promise<Instance | undefined> {
    return new Promise((resolve, reject) => {
      const signal = ctx.call.signal;
      if (signal.aborted) return reject(cancelled(signal));
      const onAbort = (): void => this.#settle(instanceId, waiter, () => reject(cancelled(signal)));
      const waiter: Waiter = {
        ctx,
        target,
        since: this.#clock.now(),
        resolve: (instance) => {
          signal.removeEventListener("abort", onAbort);
          resolve(instance);
        },
        reject: (error) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      };
      signal.addEventListener("abort", onAbort, { once: true });
      let set = this.#waiters.get(instanceId);
      if (set === undefined) this.#waiters.set(instanceId, (set = new Set()));
      set.add(waiter);
      if (!this.#running) void this.#loop();
    });
  }

  /** Removes a waiter and, if it was still waiting, runs `then`. */
  #settle(instanceId: string, waiter: Waiter, then: () => void): void {
    const set = this.#waiters.get(instanceId);
    if (set?.delete(waiter) !== true) return;
    if (set.size === 0) this.#waiters.delete(instanceId);
    if (this.#waiters.size === 0) this.#idle?.abort();
    then();
  }

  async #loop(): Promise<void> {
    this.#running = true;
    try {
      for (let round = 0; this.#waiters.size > 0; round++) {
        const delays = { baseMs: this.#options.intervalMs, maxMs: this.#options.maxIntervalMs, factor: 1.5 };
        this.#idle = new AbortController();
        await this.#clock.sleep(pollDelay(Math.min(round, 6), delays, this.#random), this.#idle.signal).catch(() => undefined);
        if (this.#waiters.size === 0) break;
        const ids = [...this.#waiters.keys()];
        for (let i = 0; i < ids.length; i += BATCH) await this.#round(ids.slice(i, i + BATCH));
      }
    } finally {
      this.#running = false;
      this.#idle = undefined;
      // A wait that began while this loop was ending needs a loop of its own.
      if (this.#waiters.size > 0) void this.#loop();
    }
  }

  async #round(ids: string[]): Promise<void> {
    const first = this.#firstWaiter(ids);
    if (first === undefined) return;
    let instances: Map<string, Instance>;
    try {
      instances = await this.#describe(first.ctx, ids);
    } catch (error) {
      // Throttled or briefly unavailable: the next round tries again, unless time is up.
      const now = this.#clock.now();
      for (const id of ids) {
        for (const waiter of [...(this.#waiters.get(id) ?? [])]) {
          if (!isRetryable(error) || now > deadlineOf(waiter.ctx)) this.#settle(id, waiter, () => waiter.reject(error));
        }
      }
      return;
    }
    for (const id of ids) {
      for (const waiter of [...(this.#waiters.get(id) ?? [])]) this.#judge(id, waiter, instances.get(id));
    }
  }

  #firstWaiter(ids: string[]): Waiter | undefined {
    for (const id of ids) for (const waiter of this.#waiters.get(id) ?? []) return waiter;
    return undefined;
  }

  async #describe(ctx: AwsContext, ids: string[]): Promise<Map<string, Instance>> {
    const ec2 = await this.#clients.ec2();
    const found = new Map<string, Instance>();
    let NextToken: string | undefined;
    do {
      const page = await call(
        ctx,
        "DescribeInstances",
        () => ec2.client.send(new ec2.sdk.DescribeInstancesCommand({ Filters: [{ Name: "instance-id", Values: ids }], NextToken })),
        ec2Limit("DescribeInstances"),
      );
      for (const reservation of page.Reservations ?? []) {
        for (const instance of reservation.Instances ?? []) if (instance.InstanceId) found.set(instance.InstanceId, instance);
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return found;
  }

  #judge(id: string, waiter: Waiter, instance: Instance | undefined): void {
    const { ctx, target } = waiter;
    const now = this.#clock.now();
    if (instance === undefined) {
      if (target === "terminated") return this.#settle(id, waiter, () => waiter.resolve(undefined));
      if (now - waiter.since > this.#options.missingGraceMs) {
        return this.#settle(id, waiter, () =>
          waiter.reject(new CairnError("PROVIDER_ERROR", `${ctx.label}: instance ${id} was not found while waiting for it to be ${target}.`, { urn: ctx.call.urn })),
        );
      }
      return ctx.call.progress(`${id}: not visible yet`);
    }
    const state = instance.State?.Name ?? "unknown";
    if (state === target) return this.#settle(id, waiter, () => waiter.resolve(instance));
    if (state === "terminated" || (state === "shutting-down" && target !== "terminated")) {
      const reason = instance.StateReason?.Message ?? instance.StateTransitionReason ?? "no reason given";
      return this.#settle(id, waiter, () =>
        waiter.reject(new CairnError("PROVIDER_ERROR", `${ctx.label}: instance ${id} went to ${state} instead of ${target}: ${reason}`, { urn: ctx.call.urn })),
      );
    }
    if (now > deadlineOf(ctx)) {
      return this.#settle(id, waiter, () =>
        waiter.reject(
          new CairnError("TIMEOUT", `${ctx.label}: instance ${id} was still ${state} after ${formatDuration(ctx.call.timeoutMs)}, waiting for ${target}.`, { urn: ctx.call.urn }),
        ),
      );
    }
    ctx.call.progress(`${id}: ${state} (${formatDuration(now - ctx.startedAt)} elapsed)`);
  }
}


/**
 * The provider's one instance watcher, shared by all its operations. Its
 * tuning comes from the provider's `ec2` tuning (`intervalMs`,
 * `maxIntervalMs`, `missingGraceMs`).
 */
export const INSTANCE_WATCHER: SharedKey<InstanceWatcher> = {
  name: "EC2 instance watcher",
  create: (env) => new InstanceWatcher(env.clients, env.clock, env.random, env.tuning.ec2),
};
