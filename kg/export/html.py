"""Write a projection of the store as one self-contained, offline, interactive HTML page.

The page is built so that it works with no network and runs nothing that comes from the data:

- pyvis builds the network (its node and edge lists are filled directly: ``add_edge`` and
  ``from_nx`` scan lists and are quadratic), and the vis-network script that the installed
  pyvis package ships is inlined; no CDN, no ``http(s)`` source of any kind;
- the page is our own Jinja2 template (``kg/templates/graph.html``) with autoescaping on, and
  a Content-Security-Policy that allows only the page's two scripts (by hash) and no requests;
- the data goes in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
  escaped, and the page script (``kg/templates/graph.js``) builds the legend, tooltips and the
  info panel with DOM nodes and ``textContent``, never ``innerHTML``;
- the layout is computed here with a fixed seed, one connected component at a time
  (networkx's spring layout below 500 nodes, a numpy force layout above, see
  :func:`layout_positions`); positions are passed in and physics is off, so nothing moves or
  stabilises in the browser;
- a graph above the node budget (:data:`NODE_BUDGET`, ``--max-nodes``) keeps its nodes with
  the most ties and says so in the page and in the summary the CLI prints.

Nodes are coloured (the GraphML palette) and shaped by kind, with a legend that is also the
entity-type filter. Parallel ties between two nodes are drawn as one edge whose tooltip lists
each tie: its type, dates, status, counts and evidence sentences with their article titles.
The page has a search box and filters by entity type, event type, status and date range.

The file is written to a temporary file and renamed into place (:mod:`kg.export.atomic`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import KGError
from kg.export.atomic import atomic_output
from kg.export.graphml import KIND_COLORS
from kg.store import Store

if TYPE_CHECKING:
    import numpy as np

__all__ = ["LEVELS", "NODE_BUDGET", "LAYOUT_SEED", "MAX_EVIDENCE", "KIND_SHAPES", "HtmlSummary",
           "neighbourhood", "top_nodes", "layout_positions", "script_json", "vis_network_js",
           "render_html", "write_html", "export_html"]

#: The projections ``kg export html --level`` offers.
LEVELS = ("actors", "states", "events")
#: The default node budget: above it, only the nodes with the most ties are drawn. vis-network
#: stays smooth to a few thousand nodes with physics off; 1,500 leaves room for their edges.
NODE_BUDGET = 1500
#: The layout's seed: the same graph always gets the same picture.
LAYOUT_SEED = 20251104
#: Evidence sentences kept per tie; the page says how many more there are.
MAX_EVIDENCE = 5
#: vis-network node shapes by kind; shapes with the label below, so the colour stays visible.
KIND_SHAPES: dict[str, str] = {
    "State": "square", "Person": "dot", "Organization": "hexagon", "MilitaryUnit": "triangle",
    "Agreement": "diamond", "Place": "triangleDown", "Event": "star", "Entity": "dot",
}
_TIE_COLORS = {1: "#2ca02c", -1: "#d62728", 0: "#8c8c8c"}
# Below this many nodes networkx's own (dense, exact) spring layout is used; it needs scipy above.
_NX_LAYOUT_LIMIT = 500
# Above these sizes the page hides edges while the view is dragged or zoomed, to stay responsive.
_BIG_EDGES = 3000


@dataclass(frozen=True)
class HtmlSummary:
    """What a page shows: its level, counts, and notes (aggregation, focus) also shown in it."""

    level: str
    nodes: int
    edges: int
    ties: int
    total_nodes: int
    total_edges: int
    budget: int
    left_out: int = 0
    notes: tuple[str, ...] = field(default=())


# ---------------------------------------------------------------------------------- selection

def neighbourhood(graph: nx.Graph, node: Hashable, depth: int = 1) -> nx.Graph:
    """Return the subgraph of nodes at most ``depth`` ties from ``node`` (edge direction ignored).

    >>> g = nx.path_graph(["a", "b", "c", "d"])
    >>> sorted(neighbourhood(g, "b", 1)), sorted(neighbourhood(g, "a", 2))
    (['a', 'b', 'c'], ['a', 'b', 'c'])
    """
    if node not in graph:
        raise KGError(f"{node!r} is not a node of the graph.")
    if depth < 0:
        raise KGError(f"The depth of a neighbourhood is 0 or more, not {depth}.")
    return nx.ego_graph(graph, node, radius=depth, undirected=True).copy()


def _distinct_neighbours(graph: nx.Graph, node: Hashable) -> set:
    found = set(graph.successors(node)) | set(graph.predecessors(node)) if graph.is_directed() \
        else set(graph.neighbors(node))
    found.discard(node)
    return found


def top_nodes(graph: nx.Graph, count: int, *, keep: Iterable[Hashable] = ()) -> list:
    """Return the ``count`` nodes tied to the most others (ties broken by events, label, id).

    Nodes in ``keep`` are always returned, and count towards ``count``.

    >>> g = nx.star_graph(3)
    >>> g.add_edge(4, 5)
    >>> top_nodes(g, 2), top_nodes(g, 2, keep=[5])
    ([0, 1], [5, 0])
    """
    kept = [n for n in dict.fromkeys(keep) if n in graph]
    chosen = set(kept)
    rest = sorted((n for n in graph if n not in chosen),
                  key=lambda n: (-len(_distinct_neighbours(graph, n)), -(graph.nodes[n].get("events") or 0),
                                 str(graph.nodes[n].get("label") or ""), str(n)))
    return kept + rest[:max(count - len(kept), 0)]


# ---------------------------------------------------------------------------------- layout

def layout_positions(graph: nx.Graph, *, seed: int = LAYOUT_SEED) -> dict:
    """Return a seeded 2-D position for every node, in page pixels.

    Each connected component is laid out on its own: below 500 nodes with networkx's spring
    layout (Fruchterman–Reingold, exact forces), above with a numpy Fruchterman–Reingold whose
    repulsion is computed on a grid with FFTs (particle–mesh; about 0.5 s for 5,000 nodes).
    Each is scaled so that its median tie is :data:`_TIE_LENGTH` pixels long, and the
    components are packed in rows, largest first, single nodes last.

    >>> pos = layout_positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and pos == layout_positions(nx.path_graph(3))
    True
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((a, b) for a, b in graph.edges() if a != b)
    order = {n: i for i, n in enumerate(graph)}
    components = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), order[c[0]]))
    boxes = []
    for number, members in enumerate(components):
        local = _component_layout(simple.subgraph(members), members, seed=seed + number)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        boxes.append((local, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    # Shelf packing: rows about as wide as the square the components would fill.
    gap = _TIE_LENGTH
    area = sum((w + gap) * (h + gap) for _, _, _, w, h in boxes)
    row_width = max(math.sqrt(area) * 1.3, max(w for _, _, _, w, _ in boxes))
    positions: dict = {}
    x = y = row_height = 0.0
    for local, left, top, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for node, (px, py) in local.items():
            positions[node] = (px - left + x, py - top + y)
        x += width + gap
        row_height = max(row_height, height)
    cx = (max(p[0] for p in positions.values()) + min(p[0] for p in positions.values())) / 2
    cy = (max(p[1] for p in positions.values()) + min(p[1] for p in positions.values())) / 2
    return {n: (round(px - cx, 1), round(py - cy, 1)) for n, (px, py) in positions.items()}


#: The median length of a tie in the laid-out page, and the least room per node, in pixels.
_TIE_LENGTH = 140.0
_NODE_ROOM = 70.0


def _component_layout(component: nx.Graph, members: list, *, seed: int) -> dict:
    import numpy as np

    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    if len(members) == 2:  # the commonest small component; spring_layout would cost 1–2 ms
        return {members[0]: (0.0, 0.0), members[1]: (_TIE_LENGTH, 0.0)}
    if len(members) < _NX_LAYOUT_LIMIT:
        found = nx.spring_layout(component, seed=seed, iterations=100)
        pos = np.array([found[n] for n in members], dtype=float)
    else:
        index = {n: i for i, n in enumerate(members)}
        pairs = np.array([(index[a], index[b]) for a, b in component.edges()], dtype=np.int64).reshape(-1, 2)
        pos = _grid_force_layout(len(members), pairs, seed=seed)
    # Scale so that the median tie is _TIE_LENGTH long, or wider when that would leave less than
    # _NODE_ROOM square pixels per node (dense components, whose ties are long but nodes close).
    index = {n: i for i, n in enumerate(members)}
    lengths = [float(np.hypot(*(pos[index[a]] - pos[index[b]]))) for a, b in component.edges()]
    typical = float(np.median(lengths)) if lengths else 0.0
    span = pos.max(axis=0) - pos.min(axis=0)
    room = math.sqrt(max(float(span[0] * span[1]), 1e-12) / len(members))
    pos *= max(_TIE_LENGTH / typical if typical > 0 else 1.0, _NODE_ROOM / room)
    return {n: (float(x), float(y)) for n, (x, y) in zip(members, pos)}


def _repulsion_kernels(size: int) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    offsets = np.fft.fftfreq(size, 1.0 / size)
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[0, 0] = 1.0
    kx, ky = dx / r2, dy / r2
    kx[0, 0] = ky[0, 0] = 0.0
    return np.fft.rfft2(kx), np.fft.rfft2(ky)


def _grid_repulsion(pos: np.ndarray, grid: int, kernels: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    # Each node's repulsion from all others (d / |d|², Fruchterman–Reingold's k²/d without k²):
    # spread the nodes over a grid (cloud in cell), convolve with the force kernel by FFT, and
    # read the field back at each node. Zero padding to twice the grid makes the convolution linear.
    import numpy as np

    lo = pos.min(axis=0)
    cell = max(float((pos.max(axis=0) - lo).max()), 1e-9) / (grid - 2)
    g = (pos - lo) / cell
    base = np.floor(g).astype(np.int64)
    frac = g - base
    size = 2 * grid
    corners = []
    density = np.zeros(size * size)
    for ox, oy in ((0, 0), (1, 0), (0, 1), (1, 1)):
        weight = (frac[:, 0] if ox else 1 - frac[:, 0]) * (frac[:, 1] if oy else 1 - frac[:, 1])
        flat = (base[:, 0] + ox) * size + (base[:, 1] + oy)
        corners.append((flat, weight))
        density += np.bincount(flat, weights=weight, minlength=size * size)
    spectrum = np.fft.rfft2(density.reshape(size, size))
    fx = np.fft.irfft2(spectrum * kernels[0], s=(size, size)).ravel()
    fy = np.fft.irfft2(spectrum * kernels[1], s=(size, size)).ravel()
    force = np.zeros_like(pos)
    for flat, weight in corners:
        force[:, 0] += fx[flat] * weight
        force[:, 1] += fy[flat] * weight
    return force / cell


def _grid_force_layout(count: int, pairs: np.ndarray, *, seed: int, iterations: int = 250,
                       grid: int = 128) -> np.ndarray:
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2)) - 0.5
    k = 1.0 / math.sqrt(count)
    kernels = _repulsion_kernels(2 * grid)
    source, target = pairs[:, 0], pairs[:, 1]
    gravity = 0.05 * math.sqrt(count)  # keeps components and isolated nodes near the middle
    for temperature in np.linspace(0.1, 0.001, iterations):
        move = _grid_repulsion(pos, grid, kernels) * (k * k)
        if len(pairs):
            delta = pos[source] - pos[target]
            pull = delta * (np.sqrt(np.einsum("ek,ek->e", delta, delta)) / k)[:, None]
            np.add.at(move, source, -pull)
            np.add.at(move, target, pull)
        move -= pos * gravity
        length = np.maximum(np.sqrt(np.einsum("nk,nk->n", move, move)), 1e-12)
        pos += move * (np.minimum(length, temperature) / length)[:, None]
    return pos


# ---------------------------------------------------------------------------------- page data

def script_json(data) -> str:
    """Serialise ``data`` for a ``<script type="application/json">`` block: ``< > &`` escaped.

    >>> script_json({"name": "</script><img src=x onerror=alert(1)>", "and": "&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e","and":"\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _darker(color: str) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.65) for c in (r, g, b)))


def _short(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def _evidence(data: dict) -> list[dict]:
    reports = data.get("reports")
    if reports:
        items = [{"sentence": _text(getattr(r, "sentence", "")), "headline": _text(getattr(r, "headline", "")),
                  "date": _text(getattr(r, "date", "")), "status": _text(getattr(r, "status", ""))}
                 for r in reports]
    elif data.get("evidence"):
        items = [{"sentence": _text(data.get("evidence")), "headline": _text(data.get("evidence_article")),
                  "date": _text(data.get("date") or data.get("first")), "status": _text(data.get("status"))}]
    else:
        items = []
    # The projection's best sentence (asserted, surest, newest) first, the others in date order.
    best = _text(data.get("evidence"))
    items.sort(key=lambda i: i["sentence"] != best)
    return [i for i in items if i["sentence"] or i["headline"]]


def _tie(data: dict, key, event: dict | None) -> dict:
    evidence = _evidence(data)
    if event is not None:
        # An event-graph edge is a role: its event type and status are the event's.
        kind = _text(event.get("type")) or "Event"
        label = f"{_text(data.get('label') or key)} of {kind}"
        status = _text(data.get("status") or event.get("status")) or "asserted"
    else:
        kind = _text(data.get("type") or key) or "tie"
        label = _text(data.get("label") or kind)
        status = "hedged" if data.get("hedged") else _text(data.get("status")) or "asserted"
    signed = data.get("signed_weight")
    return {
        "label": label, "etype": kind, "status": status,
        "first": _text(data.get("first")), "last": _text(data.get("last")),
        "events": int(data.get("events") or 0), "sources": int(data.get("sources") or 0),
        "evidence_count": int(data.get("evidence_count") or len(evidence)),
        "signed": float(signed) if isinstance(signed, (int, float)) and math.isfinite(signed) else 0.0,
        "quad": _text(data.get("quad")),
        "evidence": evidence[:MAX_EVIDENCE],
    }


def _edge_items(graph: nx.Graph):
    if graph.is_multigraph():
        return graph.edges(keys=True, data=True)
    return ((a, b, None, d) for a, b, d in graph.edges(data=True))


def _kind_color(kind: str) -> dict:
    color = KIND_COLORS.get(kind, KIND_COLORS["Entity"])
    return {"background": color, "border": _darker(color), "highlight": {"background": color, "border": "#000000"},
            "hover": {"background": color, "border": "#000000"}}


def _compact(item: dict, keep: Iterable[str] = ()) -> dict:
    # Empty strings, zeros and None are left out of the page's data; the page reads them as absent.
    kept = set(keep)
    return {k: v for k, v in item.items() if k in kept or v not in ("", 0, None)}


def _network(graph: nx.Graph, positions: dict, *, focus: Hashable | None, hidden: dict) -> tuple:
    """Fill a pyvis network's lists directly; return it with the ids vis will use for each node."""
    from pyvis.network import Network

    net = Network(directed=graph.is_directed(), cdn_resources="remote")
    ids: dict[Hashable, int] = {}
    states = {n: graph.nodes[n].get("label") for n in graph if graph.nodes[n].get("kind") == "State"}
    for number, node in enumerate(sorted(graph, key=str)):
        data = graph.nodes[node]
        ids[node] = number
        kind = data.get("kind") if data.get("kind") in KIND_SHAPES else "Entity"
        name = _text(data.get("label")) or str(node).rstrip("/").rsplit("/", 1)[-1] or str(node)
        events = int(data.get("events") or 0)
        x, y = positions[node]
        label = _short(name)
        item = {
            # vis-network reads id, label, x, y, group and size; the page reads the rest.
            "id": number, "label": label, "x": x, "y": y, "group": kind,
            "size": round(9 + 3 * math.log2(1 + events), 1), "kind": kind,
            "name": name if name != label else "", "type": _text(data.get("type")) if data.get("type") != kind else "",
            "iri": _text(data.get("iri") or node), "wikidata": _text(data.get("wikidata")),
            "state": _text(states.get(data.get("state")) if data.get("state") != node else ""),
            "events": events, "hiddenTies": hidden.get(node, 0),
        }
        if kind == "Event":
            item.update({"etype": _text(data.get("type")) or "Event", "status": _text(data.get("status")) or "asserted",
                         "first": _text(data.get("first")), "last": _text(data.get("last")),
                         "date": _text(data.get("date")), "evidence": _evidence(data)[:MAX_EVIDENCE]})
        if node == focus:
            item.update({"focus": True, "borderWidth": 4, "size": item["size"] + 6})
        item = _compact(item, keep=("id", "label", "x", "y", "iri"))
        net.nodes.append(item)
        net.node_ids.append(number)
        net.node_map[number] = item

    # One drawn edge per pair of nodes, carrying each tie between them.
    pairs: dict[tuple[int, int], list[dict]] = {}
    for a, b, key, data in sorted(_edge_items(graph), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        if a == b:
            continue
        event = graph.nodes[a] if graph.nodes[a].get("kind") == "Event" else (
            graph.nodes[b] if graph.nodes[b].get("kind") == "Event" else None)
        pair = (ids[a], ids[b]) if graph.is_directed() else tuple(sorted((ids[a], ids[b])))
        pairs.setdefault(pair, []).append(_tie(data, key, event))
    for number, ((a, b), ties) in enumerate(sorted(pairs.items())):
        ties.sort(key=lambda t: (t["first"] or "9999", t["etype"], t["label"]))
        net_sign = sum(t.pop("signed") for t in ties)
        events = sum(max(t["events"], 1) for t in ties)
        net.edges.append({"id": number, "from": a, "to": b, "width": round(1 + 1.5 * math.log2(events), 2),
                          "color": {"color": _TIE_COLORS[(net_sign > 0) - (net_sign < 0)]},
                          "ties": [_compact(t, keep=("label", "etype", "status", "evidence")) for t in ties]})
    return net, ids


def _options(*, edges: int, directed: bool, seed: int) -> dict:
    big = edges > _BIG_EDGES
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
        "nodes": {"borderWidth": 1.5, "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#222222",
                                               "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 7}}},
        "groups": {kind: {"shape": shape, "color": _kind_color(kind)} for kind, shape in KIND_SHAPES.items()},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1.5,
                  "color": {"highlight": "#000000", "hover": "#000000", "opacity": 0.75},
                  "arrows": {"to": {"enabled": directed, "scaleFactor": 0.4}}},
    }


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """Return the vis-network script that the installed pyvis package ships (the newest copy)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    found = sorted(lib.glob("vis-*/vis-network.min.js"),
                   key=lambda p: tuple(int(x) if x.isdigit() else 0 for x in p.parent.name[4:].split(".")))
    if not found:
        raise KGError(f"{lib}: no vis-*/vis-network.min.js; the pyvis package is incomplete. "
                      "Reinstall it: pip install --force-reinstall pyvis==0.3.2")
    script = found[-1].read_text(encoding="utf-8")
    _check_inline(script, found[-1])
    return script


def _check_inline(script: str, where) -> None:
    lowered = script.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise KGError(f"{where}: the script contains '</script' or '<!--' and cannot be inlined safely.")


@lru_cache(maxsize=1)
def _template() -> tuple:
    from jinja2 import Environment, StrictUndefined

    folder = files("kg") / "templates"
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    app = (folder / "graph.js").read_text(encoding="utf-8")
    _check_inline(app, "kg/templates/graph.js")
    return env.from_string((folder / "graph.html").read_text(encoding="utf-8")), app


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _date_range(nodes: list[dict], edges: list[dict]) -> tuple[str, str]:
    days = [d[:10] for t in (t for e in edges for t in e["ties"]) for d in (t.get("first"), t.get("last")) if d]
    days += [d[:10] for n in nodes for d in (n.get("first"), n.get("last")) if d]
    return (min(days), max(days)) if days else ("", "")


def render_html(graph: nx.Graph, *, title: str = "kg graph", level: str = "actors",
                focus: Hashable | None = None, depth: int = 1, max_nodes: int = NODE_BUDGET,
                seed: int = LAYOUT_SEED) -> tuple[str, HtmlSummary]:
    """Return the page for a projection, and a summary of what it shows.

    ``focus`` keeps the neighbourhood of one node (``depth`` ties out); ``max_nodes`` is the node
    budget. Node attributes read: ``label``, ``kind``, ``type``, ``iri``, ``wikidata``, ``state``,
    ``events`` (and for events ``status``, ``date``, ``first``, ``last``, ``evidence``,
    ``evidence_article``); edge attributes: ``type``, ``label``, ``first``, ``last``, ``events``,
    ``sources``, ``evidence_count``, ``signed_weight``, ``hedged``, ``status``, ``reports`` or
    ``evidence`` and ``evidence_article``.

    >>> g = nx.MultiGraph()
    >>> g.add_node("a", label="<b>A</b>", kind="State")
    >>> g.add_node("b", label="B", kind="Person")
    >>> _ = g.add_edge("a", "b", key="Meeting", type="Meeting", evidence="A met B.", first="2024-01-02")
    >>> page, summary = render_html(g)
    >>> (summary.nodes, summary.edges, summary.ties), "<b>A</b>" in page, "http://" in page.split("<script")[0]
    ((2, 1, 1), False, False)
    """
    if max_nodes < 1:
        raise KGError(f"The node budget is at least 1, not {max_nodes}.")
    notes: list[str] = []
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    if focus is not None:
        graph = neighbourhood(graph, focus, depth)
        label = graph.nodes[focus].get("label") or str(focus)
        notes.append(f"Showing the neighbourhood of {label}: {graph.number_of_nodes():,} nodes within "
                     f"{depth} tie{'s' if depth != 1 else ''} of it.")
    hidden: dict = {}
    left_out = 0
    if graph.number_of_nodes() > max_nodes:
        before, before_edges = graph.number_of_nodes(), graph.number_of_edges()
        kept = top_nodes(graph, max_nodes, keep=[focus] if focus is not None else [])
        full = graph
        graph = graph.subgraph(kept).copy()
        chosen = set(kept)
        hidden = {n: len(_distinct_neighbours(full, n) - chosen) for n in kept}
        left_out = before - graph.number_of_nodes()
        notes.append(f"The graph has {before:,} nodes, more than the node budget of {max_nodes:,}: showing the "
                     f"{graph.number_of_nodes():,} with the most ties; {before - graph.number_of_nodes():,} nodes "
                     f"and {before_edges - graph.number_of_edges():,} of their ties are left out "
                     "(kg export html --max-nodes sets the budget).")
    if graph.number_of_nodes() == 0:
        notes.append("The graph is empty: nothing to show. Ingest articles with kg ingest, or widen "
                     "--since and --until.")
    positions = layout_positions(graph, seed=seed)
    net, ids = _network(graph, positions, focus=focus, hidden=hidden)
    net.options = _options(edges=len(net.edges), directed=graph.is_directed(), seed=seed)
    nodes, edges, _, _, _, options_json = net.get_network_data()
    options = json.loads(options_json)
    ties = sum(len(e["ties"]) for e in edges)
    first, last = _date_range(nodes, edges)
    meta = {
        "title": title, "level": level, "focus": ids.get(focus) if focus is not None else None,
        "nodesTotal": total_nodes, "edgesTotal": total_edges, "budget": max_nodes,
        "kinds": [{"kind": k, "color": _kind_color(k), "shape": s} for k, s in KIND_SHAPES.items()],
        "dateMin": first, "dateMax": last, "maxEvidence": MAX_EVIDENCE,
    }
    template, app = _template()
    vis = vis_network_js()
    summary_line = (f"{len(nodes):,} nodes and {ties:,} ties ({level} level"
                    + (f", {len(edges):,} drawn edges" if len(edges) != ties else "") + ").")
    page = template.render(
        title=title, level=level, summary=summary_line, notes=notes,
        negated_note=level != "events", date_min=first, date_max=last,
        csp_scripts=" ".join((_csp_hash(vis), _csp_hash(app))),
        data=_markup(script_json({"meta": meta, "options": options, "nodes": nodes, "edges": edges})),
        vis_js=_markup(vis), app_js=_markup(app))
    summary = HtmlSummary(level=level, nodes=len(nodes), edges=len(edges), ties=ties, total_nodes=total_nodes,
                          total_edges=total_edges, budget=max_nodes, left_out=left_out, notes=tuple(notes))
    return page, summary


def _markup(text: str) -> str:
    # Only our own, checked text is marked safe: the inlined scripts and the escaped JSON.
    from markupsafe import Markup

    return Markup(text)


def write_html(graph: nx.Graph, path: str | os.PathLike, **options) -> HtmlSummary:
    """Write the page for a projection to ``path``, atomically (see :func:`render_html`)."""
    page, summary = render_html(graph, **options)
    with atomic_output(path) as out:
        out.write(page.encode("utf-8"))
    return summary


def export_html(store: Store, path: str | os.PathLike, *, level: str = "actors", focus: str | None = None,
                depth: int = 1, max_nodes: int = NODE_BUDGET, since: date | None = None,
                until: date | None = None) -> HtmlSummary:
    """Project the store at ``level`` and write it as an interactive page; return its summary.

    ``focus`` names an entity by label, alias or IRI, as ``kg show`` does.
    """
    from kg.analyze import actor_graph, event_graph, state_graph

    projections = {"events": event_graph, "actors": actor_graph, "states": state_graph}
    if level not in projections:
        raise KGError(f"Unknown HTML level {level!r}; use one of {', '.join(LEVELS)}.")
    graph = projections[level](store, since=since, until=until)
    node = None
    if focus is not None:
        from kg.profile import resolve_entity

        node = resolve_entity(store, focus)
        if node not in graph:
            hint = (" At the states level people, units and bodies are rolled up to their state: focus on "
                    "the state, or use --level actors." if level == "states" else "")
            raise KGError(f"{focus!r} (<{node}>) has no tie in the {level} graph"
                          f"{' in this window' if since or until else ''}.{hint}")
    window = ""
    if since or until:
        window = f", {since.isoformat() if since else '…'} to {until.isoformat() if until else '…'}"
    title = f"kg: {level}{window}"
    return write_html(graph, path, title=title, level=level, focus=node, depth=depth, max_nodes=max_nodes)
