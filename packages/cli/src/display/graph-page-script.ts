/**
 * The script of the `cairn graph --html` page, run by the browser: it lays
 * the graph out with dagre (inlined beside it) and draws it as SVG. Every
 * resource becomes a `g.node[data-urn]`, every component with children a
 * `g.cluster`; when it is done, `<html data-rendered="N">` holds the number
 * of nodes drawn (or `data-error` what went wrong).
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var root = document.documentElement;
  try {
    var data = JSON.parse(document.getElementById("graph-data").textContent);
    draw(data);
  } catch (error) {
    root.setAttribute("data-error", String(error && error.message || error));
    document.getElementById("graph").textContent = "The graph could not be drawn: " + (error && error.message || error);
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var key in attrs) node.setAttribute(key, String(attrs[key]));
    if (parent) parent.appendChild(node);
    return node;
  }

  function textWidth(ctx, text, font) {
    ctx.font = font;
    return ctx.measureText(text).width;
  }

  function draw(data) {
    var canvas = document.createElement("canvas").getContext("2d");
    var g = new dagre.graphlib.Graph({ compound: true, multigraph: false });
    g.setGraph({ rankdir: "LR", nodesep: 22, ranksep: 64, marginx: 24, marginy: 24 });
    g.setDefaultEdgeLabel(function () { return {}; });
    var hasChildren = {};
    var known = {};
    data.nodes.forEach(function (n) { known[n.urn] = true; });
    data.nodes.forEach(function (n) { if (n.parent && known[n.parent]) hasChildren[n.parent] = true; });
    data.nodes.forEach(function (n) {
      var w = Math.max(textWidth(canvas, n.name, "600 13px sans-serif"), textWidth(canvas, n.type, "11px sans-serif")) + 28;
      g.setNode(n.urn, { width: Math.ceil(w), height: 44, data: n });
      if (hasChildren[n.urn]) {
        g.setNode("cluster:" + n.urn, { data: n, cluster: true });
        g.setParent(n.urn, "cluster:" + n.urn);
      }
    });
    data.nodes.forEach(function (n) {
      var container = n.parent && known[n.parent] ? "cluster:" + n.parent : undefined;
      if (!container) return;
      g.setParent(hasChildren[n.urn] ? "cluster:" + n.urn : n.urn, container);
    });
    data.edges.forEach(function (e) { g.setEdge(e.from, e.to); });
    dagre.layout(g);

    var size = g.graph();
    var svg = el("svg", { xmlns: NS, width: Math.ceil(size.width), height: Math.ceil(size.height + 20), viewBox: "0 -20 " + Math.ceil(size.width) + " " + Math.ceil(size.height + 20), role: "img" });
    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#5b6770" }, marker);
    var clusters = el("g", { class: "clusters" }, svg);
    var edges = el("g", { class: "edges" }, svg);
    var nodes = el("g", { class: "nodes" }, svg);
    var drawn = 0;

    g.nodes().forEach(function (id) {
      var box = g.node(id);
      if (!box.cluster) return;
      var group = el("g", { class: "cluster", "data-urn": box.data.urn }, clusters);
      el("rect", { x: box.x - box.width / 2, y: box.y - box.height / 2 - 18, width: box.width, height: box.height + 18, rx: 10, ry: 10 }, group);
      var label = el("text", { x: box.x - box.width / 2 + 10, y: box.y - box.height / 2 - 4, class: "cluster-label" }, group);
      label.textContent = box.data.name;
    });

    g.edges().forEach(function (e) {
      var points = g.edge(e).points || [];
      if (points.length === 0) return;
      var d = "M " + points.map(function (p) { return p.x + " " + p.y; }).join(" L ");
      el("path", { d: d, class: "edge", "data-from": e.v, "data-to": e.w, "marker-end": "url(#arrow)" }, edges);
    });

    data.nodes.forEach(function (n) {
      var box = g.node(n.urn);
      var group = el("g", { class: "node kind-" + n.kind + (n.op ? " op-" + n.op : ""), "data-urn": n.urn, "data-op": n.op || "", transform: "translate(" + (box.x - box.width / 2) + "," + (box.y - box.height / 2) + ")" }, nodes);
      el("title", {}, group).textContent = n.urn + (n.op ? " (" + n.op + ")" : "");
      el("rect", { width: box.width, height: box.height, rx: 8, ry: 8 }, group);
      var name = el("text", { x: 14, y: 19, class: "name" }, group);
      name.textContent = n.name;
      var type = el("text", { x: 14, y: 34, class: "type" }, group);
      type.textContent = n.type;
      drawn++;
    });

    document.getElementById("graph").appendChild(svg);
    root.setAttribute("data-rendered", String(drawn));
  }
})();
`;
