import { OP_COLOURS, type GraphModel, type GraphNode } from "./graph-model.js";

/** Children of each parent URN ("" for the stack's root), in the model's order. */
export function childrenOf(model: GraphModel): Map<string, GraphNode[]> {
  const known = new Set(model.nodes.map((node) => node.urn));
  const out = new Map<string, GraphNode[]>();
  for (const node of model.nodes) {
    const parent = node.parent !== undefined && known.has(node.parent) ? node.parent : "";
    const list = out.get(parent) ?? [];
    list.push(node);
    out.set(parent, list);
  }
  return out;
}

const quote = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/**
 * The graph in Graphviz DOT: a component and its children form a cluster;
 * an arrow runs from a resource to each resource that needs it. With a plan,
 * nodes are filled with their step's colour.
 */
export function renderDot(model: GraphModel): string {
  const children = childrenOf(model);
  const lines = [`digraph ${quote(`${model.project}/${model.stack}`)} {`, "  rankdir=LR;", '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];'];
  let clusters = 0;
  const emit = (parent: string, depth: number): void => {
    const pad = "  ".repeat(depth);
    for (const node of children.get(parent) ?? []) {
      const fill = node.op === undefined ? (node.kind === "component" ? "#eef2f7" : "#ffffff") : OP_COLOURS[node.op];
      const label = `${node.name}\\n${node.type}${node.op === undefined ? "" : `\\n(${node.op})`}`;
      lines.push(`${pad}${quote(node.urn)} [label="${label.replace(/"/g, '\\"')}", fillcolor="${fill}"];`);
      if (children.has(node.urn)) {
        lines.push(`${pad}subgraph "cluster_${clusters++}" {`, `${pad}  label=${quote(node.name)};`, `${pad}  style="rounded,dashed";`);
        emit(node.urn, depth + 1);
        lines.push(`${pad}}`);
      }
    }
  };
  emit("", 1);
  for (const edge of model.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)};`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/**
 * The graph as a Mermaid flowchart: components as subgraphs (the component
 * itself as the subgraph's first node), dependencies as arrows, planned
 * steps as classes.
 */
export function renderMermaid(model: GraphModel): string {
  const children = childrenOf(model);
  const ids = new Map(model.nodes.map((node, i) => [node.urn, `n${i}`]));
  const lines = ["flowchart LR"];
  const label = (node: GraphNode): string => `${node.name}<br/><small>${node.type}</small>`.replace(/"/g, "#quot;");
  const emit = (parent: string, depth: number): void => {
    const pad = "    ".repeat(depth);
    for (const node of children.get(parent) ?? []) {
      const id = ids.get(node.urn)!;
      const cls = node.op === undefined ? "" : `:::${node.op}`;
      if (children.has(node.urn)) {
        lines.push(`${pad}subgraph ${id}_group["${node.name.replace(/"/g, "#quot;")}"]`);
        lines.push(`${pad}    ${id}(["${label(node)}"])${cls}`);
        emit(node.urn, depth + 1);
        lines.push(`${pad}end`);
      } else {
        lines.push(`${pad}${id}["${label(node)}"]${cls}`);
      }
    }
  };
  emit("", 1);
  for (const edge of model.edges) lines.push(`    ${ids.get(edge.from)!} --> ${ids.get(edge.to)!}`);
  const ops = new Set(model.nodes.map((node) => node.op).filter((op) => op !== undefined));
  for (const op of ops) lines.push(`    classDef ${op} fill:${OP_COLOURS[op]},color:#ffffff`);
  return `${lines.join("\n")}\n`;
}
