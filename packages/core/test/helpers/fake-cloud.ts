import { ComponentResource, CustomResource, type ComponentResourceOptions, type CustomResourceOptions, type Inputs, type Output } from "@cairn/core";
import type {
  CallContext,
  CallLimits,
  CheckFailure,
  ErrorClass,
  PropertyMap,
  Provider,
  ProviderOperation,
  ProviderPackage,
  RetryPolicy,
  TypeSchema,
} from "@cairn/core/provider";

/** The type token of the fake's ordinary resource. */
export const THING = "fake:index/Thing";

/** One call the fake cloud received, with times in ms since the cloud was made. */
export interface CallRecord {
  readonly op: "create" | "update" | "delete" | "read" | "diff";
  readonly name: string;
  readonly type: string;
  readonly attempt: number;
  readonly token?: string;
  readonly id?: string;
  readonly start: number;
  end?: number;
  outcome?: "ok" | "error";
  /** An idempotent create that found the resource made under the same token. */
  reused?: boolean;
}

/** A resource as the fake cloud holds it. */
export interface CloudObject {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  inputs: PropertyMap;
  readonly token: string;
}

/** An error the fake classifies as worth retrying (a throttle or a 503). */
export class RetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryableError";
  }
}

/** What the fake does, settable per test. Every hook is optional. */
export interface FakeBehaviour {
  /** Milliseconds a call takes. @default 0 */
  latencyMs?: (op: CallRecord["op"], name: string) => number;
  /** An error to throw for this attempt of this call (attempts count from 1 per op and name). */
  fail?: (op: CallRecord["op"], name: string, attempt: number) => Error | undefined;
  /** Check failures for a resource's inputs. */
  check?: (type: string, inputs: PropertyMap) => readonly CheckFailure[];
  /** Per-type schemas. */
  schemas?: Record<string, TypeSchema>;
  /** Declared call limits. */
  limits?: (type: string, op: ProviderOperation) => CallLimits | undefined;
  retry?: RetryPolicy;
  /** Delay of diff, to shake out ordering that depends on timing. @default 0 */
  diffDelayMs?: () => number;
  /** Whether the provider can look up what an interrupted create made, by the resource's name. @default false */
  findByName?: boolean;
}

const sleep = (ms: number): Promise<void> => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms)));

/**
 * An in-memory cloud with a provider that implements the real Provider
 * interface: configurable latency, failures and retryable errors, and a
 * record of every call with its start and end times. Like a real cloud, it
 * finishes a call even when the engine stops waiting for it.
 */
export class FakeCloud {
  readonly objects = new Map<string, CloudObject>();
  readonly calls: CallRecord[] = [];
  /** Data source tokens invoked, in order. */
  readonly invocations: string[] = [];
  /** The configuration of every provider the engine configured, in order. */
  readonly configured: PropertyMap[] = [];
  readonly behaviour: FakeBehaviour;
  readonly pkg: ProviderPackage;
  readonly provider: Provider;
  readonly Thing: ThingClass;
  readonly Group: GroupClass;
  readonly #t0 = performance.now();
  readonly #attempts = new Map<string, number>();
  readonly #serial = new Map<string, number>();
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(behaviour: FakeBehaviour = {}) {
    this.behaviour = behaviour;
    this.provider = this.#makeProvider();
    const provider = this.provider;
    const pkg: ProviderPackage = { name: "fake", module: "@cairn/fake-for-tests", version: "1.0.0", configure: (config) => (this.configured.push(config.values), provider) };
    this.pkg = pkg;
    this.Thing = class Thing extends CustomResource {
      /** The `out` output: `<name>-out` once created. */
      readonly out: Output<string> = this.getOutput<string>("out");
      constructor(name: string, args: Inputs<Record<string, unknown>> = {}, opts: CustomResourceOptions = {}, type: string = THING) {
        super({ token: type, package: pkg }, name, args, opts);
      }
      /** Any output property. */
      get<T = unknown>(key: string): Output<T> {
        return this.getOutput<T>(key);
      }
    };
    this.Group = class Group extends ComponentResource {
      constructor(name: string, opts: ComponentResourceOptions = {}) {
        super("fake:index/Group", name, {}, opts);
      }
      /** Records the component's outputs. */
      finish(outputs: Record<string, unknown>): void {
        this.registerOutputs(outputs);
      }
    };
  }

  /** Milliseconds since the cloud was made. */
  now(): number {
    return performance.now() - this.#t0;
  }

  /** Calls of one op, optionally for one name. */
  callsOf(op: CallRecord["op"], name?: string): CallRecord[] {
    return this.calls.filter((call) => call.op === op && (name === undefined || call.name === name));
  }

  /** The one call of this op for this name (the last attempt if there were several). */
  call(op: CallRecord["op"], name: string): CallRecord {
    const found = this.callsOf(op, name);
    if (found.length === 0) throw new Error(`no ${op} call for ${name}; calls: ${this.calls.map((c) => `${c.op} ${c.name}`).join(", ")}`);
    return found[found.length - 1]!;
  }

  /** Names in the order their calls of this op started. */
  order(op: CallRecord["op"]): string[] {
    return [...this.callsOf(op)].sort((a, b) => a.start - b.start).map((call) => call.name);
  }

  /** The most calls of one op that were in flight at once. */
  peakConcurrency(op: CallRecord["op"]): number {
    const edges: Array<[number, number]> = [];
    for (const call of this.callsOf(op)) edges.push([call.start, 1], [call.end ?? Infinity, -1]);
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let current = 0;
    let peak = 0;
    for (const [, delta] of edges) peak = Math.max(peak, (current += delta));
    return peak;
  }

  /** Waits until every call the cloud received has finished, abandoned ones included. */
  async onIdle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Names of the objects that exist, sorted. */
  names(): string[] {
    return [...this.objects.values()].map((object) => object.name).sort();
  }

  #track<T>(op: CallRecord["op"], name: string, type: string, extra: Partial<CallRecord>, body: (record: CallRecord) => Promise<T>): Promise<T> {
    const key = `${op}:${name}`;
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    const record: CallRecord = { op, name, type, attempt, start: this.now(), ...extra };
    this.calls.push(record);
    const run = (async () => {
      await sleep(this.behaviour.latencyMs?.(op, name) ?? 0);
      const failure = this.behaviour.fail?.(op, name, attempt);
      if (failure !== undefined) throw failure;
      return body(record);
    })();
    const settled = run.then(
      (value) => {
        record.end = this.now();
        record.outcome = "ok";
        return value;
      },
      (error: unknown) => {
        record.end = this.now();
        record.outcome = "error";
        throw error;
      },
    );
    const tracked = settled.catch(() => undefined);
    this.#inFlight.add(tracked);
    void tracked.then(() => this.#inFlight.delete(tracked));
    return settled;
  }

  #makeProvider(): Provider {
    const cloud = this;
    const outputsOf = (name: string, inputs: PropertyMap): PropertyMap => ({ ...inputs, out: `${name}-out` });
    return {
      schema: (type) => cloud.behaviour.schemas?.[type],
      check: (type, inputs) => {
        const failures = cloud.behaviour.check?.(type, inputs) ?? [];
        return failures.length > 0 ? { inputs, failures } : { inputs };
      },
      diff: cloud.behaviour.diffDelayMs === undefined
        ? undefined
        : async (_type, _id, olds, news) => {
            await sleep(cloud.behaviour.diffDelayMs!());
            const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
            return { changes: keys.filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key])) };
          },
      create: (inputs, token, ctx: CallContext) =>
        cloud.#track("create", ctx.name, ctx.type, { token }, async (record) => {
          for (const object of cloud.objects.values()) {
            if (object.token === token && cloud.behaviour.schemas?.[ctx.type]?.idempotentCreate) {
              record.reused = true;
              return { id: object.id, outputs: outputsOf(object.name, object.inputs) };
            }
          }
          const n = (cloud.#serial.get(ctx.name) ?? 0) + 1;
          cloud.#serial.set(ctx.name, n);
          const id = `${ctx.name}-${n}`;
          cloud.objects.set(id, { id, name: ctx.name, type: ctx.type, inputs, token });
          return { id, outputs: outputsOf(ctx.name, inputs) };
        }),
      read: (id, _inputs, _outputs, ctx) =>
        cloud.#track("read", ctx.name, ctx.type, { id }, async () => {
          const object = cloud.objects.get(id);
          return object === undefined ? undefined : { id, inputs: object.inputs, outputs: outputsOf(object.name, object.inputs) };
        }),
      ...(cloud.behaviour.findByName
        ? {
            findCreated: (_inputs: PropertyMap, _token: string, ctx: CallContext) =>
              cloud.#track("read", ctx.name, ctx.type, {}, async () => {
                const object = [...cloud.objects.values()].find((candidate) => candidate.name === ctx.name);
                return object === undefined ? undefined : { id: object.id, inputs: object.inputs, outputs: outputsOf(object.name, object.inputs) };
              }),
          }
        : {}),
      update: (id, _olds, news, _oldOutputs, ctx) =>
        cloud.#track("update", ctx.name, ctx.type, { id }, async () => {
          const object = cloud.objects.get(id);
          if (object === undefined) throw new Error(`no such object ${id}`);
          object.inputs = news;
          return outputsOf(object.name, news);
        }),
      delete: (id, _inputs, _outputs, ctx) =>
        cloud.#track("delete", ctx.name, ctx.type, { id }, async () => {
          cloud.objects.delete(id);
        }),
      invoke: async (token, args) => {
        cloud.invocations.push(token);
        return { token, ...args };
      },
      limits: (type, op) => cloud.behaviour.limits?.(type, op),
      classifyError: (error): ErrorClass => (error instanceof RetryableError ? "retry" : "fatal"),
      get retry(): RetryPolicy | undefined {
        return cloud.behaviour.retry;
      },
    };
  }
}

/** The fake's resource class. */
export type ThingClass = new (
  name: string,
  args?: Inputs<Record<string, unknown>>,
  opts?: CustomResourceOptions,
  type?: string,
) => CustomResource & { readonly out: Output<string>; get<T = unknown>(key: string): Output<T> };

/** The fake's component class. */
export type GroupClass = new (name: string, opts?: ComponentResourceOptions) => ComponentResource & { finish(outputs: Record<string, unknown>): void };
