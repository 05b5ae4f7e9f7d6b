import type { ResourceNode } from "../resource/node.js";

/**
 * The program's resources once it has finished: frozen, in registration
 * order, with every dependency on a component widened to the component's
 * provider-backed descendants (depending on a component means waiting for
 * all of it).
 */
export class DesiredGraph {
  readonly nodes: readonly ResourceNode[];
  readonly #byUrn: ReadonlyMap<string, ResourceNode>;
  /** The dependencies of the nodes that depend on a component, widened; the others' are their own. */
  readonly #dependencies: ReadonlyMap<string, readonly string[]>;

  /** `byUrn`, when given, must index exactly `nodes` (the registry a frozen program already has); it is kept, not copied. */
  constructor(nodes: readonly ResourceNode[], byUrn?: ReadonlyMap<string, ResourceNode>) {
    this.nodes = nodes;
    this.#byUrn = byUrn ?? new Map(nodes.map((node) => [node.urn, node]));
    this.#dependencies = widenComponentDependencies(nodes, this.#byUrn);
  }

  /** The node with this URN, if the program registered one. */
  tryGet(urn: string): ResourceNode | undefined {
    return this.#byUrn.get(urn);
  }

  /** Whether the program registered this URN. */
  has(urn: string): boolean {
    return this.#byUrn.has(urn);
  }

  /** The URNs a node must wait for. */
  dependenciesOf(urn: string): readonly string[] {
    return this.#dependencies.get(urn) ?? this.#byUrn.get(urn)?.dependencies ?? [];
  }
}

function widenComponentDependencies(nodes: readonly ResourceNode[], byUrn: ReadonlyMap<string, ResourceNode>): Map<string, readonly string[]> {
  const children = new Map<string, ResourceNode[]>();
  for (const node of nodes) {
    if (node.parent !== undefined) {
      const list = children.get(node.parent);
      if (list === undefined) children.set(node.parent, [node]);
      else list.push(node);
    }
  }
  const descendants = (urn: string, into: Set<string>): void => {
    for (const child of children.get(urn) ?? []) {
      if (child.kind !== "component") into.add(child.urn);
      descendants(child.urn, into);
    }
  };
  // Only the widened lists are kept here; every other node's own list is its answer.
  const out = new Map<string, readonly string[]>();
  for (const node of nodes) {
    if (!node.dependencies.some((dep) => byUrn.get(dep)?.kind === "component")) continue;
    const widened = new Set<string>();
    for (const dep of node.dependencies) {
      if (byUrn.get(dep)?.kind === "component") descendants(dep, widened);
      else widened.add(dep);
    }
    widened.delete(node.urn);
    out.set(node.urn, [...widened]);
  }
  return out;
}
