import type { PropertyMap } from "../output/values.js";

/**
 * What a provider declares about one resource type. The engine and the
 * planner read it; the provider's code never has to repeat it.
 */
export interface TypeSchema {
  /** Input properties whose change forces replacement. @default [] */
  readonly replaceOnChanges?: readonly string[];
  /** Outputs that keep their value across an update, so dependents can plan with them. @default ["id"] */
  readonly stableOutputs?: readonly string[];
  /** Outputs that are always secret (a generated password). @default [] */
  readonly secretOutputs?: readonly string[];
  /**
   * For secrecy: the inputs each property the provider computes (an output,
   * or an input `check` adds) is derived from. Once any input holds a secret,
   * every computed property not listed here is secret; one listed is secret
   * only when an input it names holds one, and `[]` declares it never secret
   * (a cloud-generated id, a timestamp). An output derived from the one input
   * of its own name (`{ tags: ["tags"] }`) keeps that input's secret marks
   * path by path. Inputs `check` returns under their own name always keep
   * their marks path by path.
   * @default every input, for every property
   * @example
   * derivedFrom: { bucket: ["bucket"], key: ["key"], etag: ["content"], versionId: [] }
   */
  readonly derivedFrom?: Readonly<Record<string, readonly string[]>>;
  /**
   * Inputs the provider only sends to the cloud, which no other property
   * derives from (a write-only password, a secret's value): a secret in one
   * of them leaves the other computed properties readable. An output of the
   * same name still keeps its secret marks.
   * @default []
   */
  readonly writeOnlyInputs?: readonly string[];
  /**
   * Whether `create` called again with the same idempotency token returns the
   * resource made the first time instead of a duplicate (EC2 `ClientToken`).
   * A crashed create of such a type is finished on the next run.
   * @default false
   */
  readonly idempotentCreate?: boolean;
  /**
   * Whether the provider's `findCreated` can look up objects of this type;
   * `false` lets a provider that implements it for some types say which it
   * cannot, so `adopt` is refused for them before any cloud call.
   * @default true when the provider implements `findCreated`
   */
  readonly findsCreated?: boolean;
  /** Whether `delete` must finish before the replacement is created. @default false */
  readonly deleteBeforeReplace?: boolean;
  /** Default time limits per operation, in milliseconds. @default 20 minutes each */
  readonly timeouts?: OperationTimeouts;
  /**
   * The kind of cloud object the type manages, shared by every type that
   * manages that kind (`AWS::S3::Bucket` for a hand-written and a generated
   * bucket type). A plan in which two resources of such types have the same
   * id is refused: one cloud object is managed by one resource. @default none
   */
  readonly physicalType?: string;
}

/** Time limits for the operations on one resource, in milliseconds. */
export interface OperationTimeouts {
  readonly create?: number;
  readonly update?: number;
  readonly delete?: number;
  readonly read?: number;
}

/** The operations the engine performs through a provider. */
export type ProviderOperation = "check" | "diff" | "create" | "read" | "update" | "delete" | "invoke";

/**
 * A token bucket: `burst` calls at once, then `perSecond` more each second.
 * AWS publishes these per API (EC2 RunInstances: burst 5, refill 2 per second).
 */
export interface RateLimit {
  readonly burst: number;
  readonly perSecond: number;
}

/** The limits one call is subject to. Calls that name the same `key` share them. */
export interface CallLimits {
  /** Calls that share limits; usually the cloud API name, such as `ec2:RunInstances`. */
  readonly key: string;
  /** How many such calls may be in flight at once. @default unlimited */
  readonly concurrency?: number;
  /** The rate the cloud allows for such calls. @default unlimited */
  readonly rate?: RateLimit;
}

/** How the engine should treat a failed provider call. */
export type ErrorClass = "retry" | "throttle" | "fatal";

/** Retry behaviour for a provider's calls. */
export interface RetryPolicy {
  /** Attempts in all, the first included. @default 6 */
  readonly maxAttempts?: number;
  /** The first backoff in milliseconds; it doubles each attempt, with full jitter. @default 200 */
  readonly baseDelayMs?: number;
  /** The largest backoff in milliseconds. @default 20000 */
  readonly maxDelayMs?: number;
}

/** A retry a provider is about to make of one of its calls. */
export interface RetryNotice {
  /** The attempt about to be made (2 for the first retry). */
  readonly attempt: number;
  /** Attempts in all that the policy allows. */
  readonly maxAttempts: number;
  /** The wait before it, in milliseconds. */
  readonly delayMs: number;
  /** What failed, naming the resource and the call. */
  readonly message: string;
}

/** What every provider call receives besides its own arguments. */
export interface CallContext {
  /** The resource's URN. */
  readonly urn: string;
  /** The resource type token, such as `aws:s3/Bucket`. */
  readonly type: string;
  /** The resource's logical name. */
  readonly name: string;
  /** Aborted when the user cancels twice or the operation times out; long waits must stop. */
  readonly signal: AbortSignal;
  /** Milliseconds this call may take before it is abandoned (customTimeouts or the schema's). */
  readonly timeoutMs: number;
  /** Reports progress of a long wait ("Creating: 4m elapsed"); shown live by the CLI. */
  progress(message: string): void;
  /**
   * Marks a text as secret for the rest of the operation: it is replaced by
   * `[secret]` in every message, event and log line, in its base64 and hex
   * forms too. The engine already masks the secrets of the call's inputs;
   * this is for secrets the provider itself obtained (a generated password
   * quoted by a failure, a key the cloud returned).
   */
  markSecret(text: string): void;
  /** Applies the engine's limits to one cloud call made inside this operation. */
  limit<T>(limits: CallLimits, call: () => Promise<T>): Promise<T>;
  /**
   * Reports that a provider which retries its own calls is about to try one
   * again; the CLI shows it as a retry line. Engines that give no such
   * report leave it out.
   */
  retrying?(notice: RetryNotice): void;
}

/** One failure from {@link Provider.check}, naming the property at fault. */
export interface CheckFailure {
  /** The input property, as a dotted path (`rules.0.port`); omitted for the resource as a whole. */
  readonly property?: string;
  /** What was expected and what was found. */
  readonly reason: string;
}

/** The result of {@link Provider.check}: inputs with defaults applied, and any failures. */
export interface CheckResult {
  readonly inputs: PropertyMap;
  readonly failures?: readonly CheckFailure[];
}

/** The result of {@link Provider.diff}. */
export interface DiffResult {
  /** Input properties whose value changed. Empty means no change. */
  readonly changes: readonly string[];
  /** The subset of `changes` that forces replacement. */
  readonly replaces?: readonly string[];
  /** Whether this replacement must delete before it creates. */
  readonly deleteBeforeReplace?: boolean;
}

/** What {@link Provider.create} returns. */
export interface CreateResult {
  /** The cloud's identifier of the resource. */
  readonly id: string;
  /** Every output property, including the ones the program can read. */
  readonly outputs: PropertyMap;
}

/** What {@link Provider.read} returns for a resource that exists. */
export interface ReadResult {
  readonly id: string;
  /** The resource's current inputs, as far as the cloud reports them. */
  readonly inputs?: PropertyMap;
  readonly outputs: PropertyMap;
}

/**
 * A provider: the only code that talks to a cloud. Every method receives
 * plain values (secrets revealed, no Outputs); the engine handles ordering,
 * limits, retries, journaling and secrecy.
 *
 * `check` and `diff` run while planning and must not do I/O. `read` returns
 * `undefined` when the resource is gone.
 */
export interface Provider {
  /** The schema of one type; `undefined` means defaults. */
  schema?(type: string): TypeSchema | undefined;
  /** Validates inputs and applies defaults. Unknown values may appear and must be let through. */
  check?(type: string, inputs: PropertyMap): CheckResult | Promise<CheckResult>;
  /** Compares recorded inputs and outputs with new inputs. The default compares top-level inputs. */
  diff?(type: string, id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): DiffResult | Promise<DiffResult>;
  /** Creates the resource. `token` is stable across retries and crashes of this one create. */
  create(inputs: PropertyMap, token: string, ctx: CallContext): Promise<CreateResult>;
  /** Reads the resource's current state; `undefined` if it no longer exists. */
  read?(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext): Promise<ReadResult | undefined>;
  /**
   * Looks up the object an interrupted create of this resource may have
   * made — by the name or tags its inputs give it — so that it can be
   * adopted instead of made twice. Types whose creates carry idempotency
   * tokens do not need it. `undefined` means no such object exists.
   */
  findCreated?(inputs: PropertyMap, token: string, ctx: CallContext): Promise<ReadResult | undefined>;
  /** Updates the resource in place. */
  update?(id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap, ctx: CallContext): Promise<PropertyMap>;
  /** Deletes the resource and resolves once it is really gone. */
  delete?(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext): Promise<void>;
  /** A read-only look-up (data source), such as `aws:ec2/getVpc`. */
  invoke?(token: string, args: PropertyMap, signal: AbortSignal): Promise<PropertyMap>;
  /** Limits for one operation on one type, when the provider has any to declare. */
  limits?(type: string, operation: ProviderOperation): CallLimits | undefined;
  /** How to treat an error. The default retries nothing. */
  classifyError?(error: unknown): ErrorClass;
  /** Retry settings for errors classified as retry or throttle. */
  readonly retry?: RetryPolicy;
  /** Releases what the provider holds (SDK clients, sockets) at the end of an operation. */
  dispose?(): void | Promise<void>;
}

/**
 * A package of resource types (`aws`, `local`) and how to configure its
 * provider. State records the package's module specifier so that resources
 * the program no longer mentions can still be deleted.
 */
export interface ProviderPackage {
  /** The first segment of every type token of the package, such as `aws`. */
  readonly name: string;
  /** The module that exports this package as `cairnPackage`, such as `@cairn/aws`. */
  readonly module: string;
  /** The package version, recorded in state. */
  readonly version: string;
  /**
   * A provider for one configuration: a stack's `aws:*` config keys for the
   * default provider, or the inputs of an explicit provider resource.
   */
  configure(config: ProviderConfig): Provider | Promise<Provider>;
}

/** What a package's `configure` receives. */
export interface ProviderConfig {
  /** Configuration values: from `<package>:<key>` stack config, or a provider resource's inputs. */
  readonly values: PropertyMap;
  /** Where the program lives; relative paths resolve against it. */
  readonly projectDir: string;
}
