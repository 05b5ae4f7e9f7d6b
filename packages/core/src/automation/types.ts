import type { Hint } from "../hints.js";
import type { EngineEvent, EventSink, OperationStatus } from "../engine/events.js";
import type { InterruptedCreate, PendingCreateDecisions } from "../engine/pending-creates.js";
import type { PropertyMap, PropertyValue } from "../output/values.js";
import type { Plan, StepCounts, StepOp } from "../plan/step.js";
import type { Program } from "../program/run.js";
import type { ConfigEntry, Diagnostic } from "../program/scope.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { SecretsCrypter } from "../state/secrets.js";
import type { SecretsOpener } from "../state/stack-outputs.js";
import type { StateStore } from "../state/store.js";

/** What a {@link Stack} is made from. */
export interface StackSettings {
  readonly project: string;
  readonly stack: string;
  /** The program: a function that creates resources and returns the stack outputs. */
  readonly program: Program;
  /** Where state lives. */
  readonly store: StateStore;
  /** Config by full key (`aws:region`); plain strings are not secret. @default none */
  readonly config?: ReadonlyMap<string, ConfigEntry> | Readonly<Record<string, string | ConfigEntry>>;
  /** Encrypts secrets in state. Required once a secret must be stored. @default none */
  readonly secrets?: SecretsCrypter;
  /** The project's folder: provider packages resolve from here. @default process.cwd() */
  readonly projectDir?: string;
  /**
   * Provider packages by name, for resources in state that the program no
   * longer mentions. @default imported from the module recorded in state
   */
  readonly packages?: readonly ProviderPackage[];
  /**
   * Opens the secrets of another stack that a StackReference reads.
   * @default stacks with this stack's own key are opened; others' secret outputs stay sealed
   */
  readonly openSecrets?: SecretsOpener;
}

/** Options every operation accepts. */
export interface OperationOptions {
  /** Receives every engine event. @default none */
  readonly onEvent?: EventSink;
  /** At most this many steps at once. @default no global limit */
  readonly parallel?: number;
  /**
   * First cancellation: stop starting steps; calls in flight finish and are
   * recorded. @default none
   */
  readonly signal?: AbortSignal;
  /** Second cancellation: abort calls in flight; they stay as pending operations. @default none */
  readonly abortSignal?: AbortSignal;
  /** Only these URNs (and what they depend on) are changed. @default all */
  readonly targets?: readonly string[];
  /** The name recorded in the stack's lock. @default the operation */
  readonly operationName?: string;
  /**
   * What to do with creates a crash interrupted whose provider cannot tell
   * whether they finished. Without a decision for each, `up`, `destroy` and
   * `refresh` stop with PENDING_OPERATIONS before any cloud call, and a
   * preview lists them. @default none
   * @example { all: "adopt" }
   * @example { resources: { "urn:cairn:dev::app::local:file/File::notes": "recreate" } }
   */
  readonly pendingCreates?: PendingCreateDecisions;
}

/** Options of {@link Stack.up}. */
export interface UpOptions extends OperationOptions {
  /** Replace these URNs even if nothing changed. @default none */
  readonly replace?: readonly string[];
  /** Refresh state from the cloud before planning. @default false */
  readonly refresh?: boolean;
  /** Shown the plan before anything changes; returning false ends the operation with nothing done. @default proceed */
  readonly confirm?: (plan: Plan) => boolean | Promise<boolean>;
  /** A saved plan: apply exactly it, or refuse naming what drifted. @default plan afresh */
  readonly plan?: string;
}

/** Options of {@link Stack.preview}. */
export interface PreviewOptions extends OperationOptions {
  readonly replace?: readonly string[];
  readonly refresh?: boolean;
  /** Also return the plan as a saved-plan file's text (secrets encrypted). @default false */
  readonly savePlan?: boolean;
}

/** Options of {@link Stack.refresh}. */
export interface RefreshOptions extends OperationOptions {
  /** Report drift without changing state. @default false */
  readonly previewOnly?: boolean;
}

/** A step that failed: the root cause only; its dependents are listed as skipped. */
export interface StepFailure {
  readonly urn: string;
  readonly op: StepOp | "refresh";
  readonly message: string;
  readonly code?: string;
  /** What the user can do, as data, worded in `message` (see `CairnError.hints`). @default none */
  readonly hints?: readonly Hint[];
}

/** What a preview found. */
export interface PreviewResult {
  readonly plan: Plan;
  readonly counts: StepCounts;
  /** The stack outputs as far as they are known before apply. */
  readonly outputs: PropertyMap;
  readonly diagnostics: readonly Diagnostic[];
  /** The saved-plan text, when asked for. */
  readonly savedPlan?: string;
  /** Creates a crash interrupted whose provider cannot finish them unaided; present when there are some. */
  readonly interruptedCreates?: readonly InterruptedCreate[];
}

/** What an `up` or `destroy` did. */
export interface UpdateResult {
  readonly status: OperationStatus;
  readonly plan: Plan;
  /** Steps that completed, by op. */
  readonly counts: StepCounts;
  readonly failures: readonly StepFailure[];
  /** Steps not run because something they needed failed or the operation was cancelled. */
  readonly skipped: readonly string[];
  /** Operations that started but whose result is unknown (a hard abort); the next run reconciles them. */
  readonly pending: readonly string[];
  readonly outputs: PropertyMap;
  readonly diagnostics: readonly Diagnostic[];
  readonly durationMs: number;
}

/** One resource whose cloud state differs from the recorded state. */
export interface DriftEntry {
  readonly urn: string;
  readonly type: string;
  /** `deleted`: gone from the cloud; `changed`: properties differ. */
  readonly kind: "deleted" | "changed";
  /** Properties whose values differ. */
  readonly properties: readonly string[];
  /** Each differing property's value in state and in the cloud (secrets stay sealed). @default none */
  readonly changes?: readonly DriftChange[];
}

/** One property that differs between state and the cloud. */
export interface DriftChange {
  readonly property: string;
  /** The value state records; absent when state has none. */
  readonly before?: PropertyValue;
  /** The value in the cloud; absent when the cloud has none. */
  readonly after?: PropertyValue;
}

/** What a refresh found and did. */
export interface RefreshResult {
  readonly status: OperationStatus;
  readonly drift: readonly DriftEntry[];
  readonly failures: readonly StepFailure[];
  /** Whether state was changed (not with previewOnly). */
  readonly written: boolean;
  readonly durationMs: number;
}

export type { EngineEvent };
