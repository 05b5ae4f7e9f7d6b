import { currentContext } from "../util/context-slot.js";
import type { ResourceNode } from "./node.js";

/**
 * What a resource needs of the running program while it is constructed: the
 * stack it belongs to and a place to register. The program's scope
 * implements it; resources never see the rest of the scope.
 */
export interface RegistrationScope {
  readonly project: string;
  readonly stack: string;
  /** Records a resource; fails with URN_DUPLICATE or GRAPH_FROZEN. */
  register(node: ResourceNode): void;
  /** Fails with GRAPH_FROZEN if the program's graph is already frozen (and records the attempt). */
  assertOpen(node: Pick<ResourceNode, "name" | "type" | "source"> & { readonly urn?: string }): void;
}

/** The scope of the program running in this async context, as resources see it. */
export function currentRegistrationScope(): RegistrationScope | undefined {
  return currentContext() as RegistrationScope | undefined;
}
