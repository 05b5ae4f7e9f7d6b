/**
 * @cairn/core — the SDK and the engine. Every export is named here.
 */
export { CairnError, messageOf, type ErrorCode, type ErrorSubject, type Problem } from "./errors.js";

export { Output, type Input, type Inputs, type DependencySource } from "./output/output.js";
export { all, concat, interpolate, isSecret, output, secret, unsecret } from "./output/functions.js";
export type { EvaluationPhase, Resolved } from "./output/phase.js";
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
} from "./output/values.js";
export { sealInputs, sealLike, sealOutputs, type SealRules } from "./output/seal.js";

export { CustomResource, ComponentResource, Resource, type ResourceType } from "./resource/resource.js";
export { ProviderResource } from "./resource/provider-resource.js";
export type { Alias, ComponentResourceOptions, CustomResourceOptions, ResourceOptions } from "./resource/options.js";
export type { ProviderHandle, ResourceHandle } from "./resource/handle.js";
export { makeUrn, nameOfUrn, packageOfType, tryParseUrn, typeOfUrn, type UrnParts } from "./resource/urn.js";

export { Config } from "./program/config.js";
export { currentScope } from "./program/scope-storage.js";
export { invoke, type InvokeOptions } from "./program/invoke.js";
export type { ConfigEntry, Diagnostic } from "./program/scope.js";
export type { Program } from "./program/run.js";

export { Graph } from "./dag/graph.js";

export type { Plan, PlanStep, StepCounts, StepOp } from "./plan/step.js";
export { countSteps, hasChanges } from "./plan/step.js";

export type { EngineEvent, EventSink, OperationKind, OperationStatus } from "./engine/events.js";

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
} from "./provider/provider.js";

export { formatDuration, type DurationStyle } from "./util/duration.js";

export { STATE_FORMAT_VERSION } from "./state/model.js";
export type { DeposedObject, PendingOperation, ResourceState, SecretsState, StateDocument } from "./state/model.js";
export type { JournalSink, Lease, LockInfo, StackRef, StateStore, StoredState } from "./state/store.js";
export {
  createPassphraseSecrets,
  derivePassphraseKey,
  keyCrypter,
  openPassphraseSecrets,
  openPassphraseSecretsWithKey,
  scryptCostOf,
  sealWithKey,
  tryOpenWithKey,
  type SecretsCrypter,
} from "./state/secrets.js";
export { decodeSecrets, encodeSecrets, parseState, serializeState } from "./state/codec.js";
export { canonicalJson, deepEqual } from "./util/canonical-json.js";

export { Stack, type ValidationFailure } from "./automation/stack.js";
export type {
  DriftEntry,
  DriftChange,
  OperationOptions,
  PreviewOptions,
  PreviewResult,
  RefreshOptions,
  RefreshResult,
  StackSettings,
  StepFailure,
  UpdateResult,
  UpOptions,
} from "./automation/types.js";
export { createCancellation, type Cancellation } from "./engine/cancellation.js";
export type { InterruptedCreate, PendingCreateChoice, PendingCreateDecision, PendingCreateDecisions } from "./engine/pending-creates.js";
export { FileStateStore, lockedError } from "./state/file-store.js";
export { lockInfoFor } from "./state/lock-info.js";
export { isHolderGone } from "./state/lock-holder.js";
export { emptyState, loadState, tryLoadState, type LoadedState } from "./state/load.js";
export * as dynamic from "./provider/dynamic.js";
export { StackReference } from "./program/stack-reference.js";
export { parseStackName, readStackOutputs, sameKeyOpener, type SecretsOpener } from "./state/stack-outputs.js";
export { passphraseSecretsProvider, providerNameOf, SecretsProviders, type SecretsContext, type SecretsProvider } from "./state/secrets-providers.js";
export { changeSecretsProvider, type ChangeSecretsOptions, type ChangeSecretsResult } from "./state/change-secrets.js";
export { exportState, importState, type ImportStateOptions, type ImportStateResult } from "./state/export-import.js";
export { completedJournal } from "./state/replay.js";
export { keptStates } from "./state/kept-states.js";
export { writeFileAtomic, type AtomicWriteOptions } from "./util/atomic-write.js";
export { importResources, type ImportRequest, type ImportedResource } from "./automation/import-resources.js";
export { moveResource, type AliasHint, type MoveResult, type MoveTarget } from "./automation/move-resource.js";
