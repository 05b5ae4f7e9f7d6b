import type { CallContext, CheckResult, CreateResult, DiffResult, PropertyMap, ReadResult, TypeSchema } from "@cairn/core/provider";

/** What every operation of a local type may need besides its arguments. */
export interface LocalEnvironment {
  /** The project's folder: relative paths resolve against it. */
  readonly projectDir: string;
}

/**
 * One resource type of the local provider: its schema and its operations.
 * The provider dispatches on the type token to one of these.
 */
export interface LocalType {
  readonly token: string;
  readonly schema: TypeSchema;
  check(inputs: PropertyMap): CheckResult;
  diff?(olds: PropertyMap, news: PropertyMap): DiffResult;
  create(inputs: PropertyMap, token: string, ctx: CallContext, env: LocalEnvironment): Promise<CreateResult>;
  read?(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext, env: LocalEnvironment): Promise<ReadResult | undefined>;
  update?(id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap, ctx: CallContext, env: LocalEnvironment): Promise<PropertyMap>;
  delete?(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext, env: LocalEnvironment): Promise<void>;
}
