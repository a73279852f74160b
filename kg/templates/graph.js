/* kg interactive graph (kg/export/html.py). Everything taken from the data is put in the page
   with textContent and DOM nodes, never innerHTML; vis-network draws labels on a canvas. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var SVG = "http://www.w3.org/2000/svg";  // the SVG namespace name, never fetched
  var DIM = { background: "#e9e9e9", border: "#cfcfcf", highlight: { background: "#e9e9e9", border: "#000000" },
              hover: { background: "#e9e9e9", border: "#000000" } };

  // ------------------------------------------------------------------ indexes
  // Empty fields are left out of the data; fill the ones read as text.
  var nodeById = new Map();
  var kindColor = new Map();
  meta.kinds.forEach(function (k) { kindColor.set(k.kind, k.color); });
  data.nodes.forEach(function (n) {
    n.name = n.name || n.label;
    n.type = n.type || n.kind;
    nodeById.set(n.id, n);
  });
  var edgeById = new Map();
  var edgesOf = new Map();
  data.nodes.forEach(function (n) { edgesOf.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    edgesOf.get(e.from).push(e.id);
    edgesOf.get(e.to).push(e.id);
  });

  var state = { kinds: new Set(), etypes: new Set(), hideHedged: false, hideNegated: false,
                from: "", to: "", undated: true, query: "" };
  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var matches = [];

  // ------------------------------------------------------------------ helpers
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function span(first, last) {
    if (!first && !last) { return "undated"; }
    if (!last || first === last) { return first || last; }
    return first + " \u2013 " + last;
  }

  // ------------------------------------------------------------------ filters
  function datesPass(first, last) {
    if (!first && !last) { return state.undated; }
    var start = (first || last).slice(0, 10), end = (last || first).slice(0, 10);
    if (state.from && end < state.from) { return false; }
    if (state.to && start > state.to) { return false; }
    return true;
  }
  function statusPass(status) {
    return !((state.hideHedged && status === "hedged") || (state.hideNegated && status === "negated"));
  }
  function tiePasses(t) {
    return state.etypes.has(t.etype) && statusPass(t.status) && datesPass(t.first, t.last);
  }
  function nodeSelfPasses(n) {
    if (!state.kinds.has(n.kind)) { return false; }
    if (n.kind === "Event") {
      return state.etypes.has(n.etype) && statusPass(n.status) && datesPass(n.first, n.last);
    }
    return true;
  }
  function visibleTies(e) { return e.ties.filter(tiePasses); }

  function recompute() {
    var self = new Set();
    data.nodes.forEach(function (n) { if (nodeSelfPasses(n)) { self.add(n.id); } });
    visibleEdges = new Set();
    var touched = new Set();
    data.edges.forEach(function (e) {
      if (self.has(e.from) && self.has(e.to) && e.ties.some(tiePasses)) {
        visibleEdges.add(e.id);
        touched.add(e.from);
        touched.add(e.to);
      }
    });
    // A node stays when it passes and still has a tie shown, or never had any tie.
    visibleNodes = new Set();
    self.forEach(function (id) {
      if (touched.has(id) || edgesOf.get(id).length === 0) { visibleNodes.add(id); }
    });
    if (nodeView) {
      nodeView.refresh();
      edgeView.refresh();
      applySearch();
    }
    updateCounts();
  }

  // ------------------------------------------------------------------ data sets and network
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = null, edgeView = null;
  buildControls();
  recompute();
  nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });
  var container = document.getElementById("kg-canvas");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  network.once("afterDrawing", function () {
    window.kgFirstRenderMs = performance.now();
    document.body.setAttribute("data-rendered", "true");
  });
  updateCounts();

  // ------------------------------------------------------------------ controls
  function checkbox(fieldset, value, text, count, checked, onChange, swatch) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    if (swatch) { label.appendChild(swatch); }
    label.appendChild(el("span", "name", text));
    label.appendChild(el("span", "count", count.toLocaleString("en")));
    fieldset.appendChild(label);
    return box;
  }

  function shapeSwatch(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "swatch");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    var shapeEl;
    var points = {
      triangle: "8,1.5 15,14.5 1,14.5", triangleDown: "1,1.5 15,1.5 8,14.5", diamond: "8,1 15,8 8,15 1,8",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.8 10.1,5.6 15.3,5.9 11.3,9.2 12.6,14.4 8,11.6 3.4,14.4 4.7,9.2 0.7,5.9 5.9,5.6"
    };
    if (shape === "square") {
      shapeEl = document.createElementNS(SVG, "rect");
      shapeEl.setAttribute("x", "2"); shapeEl.setAttribute("y", "2");
      shapeEl.setAttribute("width", "12"); shapeEl.setAttribute("height", "12");
    } else if (points[shape]) {
      shapeEl = document.createElementNS(SVG, "polygon");
      shapeEl.setAttribute("points", points[shape]);
    } else {
      shapeEl = document.createElementNS(SVG, "circle");
      shapeEl.setAttribute("cx", "8"); shapeEl.setAttribute("cy", "8"); shapeEl.setAttribute("r", "6.5");
    }
    shapeEl.setAttribute("fill", color.background);
    shapeEl.setAttribute("stroke", color.border);
    svg.appendChild(shapeEl);
    return svg;
  }

  function buildControls() {
    var kindCounts = new Map();
    data.nodes.forEach(function (n) { kindCounts.set(n.kind, (kindCounts.get(n.kind) || 0) + 1); });
    var kinds = document.getElementById("kg-kinds");
    meta.kinds.forEach(function (k) {
      var count = kindCounts.get(k.kind) || 0;
      state.kinds.add(k.kind);
      if (!count) { return; }
      checkbox(kinds, k.kind, k.kind, count, true, function (on) {
        if (on) { state.kinds.add(k.kind); } else { state.kinds.delete(k.kind); }
        recompute();
      }, shapeSwatch(k.shape, k.color));
    });

    var etypeCounts = new Map(), hedged = 0, negated = 0;
    function countStatus(s) { if (s === "hedged") { hedged += 1; } else if (s === "negated") { negated += 1; } }
    data.edges.forEach(function (e) {
      e.ties.forEach(function (t) {
        if (meta.level !== "events") { etypeCounts.set(t.etype, (etypeCounts.get(t.etype) || 0) + 1); countStatus(t.status); }
      });
    });
    data.nodes.forEach(function (n) {
      if (n.kind === "Event") { etypeCounts.set(n.etype, (etypeCounts.get(n.etype) || 0) + 1); countStatus(n.status); }
    });
    var etypes = document.getElementById("kg-etypes");
    Array.from(etypeCounts.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })
      .forEach(function (entry) {
        state.etypes.add(entry[0]);
        checkbox(etypes, entry[0], entry[0], entry[1], true, function (on) {
          if (on) { state.etypes.add(entry[0]); } else { state.etypes.delete(entry[0]); }
          recompute();
        });
      });
    if (!etypeCounts.size) { etypes.appendChild(el("p", "hint", "No events in this graph.")); }
    document.getElementById("kg-count-hedged").textContent = hedged.toLocaleString("en");
    document.getElementById("kg-count-negated").textContent = negated.toLocaleString("en");

    document.getElementById("kg-hide-hedged").addEventListener("change", function (ev) {
      state.hideHedged = ev.target.checked; recompute();
    });
    document.getElementById("kg-hide-negated").addEventListener("change", function (ev) {
      state.hideNegated = ev.target.checked; recompute();
    });
    document.getElementById("kg-from").addEventListener("change", function (ev) {
      state.from = ev.target.value; recompute();
    });
    document.getElementById("kg-to").addEventListener("change", function (ev) {
      state.to = ev.target.value; recompute();
    });
    document.getElementById("kg-undated").addEventListener("change", function (ev) {
      state.undated = ev.target.checked; recompute();
    });
    var timer = null;
    var search = document.getElementById("kg-search");
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.query = search.value; applySearch(true); }, 150);
    });
    search.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && matches.length) { focusNode(matches[0]); }
    });
    document.getElementById("kg-fit").addEventListener("click", function () { network.fit(); });
    document.getElementById("kg-reset").addEventListener("click", reset);
  }

  function reset() {
    document.getElementById("kg-search").value = "";
    state.query = "";
    document.querySelectorAll("#kg-kinds input, #kg-etypes input").forEach(function (box) {
      box.checked = true;
    });
    meta.kinds.forEach(function (k) { state.kinds.add(k.kind); });
    document.querySelectorAll("#kg-etypes input").forEach(function (box) { state.etypes.add(box.value); });
    ["kg-hide-hedged", "kg-hide-negated"].forEach(function (id) { document.getElementById(id).checked = false; });
    state.hideHedged = state.hideNegated = false;
    document.getElementById("kg-from").value = "";
    document.getElementById("kg-to").value = "";
    state.from = state.to = "";
    document.getElementById("kg-undated").checked = true;
    state.undated = true;
    recompute();
    network.fit();
  }

  function updateCounts() {
    var counts = document.getElementById("kg-counts");
    var shownTies = 0;
    visibleEdges.forEach(function (id) { shownTies += visibleTies(edgeById.get(id)).length; });
    var drawn = network ? Object.keys(network.getPositions()).length : visibleNodes.size;
    counts.textContent = "Showing " + drawn.toLocaleString("en") + " of " + plural(data.nodes.length, "node") +
      " and " + shownTies.toLocaleString("en") + " ties on " + plural(visibleEdges.size, "edge") + ".";
    counts.setAttribute("data-nodes-shown", String(drawn));
    counts.setAttribute("data-edges-shown", String(visibleEdges.size));
    counts.setAttribute("data-ties-shown", String(shownTies));
    counts.setAttribute("data-nodes-total", String(data.nodes.length));
    counts.setAttribute("data-edges-total", String(data.edges.length));
  }

  // ------------------------------------------------------------------ search
  var dimmed = new Set();
  function applySearch(zoom) {
    var query = fold(state.query).trim();
    var result = document.getElementById("kg-search-result");
    var list = document.getElementById("kg-matches");
    clear(list);
    matches = [];
    if (query) {
      data.nodes.forEach(function (n) {
        if (visibleNodes.has(n.id) && (fold(n.name).indexOf(query) >= 0 || fold(n.iri.split("/").pop()).indexOf(query) >= 0)) {
          matches.push(n.id);
        }
      });
    }
    var wanted = new Set();
    if (query) {
      var hit = new Set(matches);
      data.nodes.forEach(function (n) { if (!hit.has(n.id)) { wanted.add(n.id); } });
    }
    var changes = [];
    dimmed.forEach(function (id) {
      if (!wanted.has(id)) { changes.push({ id: id, color: kindColor.get(nodeById.get(id).kind), font: { color: "#222222" } }); }
    });
    wanted.forEach(function (id) {
      if (!dimmed.has(id)) { changes.push({ id: id, color: DIM, font: { color: "#b8b8b8" } }); }
    });
    if (changes.length) { nodes.update(changes); }
    dimmed = wanted;
    result.setAttribute("data-matches", String(matches.length));
    if (!query) { result.textContent = ""; return; }
    result.textContent = matches.length ? plural(matches.length, "match") + " (Enter shows the first)"
                                        : "No shown node matches \u201c" + state.query.trim() + "\u201d.";
    matches.slice(0, 30).forEach(function (id) {
      var item = el("li");
      var button = el("button", "linklike", nodeById.get(id).name);
      button.type = "button";
      button.addEventListener("click", function () { focusNode(id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (zoom && matches.length && matches.length <= 50) {
      network.fit({ nodes: matches, animation: false });
      if (network.getScale() > 1.5) { network.moveTo({ scale: 1.5 }); }
    }
  }

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
  }

  // ------------------------------------------------------------------ tooltip and info panel
  function evidenceBlock(parent, ev) {
    if (ev.sentence) { parent.appendChild(el("blockquote", null, ev.sentence)); }
    var bits = [ev.headline, ev.date, ev.status && ev.status !== "asserted" ? ev.status : ""].filter(Boolean);
    if (bits.length) { parent.appendChild(el("cite", null, "\u2014 " + bits.join(" \u00b7 "))); }
  }

  function tieBlock(t, full) {
    var box = el("div", "tie");
    var head = el("div", "tie-head", t.label);
    if (t.status && t.status !== "asserted") {
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", "status-" + t.status, "(" + t.status + ")"));
    }
    box.appendChild(head);
    var facts = [span(t.first, t.last)];
    if (t.label !== t.etype) { facts.unshift(t.etype); }
    if (t.events) { facts.push(plural(t.events, "event")); }
    if (t.sources) { facts.push(plural(t.sources, "source")); }
    if (full && t.quad) { facts.push(t.quad); }
    box.appendChild(el("div", "tie-meta", facts.join(" \u00b7 ")));
    var shown = full ? t.evidence : t.evidence.slice(0, 1);
    shown.forEach(function (ev) { evidenceBlock(box, ev); });
    var more = (t.evidence_count || t.evidence.length) - shown.length;
    if (more > 0) {
      box.appendChild(el("div", "hint", full ? "\u2026 and " + plural(more, "more report") + " (kg show gives them all)."
                                             : "+ " + plural(more, "more report")));
    }
    return box;
  }

  function edgeTitle(e) { return nodeById.get(e.from).name + " \u2014 " + nodeById.get(e.to).name; }

  function nodeFacts(n, full) {
    var dl = el("dl");
    function row(key, value) {
      if (value === undefined || value === null || value === "") { return; }
      dl.appendChild(el("dt", null, key));
      dl.appendChild(el("dd", null, value));
    }
    row("Type", n.type === n.kind ? n.kind : n.type + " (" + n.kind + ")");
    if (n.kind === "Event") {
      row("Date", n.date || span(n.first, n.last));
      row("Status", n.status);
    }
    row("State", n.state);
    row("Events", n.events ? n.events.toLocaleString("en") : "");
    if (full) {
      row("Wikidata", n.wikidata);
      row("IRI", n.iri);
      if (n.hiddenTies) { row("Not shown", plural(n.hiddenTies, "neighbour") + " above the node budget"); }
    }
    return dl;
  }

  function tooltipFor(params) {
    var box = el("div");
    if (params.node !== undefined) {
      var n = nodeById.get(params.node);
      box.appendChild(el("strong", null, n.name));
      box.appendChild(nodeFacts(n, false));
      if (n.kind === "Event" && n.evidence && n.evidence.length) { evidenceBlock(box, n.evidence[0]); }
    } else {
      var e = edgeById.get(params.edge);
      var ties = visibleTies(e);
      box.appendChild(el("strong", null, edgeTitle(e)));
      ties.slice(0, 3).forEach(function (t) { box.appendChild(tieBlock(t, false)); });
      if (ties.length > 3) { box.appendChild(el("div", "hint", "+ " + plural(ties.length - 3, "more tie"))); }
    }
    box.appendChild(el("div", "hint", "Click for the details."));
    return box;
  }

  var tooltip = document.getElementById("kg-tooltip");
  function showTooltip(params) {
    clear(tooltip);
    tooltip.appendChild(tooltipFor(params));
    tooltip.hidden = false;
    var x = params.pointer.DOM.x + 14, y = params.pointer.DOM.y + 14;
    var room = container.clientWidth - tooltip.offsetWidth - 8;
    tooltip.style.left = Math.max(4, Math.min(x, room)) + "px";
    tooltip.style.top = Math.max(4, Math.min(y, container.clientHeight - tooltip.offsetHeight - 8)) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; clear(tooltip); }

  var info = document.getElementById("kg-info");
  function openInfo() {
    clear(info);
    info.hidden = false;
    var close = el("button", null, "\u00d7");
    close.id = "kg-info-close";
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { info.hidden = true; clear(info); network.unselectAll(); });
    info.appendChild(close);
  }
  function showNode(id) {
    var n = nodeById.get(id);
    openInfo();
    info.setAttribute("data-node", String(id));
    info.removeAttribute("data-edge");
    info.appendChild(el("h2", null, n.name));
    info.appendChild(nodeFacts(n, true));
    if (n.kind === "Event" && n.evidence) { n.evidence.forEach(function (ev) { evidenceBlock(info, ev); }); }
    var linked = edgesOf.get(id).filter(function (eid) { return visibleEdges.has(eid); }).map(function (eid) {
      return edgeById.get(eid);
    });
    linked.sort(function (a, b) { return visibleTies(b).length - visibleTies(a).length; });
    if (linked.length) {
      info.appendChild(el("h3", null, "Ties shown (" + linked.length.toLocaleString("en") + ")"));
      var list = el("ul");
      linked.slice(0, 60).forEach(function (e) {
        var other = nodeById.get(e.from === id ? e.to : e.from);
        var item = el("li");
        var button = el("button", "linklike", other.name);
        button.type = "button";
        button.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
        item.appendChild(button);
        var kinds = Array.from(new Set(visibleTies(e).map(function (t) { return t.label; })));
        item.appendChild(document.createTextNode(": " + kinds.join(", ")));
        list.appendChild(item);
      });
      info.appendChild(list);
      if (linked.length > 60) { info.appendChild(el("p", "hint", "\u2026 and " + (linked.length - 60) + " more.")); }
    }
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    openInfo();
    info.setAttribute("data-edge", String(id));
    info.removeAttribute("data-node");
    info.appendChild(el("h2", null, edgeTitle(e)));
    var ties = visibleTies(e);
    ties.forEach(function (t) { info.appendChild(tieBlock(t, true)); });
    if (ties.length < e.ties.length) {
      info.appendChild(el("p", "hint", plural(e.ties.length - ties.length, "more tie") + " hidden by the filters."));
    }
  }

  network.on("hoverNode", showTooltip);
  network.on("hoverEdge", showTooltip);
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  if (meta.focus !== null && meta.focus !== undefined && nodeById.has(meta.focus)) {
    network.selectNodes([meta.focus]);
    showNode(meta.focus);
  }

  window.kg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                showNode: showNode, showEdge: showEdge, meta: meta };
}());
