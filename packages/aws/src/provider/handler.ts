import type { CallLimits, CheckResult, CreateResult, DiffResult, PropertyMap, ProviderOperation, ReadResult, TypeSchema } from "@cairn/core/provider";
import type { AwsSettings } from "../config/settings.js";
import type { AwsContext } from "../runtime/context.js";

/** What `check` may use: the provider's settings, never the network. */
export interface CheckEnv {
  readonly settings: AwsSettings;
}

/**
 * The provider side of one resource type. Inputs reaching `create`, `update`
 * and `delete` have passed `check`, so handlers may read them as their typed
 * shape.
 */
export interface ResourceHandler {
  /** The type token, such as `aws:s3/Bucket`. */
  readonly token: string;
  readonly schema: TypeSchema;
  /**
   * The input that names the cloud resource when the user gives a name. A
   * replacement that keeps an explicit name must delete first.
   */
  readonly nameProperty?: string;
  /**
   * Words that appear in AWS validation messages (parameter names such as
   * `InstanceType`), mapped to the input property they concern.
   */
  readonly parameterHints?: Readonly<Record<string, string>>;
  /** Validates and applies defaults; no I/O to the cloud. */
  check(inputs: PropertyMap, env: CheckEnv): CheckResult | Promise<CheckResult>;
  /** Overrides the provider's input comparison. */
  diff?(olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): DiffResult | Promise<DiffResult>;
  create(ctx: AwsContext, inputs: PropertyMap, token: string): Promise<CreateResult>;
  /**
   * The object an interrupted create with this token made, found by the
   * name or tag that create gives it; `undefined` when there is none or it
   * cannot be told apart from one the create did not make. Absent when the
   * type has no such name or tag (the user then adopts by id).
   */
  findCreated?(ctx: AwsContext, inputs: PropertyMap, token: string): Promise<ReadResult | undefined>;
  /** The resource as it is now, or `undefined` if it is gone. */
  read(ctx: AwsContext, id: string, inputs: PropertyMap, outputs: PropertyMap): Promise<ReadResult | undefined>;
  /** Updates in place; absent when every change replaces. */
  update?(ctx: AwsContext, id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap>;
  /** Deletes and resolves once the resource is really gone. */
  delete(ctx: AwsContext, id: string, inputs: PropertyMap, outputs: PropertyMap): Promise<void>;
  /** Limits of the whole operation (its primary API's token bucket). */
  limits?(operation: ProviderOperation): CallLimits | undefined;
}

/** The provider side of one data source. */
export interface DataSourceHandler {
  /** The token, such as `aws:ec2/getVpc`. */
  readonly token: string;
  check?(args: PropertyMap): CheckResult;
  invoke(ctx: AwsContext, args: PropertyMap): Promise<PropertyMap>;
}

/** Reads checked inputs as their typed shape. */
export function typed<T>(inputs: PropertyMap): T {
  return inputs as unknown as T;
}

/** Plain outputs from a typed object: `undefined` members dropped. */
export function plain(values: Readonly<Record<string, unknown>>): PropertyMap {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out as PropertyMap;
}
