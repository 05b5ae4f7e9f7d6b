import { CairnError } from "../errors.js";
import type { PropertyMap } from "../output/values.js";
import type { ResourceKind } from "../resource/node.js";
import type { NormalizedOptions } from "../resource/options.js";
import type { DiffResult } from "../provider/provider.js";
import type { ResourceState } from "../state/model.js";
import { matchesPath } from "./default-diff.js";
import type { PlanStep } from "./step.js";

/** Everything the planner needs to decide one desired resource's step. */
export interface DesiredResource {
  readonly urn: string;
  readonly type: string;
  readonly kind: ResourceKind;
  readonly parent?: string;
  readonly provider?: string;
  /** Inputs after check and ignoreChanges; may hold UNKNOWN. */
  readonly inputs: PropertyMap;
  readonly dependencies: readonly string[];
  readonly options: NormalizedOptions;
  /** The id to adopt (`import` option), when known. */
  readonly importId?: string;
}

/** The facts about one resource that the planner decides on. */
export interface DecisionInput {
  readonly desired: DesiredResource;
  /** Its record in state, found by URN or through an alias. */
  readonly prior: ResourceState | undefined;
  /** The provider's diff of prior and desired inputs, when there is a prior with an id. */
  readonly diff: DiffResult | undefined;
  /** Properties the provider's schema says force replacement. */
  readonly schemaReplaces: readonly string[];
  /** Whether the type deletes before it replaces. */
  readonly schemaDeleteBeforeReplace: boolean;
  /** `--replace` named this resource. */
  readonly replaceRequested: boolean;
  /** False when `--target` leaves this resource out. */
  readonly targeted: boolean;
}

/**
 * The step for one desired resource: pure, no I/O. Protection violations are
 * returned as errors so that the caller can report all of them at once.
 */
export function decideStep(input: DecisionInput): PlanStep | CairnError {
  const { desired, prior, diff } = input;
  const base = {
    urn: desired.urn,
    type: desired.type,
    kind: desired.kind,
    ...(desired.parent === undefined ? {} : { parent: desired.parent }),
    ...(desired.provider === undefined ? {} : { provider: desired.provider }),
    dependencies: desired.dependencies,
    ...(prior !== undefined && prior.urn !== desired.urn ? { aliasOf: prior.urn } : {}),
  };
  const live = prior !== undefined && (prior.id !== undefined || prior.kind !== "custom");
  if (!input.targeted) {
    return live ? { ...base, op: "same", untargeted: true, inputs: prior.inputs, id: prior.id } : { ...base, op: "same", untargeted: true };
  }
  if (!live) {
    if (desired.importId !== undefined) return { ...base, op: "import", id: desired.importId, inputs: desired.inputs, reason: "import" };
    const pendingCreate = prior?.pending?.op === "create" ? { reason: "pending-create" as const } : {};
    return { ...base, op: "create", inputs: desired.inputs, ...pendingCreate };
  }
  const existing = { ...base, inputs: desired.inputs, oldInputs: prior.inputs, oldOutputs: prior.outputs, ...(prior.id === undefined ? {} : { id: prior.id }) };
  const changes = diff?.changes ?? [];
  const replacePatterns = [...input.schemaReplaces, ...desired.options.replaceOnChanges];
  const replaces = [
    ...new Set([...(diff?.replaces ?? []), ...changes.filter((change) => replacePatterns.some((pattern) => matchesPath(change, pattern)))]),
  ].sort();
  const mustReplace = desired.kind === "custom" && (input.replaceRequested || replaces.length > 0);
  if (mustReplace) {
    if (prior.protect || desired.options.protect) {
      return new CairnError(
        "PROTECTED",
        `Resource ${desired.urn} is protected and cannot be replaced (${input.replaceRequested ? "--replace" : `changed: ${replaces.join(", ")}`}). Remove the protect option, or run: cairn state unprotect '${desired.urn}'`,
        { urn: desired.urn },
      );
    }
    const deleteBeforeReplace = desired.options.deleteBeforeReplace || diff?.deleteBeforeReplace === true || input.schemaDeleteBeforeReplace;
    return {
      ...existing,
      op: "replace",
      changes,
      replaces,
      ...(input.replaceRequested && replaces.length === 0 ? { reason: "replace-requested" as const } : {}),
      ...(deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
    };
  }
  if (changes.length > 0) return { ...existing, op: "update", changes };
  return { ...existing, op: "same" };
}

/** The delete step of a resource the program no longer registers; protected ones are errors. */
export function decideDelete(prior: ResourceState, targeted: boolean, destroying: boolean): PlanStep | CairnError | undefined {
  if (!targeted) return undefined;
  if (prior.protect && !prior.retainOnDelete) {
    return new CairnError(
      "PROTECTED",
      `Resource ${prior.urn} is protected and cannot be deleted${destroying ? " by destroy" : " (the program no longer creates it)"}. Set protect: false and run up first, or run: cairn state unprotect '${prior.urn}'`,
      { urn: prior.urn },
    );
  }
  return {
    op: "delete",
    urn: prior.urn,
    type: prior.type,
    kind: prior.kind,
    ...(prior.parent === undefined ? {} : { parent: prior.parent }),
    ...(prior.provider === undefined ? {} : { provider: prior.provider }),
    ...(prior.id === undefined ? {} : { id: prior.id }),
    oldInputs: prior.inputs,
    oldOutputs: prior.outputs,
    dependencies: prior.dependencies,
    ...(prior.retainOnDelete ? { retain: true } : {}),
    ...(prior.pending?.op === "delete" ? { reason: "pending-delete" as const } : {}),
  };
}
