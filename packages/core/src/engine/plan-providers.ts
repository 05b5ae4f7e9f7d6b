import type { EvaluationPhase } from "../output/phase.js";
import { reveal, type PropertyMap } from "../output/values.js";
import { defaultDiff } from "../plan/default-diff.js";
import type { PlanningProviders, ProviderQueries } from "../plan/provider-queries.js";
import type { CheckResult, DiffResult, Provider, TypeSchema } from "../provider/provider.js";
import type { ResourceNode } from "../resource/node.js";
import type { ResourceState } from "../state/model.js";
import { providerForNode, type OperationContext } from "./context.js";

/**
 * The providers of an operation as the planner consults them: each desired
 * resource's provider from the registry, its check and diff called with
 * revealed values.
 */
export function planningProviders(ctx: OperationContext): PlanningProviders {
  return {
    forNode(node: ResourceNode, phase: EvaluationPhase): ProviderQueries | Promise<ProviderQueries> {
      const found = providerForNode(ctx, node, phase);
      return found instanceof Promise ? found.then(queriesOf) : queriesOf(found);
    },
  };
}

const queries = new WeakMap<Provider, ProviderQueries>();

/** A provider's queries, made once per provider instance and shared by planning and every step of apply. */
export function queriesOf(provider: Provider): ProviderQueries {
  let found = queries.get(provider);
  if (found === undefined) {
    found = new ProviderQueriesOf(provider);
    queries.set(provider, found);
  }
  return found;
}

/** One provider's check, diff and schema, asked the way the planner asks them. */
class ProviderQueriesOf implements ProviderQueries {
  readonly #provider: Provider;
  readonly canUpdate: boolean;

  constructor(provider: Provider) {
    this.#provider = provider;
    this.canUpdate = provider.update !== undefined;
  }

  schema(type: string): TypeSchema | undefined {
    return this.#provider.schema?.(type);
  }

  check(type: string, inputs: PropertyMap): CheckResult | Promise<CheckResult> | undefined {
    return this.#provider.check?.(type, reveal<PropertyMap>(inputs));
  }

  diff(type: string, prior: ResourceState, news: PropertyMap): DiffResult | Promise<DiffResult> {
    const provider = this.#provider;
    if (provider.diff === undefined) return defaultDiff(prior.inputs, news);
    return provider.diff(type, prior.id!, reveal(prior.inputs), reveal(news), reveal(prior.outputs));
  }
}
