import type { DesiredGraph } from "../program/desired-graph.js";
import type { ResourceNode } from "../resource/node.js";
import type { Provider } from "../provider/provider.js";
import type { StateSession } from "../state/session.js";
import type { EventSink } from "./events.js";
import type { EvaluationPhase } from "../output/phase.js";
import { resolveProperties } from "../output/resolve.js";
import { containsUnknown } from "../output/values.js";
import { CairnError } from "../errors.js";
import type { SecretMask } from "../output/secret-mask.js";
import type { ProviderRegistry } from "./providers.js";

/** What the planning and applying code of one operation share. */
export interface OperationContext {
  readonly project: string;
  readonly stack: string;
  readonly graph: DesiredGraph;
  readonly session: StateSession;
  readonly registry: ProviderRegistry;
  readonly emit: EventSink;
  /** The secrets this operation has seen, to seal values and mask texts that hold them. @default none */
  readonly mask?: SecretMask;
}

/** The provider of a desired resource in a phase; an explicit provider's config must be known. */
export function providerForNode(ctx: OperationContext, node: ResourceNode, phase: EvaluationPhase): Provider | Promise<Provider> {
  if (node.providerUrn === undefined) return ctx.registry.defaultProvider(node.type);
  return explicitProviderForNode(ctx, node, node.providerUrn, phase);
}

async function explicitProviderForNode(ctx: OperationContext, node: ResourceNode, providerUrn: string, phase: EvaluationPhase): Promise<Provider> {
  const providerNode = ctx.graph.tryGet(providerUrn);
  if (providerNode === undefined) {
    throw new CairnError("PROVIDER_NOT_FOUND", `The provider ${providerUrn} of ${node.urn} is not part of the program.`, { urn: node.urn });
  }
  const config = await resolveProperties(providerNode.inputs, phase, providerNode.name);
  if (containsUnknown(config)) {
    throw new CairnError("PROVIDER_ERROR", `The configuration of provider "${providerNode.name}" must be known before deployment; it depends on values known only after apply.`, { urn: node.urn });
  }
  return ctx.registry.explicitProvider(providerNode.urn, node.type, config);
}

/** The provider of a resource known only from state (a delete, a refresh). */
export async function providerForRecord(ctx: OperationContext, record: { readonly type: string; readonly provider?: string }): Promise<Provider> {
  if (record.provider === undefined) return ctx.registry.defaultProvider(record.type);
  const providerRecord = ctx.session.tryGet(record.provider);
  if (providerRecord === undefined) {
    throw new CairnError("PROVIDER_NOT_FOUND", `The provider ${record.provider} is no longer in state.`, { urn: record.provider });
  }
  return ctx.registry.explicitProvider(record.provider, record.type, providerRecord.inputs);
}
