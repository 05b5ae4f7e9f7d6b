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
  readonly #dependencies: ReadonlyMap<string, readonly string[]>;

  constructor(nodes: readonly ResourceNode[]) {
    this.nodes = nodes;
    this.#byUrn = new Map(nodes.map((node) => [node.urn, node]));
    this.#dependencies = widenComponentDependencies(nodes);
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
    return this.#dependencies.get(urn) ?? [];
  }
}

function widenComponentDependencies(nodes: readonly ResourceNode[]): Map<string, readonly string[]> {
  const children = new Map<string, ResourceNode[]>();
  const kinds = new Map<string, ResourceNode["kind"]>();
  for (const node of nodes) {
    kinds.set(node.urn, node.kind);
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
  const out = new Map<string, readonly string[]>();
  for (const node of nodes) {
    if (!node.dependencies.some((dep) => kinds.get(dep) === "component")) {
      out.set(node.urn, node.dependencies);
      continue;
    }
    const widened = new Set<string>();
    for (const dep of node.dependencies) {
      if (kinds.get(dep) === "component") descendants(dep, widened);
      else widened.add(dep);
    }
    widened.delete(node.urn);
    out.set(node.urn, [...widened]);
  }
  return out;
}
