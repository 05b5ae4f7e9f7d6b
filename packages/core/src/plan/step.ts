import type { PropertyMap } from "../output/values.js";
import type { ResourceKind } from "../resource/node.js";

/**
 * What a step does:
 * - `create`: make a resource the state does not have;
 * - `update`: change a resource in place;
 * - `replace`: make a new resource and delete the old one (create first,
 *   unless `deleteBeforeReplace`);
 * - `delete`: remove a resource the program no longer registers (or a
 *   deposed object a replacement left behind);
 * - `import`: adopt an existing cloud resource by id;
 * - `same`: nothing to do.
 */
export type StepOp = "create" | "update" | "replace" | "delete" | "import" | "same";

/** One step of a plan: plain data. */
export interface PlanStep {
  readonly op: StepOp;
  readonly urn: string;
  readonly type: string;
  readonly kind: ResourceKind;
  /** The explicit provider resource's URN, if any. */
  readonly provider?: string;
  readonly parent?: string;
  /** The new inputs, after the provider's check; unknown values are UNKNOWN. */
  readonly inputs?: PropertyMap;
  /** The recorded inputs of the existing resource. */
  readonly oldInputs?: PropertyMap;
  /** The recorded outputs of the existing resource. */
  readonly oldOutputs?: PropertyMap;
  /** The id of the existing resource (update, replace, delete) or the one to adopt (import). */
  readonly id?: string;
  /** Input properties whose values change. */
  readonly changes?: readonly string[];
  /** The changes that force replacement. */
  readonly replaces?: readonly string[];
  /**
   * Why the step exists when no property explains it. For a create a crash
   * interrupted: `pending-create` (finished unaided with its idempotency
   * token), `interrupted-create` (its provider cannot tell whether it
   * finished: a decision is needed), `adopt-interrupted` (the object it
   * made is looked up and adopted if found), `recreate-interrupted`.
   */
  readonly reason?: "replace-requested" | "pending-create" | "pending-delete" | "deposed" | "import" | "interrupted-create" | "adopt-interrupted" | "recreate-interrupted";
  /** For replace: delete the old resource first. */
  readonly deleteBeforeReplace?: boolean;
  /** For delete: forget the resource but leave it in the cloud. */
  readonly retain?: boolean;
  /** For delete: the resource's former URN if it was renamed through an alias. */
  readonly aliasOf?: string;
  /** URNs this step waits for (forward steps) or that wait for it (deletes: what depended on it). */
  readonly dependencies: readonly string[];
  /** For a `same` step skipped by --target: the resource is left exactly as recorded. */
  readonly untargeted?: boolean;
}

/** A complete plan: what an operation will do, in order. */
export interface Plan {
  readonly project: string;
  readonly stack: string;
  /** The serial of the state the plan was computed against. */
  readonly priorSerial: number;
  readonly steps: readonly PlanStep[];
}

/** How many steps of each kind a plan or a result has. */
export type StepCounts = Readonly<Record<StepOp, number>>;

/** Counts steps by op; `same` includes untargeted ones. */
export function countSteps(steps: readonly Pick<PlanStep, "op">[]): StepCounts {
  const counts: Record<StepOp, number> = { create: 0, update: 0, replace: 0, delete: 0, import: 0, same: 0 };
  for (const step of steps) counts[step.op]++;
  return counts;
}

/** Whether a plan changes anything. */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.some((step) => step.op !== "same");
}
