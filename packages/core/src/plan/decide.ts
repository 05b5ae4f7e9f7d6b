import { CairnError } from "../errors.js";
import { hintText, type Hint } from "../hints.js";
import type { PropertyMap } from "../output/values.js";
import type { ResourceKind } from "../resource/node.js";
import type { NormalizedOptions } from "../resource/normalized-options.js";
import type { DiffResult } from "../provider/provider.js";
import type { ResourceState } from "../state/model.js";
import { changedAt, matchesPath } from "./default-diff.js";
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
  const step: Mutable<PlanStep> = { op: "same", urn: desired.urn, type: desired.type, kind: desired.kind, dependencies: desired.dependencies };
  if (desired.parent !== undefined) step.parent = desired.parent;
  if (desired.provider !== undefined) step.provider = desired.provider;
  if (prior !== undefined && prior.urn !== desired.urn) step.aliasOf = prior.urn;
  const live = prior !== undefined && (prior.id !== undefined || prior.kind !== "custom");
  if (!input.targeted) {
    step.untargeted = true;
    if (live) {
      step.inputs = prior.inputs;
      if (prior.id !== undefined) step.id = prior.id;
    }
    return step;
  }
  step.inputs = desired.inputs;
  if (!live) {
    if (desired.importId !== undefined) {
      step.op = "import";
      step.id = desired.importId;
      step.reason = "import";
    } else {
      step.op = "create";
      if (prior?.pending?.op === "create") step.reason = "pending-create";
    }
    return step;
  }
  step.oldInputs = prior.inputs;
  step.oldOutputs = prior.outputs;
  if (prior.id !== undefined) step.id = prior.id;
  const changes = diff?.changes ?? NONE;
  const replaces = replacingChanges(changes, diff?.replaces ?? NONE, input.schemaReplaces, desired.options.replaceOnChanges, { olds: prior.inputs, news: desired.inputs });
  if (desired.kind === "custom" && (input.replaceRequested || replaces.length > 0)) {
    if (prior.protect || desired.options.protect) {
      const unprotect: Hint = { kind: "unprotect", urn: desired.urn };
      const asked: Hint = { kind: "option", option: "replace" };
      return new CairnError(
        "PROTECTED",
        `Resource ${desired.urn} is protected and cannot be replaced (${input.replaceRequested ? hintText(asked) : `changed: ${replaces.join(", ")}`}). Remove the protect option, or ${hintText(unprotect)}`,
        { urn: desired.urn, hints: input.replaceRequested ? [asked, unprotect] : [unprotect] },
      );
    }
    step.op = "replace";
    step.changes = changes;
    step.replaces = replaces;
    if (input.replaceRequested && replaces.length === 0) step.reason = "replace-requested";
    if (desired.options.deleteBeforeReplace || diff?.deleteBeforeReplace === true || input.schemaDeleteBeforeReplace) step.deleteBeforeReplace = true;
    return step;
  }
  if (changes.length > 0) {
    step.op = "update";
    step.changes = changes;
  }
  return step;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NONE: readonly string[] = [];

/**
 * The changes that force replacement: those the diff says, and those matching the schema's or the
 * options' patterns; sorted. A pattern deeper than the changed input (`environment.MODEL` for a
 * change of `environment`) counts only if the value at that path changed, given the old and new inputs.
 */
export function replacingChanges(
  changes: readonly string[],
  fromDiff: readonly string[],
  schema: readonly string[],
  options: readonly string[],
  inputs?: { readonly olds: PropertyMap; readonly news: PropertyMap },
): readonly string[] {
  if (changes.length === 0 && fromDiff.length === 0) return NONE;
  const out = new Set(fromDiff);
  const forces = (change: string, pattern: string): boolean =>
    matchesPath(change, pattern) && (inputs === undefined || !pattern.startsWith(`${change}.`) || changedAt(inputs.olds, inputs.news, pattern));
  for (const change of changes) {
    if (schema.some((pattern) => forces(change, pattern)) || options.some((pattern) => forces(change, pattern))) out.add(change);
  }
  return out.size === 0 ? NONE : [...out].sort();
}

/** The delete step of a resource the program no longer registers; protected ones are errors. */
export function decideDelete(prior: ResourceState, targeted: boolean, destroying: boolean): PlanStep | CairnError | undefined {
  if (!targeted) return undefined;
  if (prior.protect && !prior.retainOnDelete) {
    const unprotect: Hint = { kind: "unprotect", urn: prior.urn };
    return new CairnError(
      "PROTECTED",
      `Resource ${prior.urn} is protected and cannot be deleted${destroying ? " by destroy" : " (the program no longer creates it)"}. Set protect: false and run up first, or ${hintText(unprotect)}`,
      { urn: prior.urn, hints: [unprotect] },
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
