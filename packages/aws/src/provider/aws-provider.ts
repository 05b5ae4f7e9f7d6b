import { CairnError, hintText, type Hint } from "@cairn/core";
import type {
  CallContext,
  CallLimits,
  CheckResult,
  CreateResult,
  DiffResult,
  PropertyMap,
  Provider,
  ProviderOperation,
  ReadResult,
  TypeSchema,
} from "@cairn/core/provider";
import type { AwsSettings } from "../config/settings.js";
import type { InstanceWatcherOptions } from "../ec2/instance-watcher.js";
import { ClientFactory } from "../runtime/client-factory.js";
import { systemClock, type Clock } from "../runtime/clock.js";
import type { AwsContext } from "../runtime/context.js";
import { withPhysicalType } from "../native/twins.js";
import { SharedValues } from "../runtime/shared.js";
import { AWS_SERVICES } from "../services.js";
import { diffInputs } from "./diff.js";
import type { ResourceHandler } from "./handler.js";
import { toProviderError } from "./provider-error.js";
import { HandlerRegistry, type ServiceHandlers } from "./registry.js";

/** What an {@link AwsProvider} is built from besides its settings; tests pass a fake clock. */
export interface AwsProviderOptions {
  /** @default the system clock */
  readonly clock?: Clock;
  /** A number in [0, 1), for jitter. @default Math.random */
  readonly random?: () => number;
  /** Environment variables the client factory reads. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** How EC2 instance waits poll. @default 2 s growing to 15 s */
  readonly instances?: InstanceWatcherOptions;
  /** The services whose resource types and data sources it serves. @default every service of the package */
  readonly services?: readonly ServiceHandlers[];
}

/** How long a data source look-up may take. */
const INVOKE_TIMEOUT_MS = 120_000;

/**
 * The AWS provider for one configuration (a region, profile, endpoint and
 * default tags). It routes each operation to the handler of the resource
 * type and reports every failure as a CairnError naming the resource.
 * It retries its own calls (see `runtime/call.ts`), so it declares no
 * `classifyError` or `retry` for the engine: a failure it reports is final.
 */
export class AwsProvider implements Provider {
  readonly settings: AwsSettings;
  readonly #clients: ClientFactory;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #shared: SharedValues;
  readonly #registry: HandlerRegistry;

  constructor(settings: AwsSettings, options: AwsProviderOptions = {}) {
    this.settings = settings;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#clients = new ClientFactory(settings, options.env);
    this.#shared = new SharedValues({ clients: this.#clients, clock: this.#clock, random: this.#random, tuning: { ec2: { ...options.instances } } });
    this.#registry = new HandlerRegistry(options.services ?? AWS_SERVICES);
  }

  /**
   * Fails with CONFIG_MISSING when no region can be found (not in the
   * settings, the environment or the profile), so that a preview says so
   * once, before anything is planned, instead of every call failing later.
   */
  async assertRegion(env: NodeJS.ProcessEnv = process.env): Promise<void> {
    if (this.settings.region !== undefined || env.AWS_REGION || env.AWS_DEFAULT_REGION) return;
    const { client } = await this.#clients.s3();
    try {
      await client.config.region();
    } catch (error) {
      if (!/Region is missing/i.test((error as Error).message ?? "")) throw error;
      const key: Hint = { kind: "config-key", key: "aws:region", example: "us-west-2" };
      throw new CairnError("CONFIG_MISSING", `The aws provider has no region: set one with ${hintText(key)}, the AWS_REGION environment variable, or a region in the AWS profile.`, {
        cause: error,
        hints: [key],
      });
    }
  }

  /** The resource types this provider implements. */
  get types(): readonly string[] {
    return this.#registry.types;
  }

  schema(type: string): TypeSchema | undefined {
    const handler = this.#registry.tryResource(type);
    return handler === undefined ? undefined : { ...withPhysicalType(type, handler.schema), findsCreated: handler.findCreated !== undefined };
  }

  async check(type: string, inputs: PropertyMap): Promise<CheckResult> {
    const handler = this.#registry.tryResource(type);
    if (handler === undefined) return { inputs, failures: [{ reason: unknownType(type) }] };
    return handler.check(inputs, { settings: this.settings });
  }

  diff(type: string, _id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): DiffResult | Promise<DiffResult> {
    const handler = this.#handler(type);
    return handler.diff?.(olds, news, oldOutputs) ?? diffInputs(handler, olds, news);
  }

  create(inputs: PropertyMap, token: string, ctx: CallContext): Promise<CreateResult> {
    return this.#run(ctx, "create", (handler, aws) => handler.create(aws, inputs, token));
  }

  /**
   * Looks up what an interrupted create made, for the types whose creates
   * give the object a name or tag derived from the token. Other types fail
   * with PROVIDER_ERROR (the user adopts them by id), never with "not found",
   * which would make the engine create a duplicate.
   */
  findCreated(inputs: PropertyMap, token: string, ctx: CallContext): Promise<ReadResult | undefined> {
    return this.#run(ctx, "read", (handler, aws) => {
      if (handler.findCreated === undefined) {
        throw new CairnError(
          "PROVIDER_ERROR",
          `${aws.label}: this type cannot look up what an interrupted create made. Find the object yourself and decide adopt:<id>, or recreate or forget.`,
          { urn: ctx.urn },
        );
      }
      return handler.findCreated(aws, inputs, token);
    });
  }

  read(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext): Promise<ReadResult | undefined> {
    return this.#run(ctx, "read", (handler, aws) => handler.read(aws, id, inputs, outputs));
  }

  update(id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap, ctx: CallContext): Promise<PropertyMap> {
    return this.#run(ctx, "update", (handler, aws) => {
      if (handler.update === undefined) {
        throw new CairnError("PROVIDER_ERROR", `${aws.label}: this type cannot be updated in place; every change replaces it.`, { urn: ctx.urn });
      }
      return handler.update(aws, id, olds, news, oldOutputs);
    });
  }

  delete(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext): Promise<void> {
    return this.#run(ctx, "delete", (handler, aws) => handler.delete(aws, id, inputs, outputs));
  }

  async invoke(token: string, args: PropertyMap, signal: AbortSignal): Promise<PropertyMap> {
    const source = this.#registry.tryDataSource(token);
    if (source === undefined) throw new CairnError("PROVIDER_ERROR", `The aws package has no data source ${token}.`);
    const failures = source.check?.(args).failures ?? [];
    if (failures.length > 0) {
      const lines = failures.map((f) => `${f.property ?? "(arguments)"}: ${f.reason}`);
      throw new CairnError("CHECK_FAILED", `Invalid arguments to ${token}:\n  - ${lines.join("\n  - ")}`);
    }
    const ctx = this.#context(lookupContext(token, signal), undefined, "look up");
    try {
      return await source.invoke(ctx, args);
    } catch (error) {
      throw toProviderError(error, token, "look up", ctx.call.urn);
    }
  }

  limits(type: string, operation: ProviderOperation): CallLimits | undefined {
    return this.#registry.tryResource(type)?.limits?.(operation);
  }

  /** Closes the SDK clients' connections. */
  dispose(): Promise<void> {
    return this.#clients.destroy();
  }

  async #run<T>(ctx: CallContext, operation: ProviderOperation, work: (handler: ResourceHandler, aws: AwsContext) => Promise<T>): Promise<T> {
    const handler = this.#handler(ctx.type);
    const aws = this.#context(ctx, handler, operation);
    try {
      return await work(handler, aws);
    } catch (error) {
      throw toProviderError(error, aws.label, operation, ctx.urn, handler);
    }
  }

  #handler(type: string): ResourceHandler {
    const handler = this.#registry.tryResource(type);
    if (handler === undefined) throw new CairnError("PROVIDER_ERROR", unknownType(type));
    return handler;
  }

  #context(call: CallContext, handler: ResourceHandler | undefined, operation: string): AwsContext {
    return {
      call,
      clients: this.#clients,
      settings: this.settings,
      clock: this.#clock,
      random: this.#random,
      shared: this.#shared,
      startedAt: this.#clock.now(),
      label: handler === undefined ? call.type : `${call.type} "${call.name}"`,
      operation,
    };
  }
}

function unknownType(type: string): string {
  return `The aws package has no resource type ${type}.`;
}

/** A call context for a data source look-up, which the engine gives only a signal. */
function lookupContext(token: string, signal: AbortSignal): CallContext {
  return {
    urn: token,
    type: token,
    name: token,
    signal,
    timeoutMs: INVOKE_TIMEOUT_MS,
    progress: () => undefined,
    markSecret: () => undefined,
    limit: (_limits, fn) => fn(),
  };
}
