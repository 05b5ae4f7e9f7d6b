/**
 * @cairn/core/provider — for provider authors: the provider interface and
 * its schema declarations, the property values a provider receives (unknowns
 * and secrets), data-source calls, the contract of a secrets provider, and
 * small helpers for check and diff. Resource classes and options come from
 * `@cairn/core`.
 */
export type {
  CallContext,
  CallLimits,
  CheckFailure,
  CheckResult,
  CreateResult,
  DiffResult,
  ErrorClass,
  OperationTimeouts,
  Provider,
  ProviderConfig,
  ProviderOperation,
  ProviderPackage,
  RateLimit,
  ReadResult,
  RetryPolicy,
  RetryNotice,
  TypeSchema,
} from "../provider/provider.js";
export type { ResourceType } from "../resource/resource.js";
export { invoke } from "../program/invoke.js";

export {
  UNKNOWN,
  SecretValue,
  containsSecret,
  containsUnknown,
  isSecretValue,
  isUnknown,
  makeSecret,
  reveal,
  type PropertyMap,
  type PropertyValue,
  type Unknown,
} from "../output/values.js";

export type { SecretsState } from "../state/model.js";
export { keyCrypter, type SecretsCrypter } from "../state/secrets.js";
export type { SecretsContext, SecretsProvider } from "../state/secrets-providers.js";

export { canonicalJson, deepEqual } from "../util/canonical-json.js";
export { formatDuration, type DurationStyle } from "../util/duration.js";
export { sleep } from "../util/sleep.js";
export * as schema from "../provider/schema.js";
export { writeFileAtomic, type AtomicWriteOptions } from "../util/atomic-write.js";
