/**
 * @cairn/core/automation — for tools that run stacks (the `cairn` CLI is
 * one): Stack and its operations, plans, events, state stores and backends,
 * locks, secrets providers, export and import of state, importing and moving
 * resources, and URNs. Names a tool shares with providers (property values,
 * provider packages, secrets providers, helpers) are exported here too.
 */
export { Stack, type ValidationFailure } from "../automation/stack.js";
export type {
  DriftChange,
  DriftEntry,
  OperationOptions,
  PreviewOptions,
  PreviewResult,
  RefreshOptions,
  RefreshResult,
  StackSettings,
  StepFailure,
  UpdateResult,
  UpOptions,
} from "../automation/types.js";
export { importResources, type ImportedResource, type ImportRequest } from "../automation/import-resources.js";
export { moveResource, type AliasHint, type MoveResult, type MoveTarget } from "../automation/move-resource.js";
export type { Program } from "../program/run.js";
export type { ConfigEntry, Diagnostic } from "../program/scope.js";

export { createCancellation, type Cancellation } from "../engine/cancellation.js";
export type { EngineEvent, EventSink, OperationKind, OperationStatus } from "../engine/events.js";
export type { InterruptedCreate, PendingCreateChoice, PendingCreateDecision, PendingCreateDecisions } from "../engine/pending-creates.js";

export { countSteps, hasChanges, type Plan, type PlanStep, type StepCounts, type StepOp } from "../plan/step.js";

export { STATE_FORMAT_VERSION, type DeposedObject, type PendingOperation, type ResourceState, type StateDocument } from "../state/model.js";
export type { JournalSink, Lease, LockInfo, SnapshotText, StackRef, StateStore, StoredState } from "../state/store.js";
export { snapshotString } from "../state/snapshot-text.js";
export { FileStateStore, lockedError } from "../state/file-store.js";
export { lockInfoFor } from "../state/lock-info.js";
export { isHolderGone } from "../state/lock-holder.js";
export { loadState, tryLoadState, type LoadedState } from "../state/load.js";
export { readStackOutputs, type SecretsOpener } from "../state/stack-outputs.js";
export { createPassphraseSecrets, openPassphraseSecrets, openPassphraseSecretsWithKey } from "../state/secrets.js";
export { passphraseSecretsProvider, SecretsProviders } from "../state/secrets-providers.js";
export { changeSecretsProvider, type ChangeSecretsOptions, type ChangeSecretsResult } from "../state/change-secrets.js";
export { exportState, importState, type ImportStateOptions, type ImportStateResult } from "../state/export-import.js";
export { completedJournal } from "../state/replay.js";
export { keptStates } from "../state/kept-states.js";

export { makeUrn, nameOfUrn, tryParseUrn, typeOfUrn, type UrnParts } from "../resource/urn.js";
export { importModule } from "../util/import-module.js";

// Shared with provider authors: one declaration each, so values pass between the two freely.
export {
  UNKNOWN,
  SecretValue,
  containsSecret,
  containsUnknown,
  isSecretValue,
  isUnknown,
  makeSecret,
  reveal,
  canonicalJson,
  deepEqual,
  formatDuration,
  keyCrypter,
  writeFileAtomic,
  type AtomicWriteOptions,
  type DurationStyle,
  type PropertyMap,
  type PropertyValue,
  type ProviderPackage,
  type SecretsContext,
  type SecretsCrypter,
  type SecretsProvider,
  type SecretsState,
  type Unknown,
} from "./provider.js";
