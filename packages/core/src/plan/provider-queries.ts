import type { EvaluationPhase } from "../output/phase.js";
import type { PropertyMap } from "../output/values.js";
import type { CheckResult, DiffResult, TypeSchema } from "../provider/provider.js";
import type { ResourceNode } from "../resource/node.js";
import type { ResourceState } from "../state/model.js";

/**
 * A provider as the planner consults it: what it declares about a type, and
 * its check and diff. The engine implements this over a real provider, so
 * that plan/ decides without calling one itself. Values go in as the planner
 * holds them (secrets sealed); the implementation reveals them to the provider.
 */
export interface ProviderQueries {
  /** Whether the provider can change a resource in place; a change it cannot make so is a replacement. */
  readonly canUpdate: boolean;
  /** What the provider declares about a type, if anything. */
  schema(type: string): TypeSchema | undefined;
  /** Validates and defaults a type's inputs; `undefined` when the provider has no check. */
  check(type: string, inputs: PropertyMap): CheckResult | Promise<CheckResult> | undefined;
  /** What differs between a recorded resource and new inputs: the provider's diff, or the default one. */
  diff(type: string, prior: ResourceState, news: PropertyMap): DiffResult | Promise<DiffResult>;
}

/** Finds the provider the planner consults for each desired resource. */
export interface PlanningProviders {
  /** The provider of a desired provider-backed resource; an explicit provider's configuration is resolved in `phase`. */
  forNode(node: ResourceNode, phase: EvaluationPhase): ProviderQueries | Promise<ProviderQueries>;
}
