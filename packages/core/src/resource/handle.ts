import { CairnError } from "../errors.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { ResourceNode } from "./node.js";

/** Marks every resource; a global symbol, so duplicate copies of this package still agree. */
export const RESOURCE_BRAND = Symbol.for("cairn.Resource");
/** Where a resource keeps its graph node. */
export const NODE = Symbol.for("cairn.Resource.node");

/**
 * A resource as options and the layers beside resources see it: branded and
 * named by its URN. Every `Resource` is one.
 */
export interface ResourceHandle {
  readonly [RESOURCE_BRAND]: true;
  /** The resource's URN. */
  readonly urn: string;
}

/** An explicit provider as options see it: a resource that configures a package. */
export interface ProviderHandle extends ResourceHandle {
  /** The package this provider configures. */
  readonly package: ProviderPackage;
}

/** @internal The graph node behind a resource. */
export function nodeOf(resource: ResourceHandle): ResourceNode {
  const node = (resource as unknown as Record<symbol, ResourceNode | undefined>)[NODE];
  if (node === undefined) throw new CairnError("INVALID_ARGUMENT", "Expected a Cairn resource.");
  return node;
}
