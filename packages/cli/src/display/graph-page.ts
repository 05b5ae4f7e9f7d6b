import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { OP_COLOURS, type GraphModel } from "./graph-model.js";
import { PAGE_SCRIPT } from "./graph-page-script.js";

/** The dagre build inlined into every page: one file, no network, graphlib included. */
function dagreSource(): string {
  const manifest = createRequire(import.meta.url).resolve("@dagrejs/dagre/package.json");
  return readFileSync(join(dirname(manifest), "dist", "dagre.min.js"), "utf8");
}

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** JSON safe inside a `<script>` element: no `</script>` or `<!--` can end it early. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/**
 * One self-contained HTML page that draws the graph: the data, dagre and the
 * drawing script are all inside it, so it opens from disk with no network.
 * Components are boxes around their children; with a plan, each resource is
 * coloured by its step, with a legend.
 */
export function renderGraphPage(model: GraphModel): string {
  const title = `${model.project} / ${model.stack}`;
  const ops = [...new Set(model.nodes.map((node) => node.op).filter((op) => op !== undefined))];
  const counts = ops.map((op) => `<li><span class="swatch" style="background:${OP_COLOURS[op]}"></span>${op} <b>${model.nodes.filter((n) => n.op === op).length}</b></li>`);
  const opStyles = Object.entries(OP_COLOURS)
    .map(([op, colour]) => `.node.op-${op} rect { fill: ${colour}; stroke: ${colour}; } .node.op-${op} text { fill: #ffffff; }`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>Cairn graph: ${escapeHtml(title)}</title>
<style>
body { margin: 0; font-family: system-ui, sans-serif; color: #1f2933; background: #fbfcfd; }
header { padding: 12px 20px; border-bottom: 1px solid #e4e7eb; display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
h1 { font-size: 16px; margin: 0; }
.summary { color: #52606d; font-size: 13px; }
ul.legend { list-style: none; display: flex; gap: 14px; margin: 0; padding: 0; font-size: 13px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 5px; vertical-align: -1px; }
#graph { padding: 12px; overflow: auto; }
.cluster rect { fill: #eef2f7; stroke: #9fb3c8; stroke-dasharray: 5 3; }
.cluster-label { font-size: 12px; fill: #486581; font-weight: 600; }
.node rect { fill: #ffffff; stroke: #7b8794; stroke-width: 1.2; }
.node.kind-component rect { fill: #d9e2ec; }
.node .name { font: 600 13px sans-serif; fill: #1f2933; }
.node .type { font: 11px sans-serif; fill: #52606d; }
.node.op-same text, .node.op-update text { fill: #1f2933; }
.edge { fill: none; stroke: #5b6770; stroke-width: 1.3; }
${opStyles}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<span class="summary">${model.nodes.length} resource(s), ${model.edges.length} dependency edge(s)</span>
${counts.length === 0 ? "" : `<ul class="legend">${counts.join("")}</ul>`}
</header>
<main id="graph"></main>
<script id="graph-data" type="application/json">${scriptJson(model)}</script>
<script>${dagreSource()}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
