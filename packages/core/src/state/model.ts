import type { PropertyMap } from "../output/values.js";
import type { OperationTimeouts } from "../provider/provider.js";
import type { ResourceKind } from "../resource/node.js";

/** The state format this version writes. Newer formats are refused, never guessed at. */
export const STATE_FORMAT_VERSION = 1;

/** An operation that started on a resource and has no recorded result yet. */
export interface PendingOperation {
  readonly op: "create" | "update" | "delete" | "import";
  /** The idempotency token the provider received. */
  readonly token: string;
  /** When the operation started, as an ISO time. */
  readonly startedAt: string;
  /** The inputs the operation was given. */
  readonly inputs?: PropertyMap;
}

/**
 * An object a create-before-delete replacement left behind: the old cloud
 * resource, still to be deleted (a crash between the create and the delete
 * leaves one; the next run deletes it).
 */
export interface DeposedObject {
  readonly id: string;
  readonly inputs: PropertyMap;
  readonly outputs: PropertyMap;
  readonly pending?: PendingOperation;
}

/** One resource in state. */
export interface ResourceState {
  readonly urn: string;
  readonly type: string;
  readonly kind: ResourceKind;
  /** The cloud id; absent for components and for a create that has not finished. */
  readonly id?: string;
  /** The explicit provider resource's URN; absent for the stack's default provider. */
  readonly provider?: string;
  readonly parent?: string;
  readonly inputs: PropertyMap;
  readonly outputs: PropertyMap;
  /** URNs this resource depended on when last deployed; deletes honour them. */
  readonly dependencies: readonly string[];
  readonly protect?: boolean;
  readonly retainOnDelete?: boolean;
  readonly deleteBeforeReplace?: boolean;
  readonly ignoreChanges?: readonly string[];
  /** The resource's `customTimeouts`, in ms, when it has any: a delete after the program dropped it still keeps to them. */
  readonly customTimeouts?: OperationTimeouts;
  /** The id this resource was imported from, if it was adopted. */
  readonly importId?: string;
  readonly pending?: PendingOperation;
  readonly deposed?: readonly DeposedObject[];
}

/** How the stack's secrets are encrypted: the provider's name and whatever it keeps. */
export interface SecretsState {
  readonly provider: string;
  readonly state: Readonly<Record<string, string>>;
}

/** The whole state of one stack. */
export interface StateDocument {
  readonly version: number;
  /** Fixed when the stack is created; states of other lineages are refused on import. */
  readonly lineage: string;
  /** Grows by one with every completed operation. */
  readonly serial: number;
  readonly project: string;
  readonly stack: string;
  /** Resources in dependency order (dependencies first). */
  readonly resources: readonly ResourceState[];
  readonly outputs: PropertyMap;
  /** Provider packages by name, with the module that implements each. */
  readonly packages: Readonly<Record<string, { readonly module: string; readonly version: string }>>;
  readonly secrets?: SecretsState;
  /** When the last operation ended, as an ISO time. */
  readonly updatedAt?: string;
  /** The operation that wrote this snapshot and who ran it (`user@host`), for the stack's history. */
  readonly lastOperation?: { readonly kind: string; readonly by: string };
}
