"""Write a projection of the store as GraphML that Gephi, yEd, Cytoscape and igraph read as is.

What the tools need, and what this writer guarantees:

- every node and edge has a non-empty ``label``; nodes also have ``name`` (Cytoscape's display
  column) and edges ``interaction`` (Cytoscape's edge type); Gephi reads ``label``, ``weight``
  and the ``r``/``g``/``b`` colour, and ``color`` gives the same colour as ``#rrggbb``;
- every attribute has one value type, declared in :data:`NODE_KEYS` and :data:`EDGE_KEYS`, and
  every element carries every key the graph uses (empty string, 0 or false when unknown), so
  no tool sees two ``<key>`` elements with one name or a None value;
- keys are written with their names as ids (``named_key_ids``), so Gephi never mistakes a
  ``d3`` or ``d7`` key for the label;
- edge ids are unique across the file (yEd and Gephi drop repeated ids);
- ``start`` and ``end`` are ISO dates where known, for Gephi's timeline;
- every edge has its evidence count and its best evidence sentence;
- text has the characters XML 1.0 forbids (control characters, lone surrogates) removed;
- no graph-level attributes (Gephi flags them), no lists or dicts.

The file is written to a temporary file and renamed into place, so a failed export leaves any
previous file untouched.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from datetime import date

import networkx as nx

from kg.errors import KGError
from kg.export.atomic import atomic_output
from kg.store import Store

__all__ = ["LEVELS", "NODE_KEYS", "EDGE_KEYS", "KIND_COLORS", "clean_text", "graphml_graph",
           "write_graphml", "export_graphml"]

#: The projections ``kg export graphml --level`` offers.
LEVELS = ("events", "actors", "states")

#: Node attributes and their one type each, in the order they are declared.
NODE_KEYS: dict[str, type] = {
    "label": str, "name": str, "type": str, "kind": str, "iri": str, "wikidata": str, "state": str,
    "color": str, "r": int, "g": int, "b": int, "events": int, "start": str, "end": str,
    "status": str, "date": str, "category": str, "quad": str, "signed_weight": float,
    "confidence": float, "merged": str, "evidence": str, "evidence_article": str, "article": str,
}
#: Edge attributes and their one type each.
EDGE_KEYS: dict[str, type] = {
    "label": str, "interaction": str, "type": str, "category": str, "quad": str, "color": str,
    "r": int, "g": int, "b": int, "weight": float, "signed_weight": float, "events": int,
    "sources": int, "evidence_count": int, "hedged": bool, "hedged_events": int, "status": str,
    "start": str, "end": str, "evidence": str, "evidence_article": str,
}
#: Keys every node and every edge carries, whatever the projection; the others are written when
#: some element of the projection has a value for them.
_NODE_ALWAYS = {"label", "name", "type", "kind", "iri", "wikidata", "color", "r", "g", "b", "start", "end"}
_EDGE_ALWAYS = {"label", "interaction", "type", "color", "r", "g", "b", "weight", "evidence_count",
                "evidence", "start", "end"}
#: Node colours by kind (Tableau 10), readable on white and on black.
KIND_COLORS: dict[str, str] = {
    "State": "#1f77b4", "Person": "#ff7f0e", "Organization": "#2ca02c", "MilitaryUnit": "#d62728",
    "Agreement": "#9467bd", "Place": "#8c564b", "Event": "#7f7f7f", "Entity": "#bcbd22",
}
_TIE_COLORS = {1: "#2ca02c", -1: "#d62728", 0: "#999999"}
# Everything XML 1.0 cannot carry: C0 controls but tab, newline and return; lone surrogates;
# U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_EMPTY = {str: "", int: 0, float: 0.0, bool: False}


def clean_text(value: str) -> str:
    """Remove the characters XML 1.0 cannot carry.

    >>> clean_text("Kim\\x00 Jong\\x1b Un\\ud800")
    'Kim Jong Un'
    """
    return _NOT_XML.sub("", value)


def _typed(value, kind: type, where: str, key: str):
    if value is None:
        return _EMPTY[kind]
    if isinstance(value, date):
        value = value.isoformat()
    if kind is str and isinstance(value, str):
        return clean_text(value)
    if kind is bool and isinstance(value, bool):
        return value
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 2**31:
            raise KGError(f"GraphML export: {where} attribute {key!r} is {value}, too large for the "
                          "32-bit integers Gephi and yEd read.")
        return value
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise KGError(f"GraphML export: {where} attribute {key!r} is {value}; GraphML tools "
                          "need a finite number.")
        return float(value)
    raise KGError(f"GraphML export: {where} attribute {key!r} is {type(value).__name__} "
                  f"{value!r:.60}; this key holds {kind.__name__} values only.")


def _rgb(color: str) -> dict:
    return {"color": color, "r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16)}


def _edge_id(source: str, target: str, key) -> str:
    return "e" + hashlib.sha1(f"{source}\x1f{target}\x1f{key}".encode()).hexdigest()[:16]


def graphml_graph(graph: nx.Graph) -> nx.Graph:
    """Return a copy of a projection with typed, cleaned attributes and unique edge ids.

    >>> g = nx.MultiGraph()
    >>> g.add_node("a", label="A\\x00", kind="State", wikidata=None)
    >>> g.add_node("b", label="", kind="Person", reports=["not written"])
    >>> _ = g.add_edge("a", "b", key="Meeting", type="Meeting", label="Meeting", events=2, first="2024-06-19")
    >>> out = graphml_graph(g)
    >>> out.nodes["a"]["label"], out.nodes["b"]["label"], out.nodes["a"]["color"], "reports" in out.nodes["b"]
    ('A', 'b', '#1f77b4', False)
    >>> [(d["label"], d["start"], d["events"]) for _, _, d in out.edges(data=True)]
    [('Meeting', '2024-06-19', 2)]
    """
    directed = graph.is_directed()
    out = nx.MultiDiGraph() if directed else nx.MultiGraph()
    edges = sorted(graph.edges(keys=True, data=True) if graph.is_multigraph()
                   else ((a, b, None, d) for a, b, d in graph.edges(data=True)),
                   key=lambda e: (str(e[0]), str(e[1]), str(e[2])))

    # A node's dates span those of its edges when it has none of its own.
    spans: dict[str, list[str]] = {}
    for a, b, _, data in edges:
        for node in (a, b):
            spans.setdefault(node, []).extend(d for d in (data.get("first"), data.get("last")) if d)

    nodes = {}
    for node, data in sorted(graph.nodes(data=True), key=lambda n: str(n[0])):
        kind = data.get("kind") or "Entity"
        label = data.get("label") or str(node).rstrip("/").rsplit("/", 1)[-1] or str(node)
        dates = spans.get(node, [])
        values = {**data, "label": label, "name": label, "kind": kind, "type": data.get("type") or kind,
                  "iri": data.get("iri") or str(node),
                  "start": data.get("first") or (min(dates) if dates else None),
                  "end": data.get("last") or (max(dates) if dates else None),
                  **_rgb(KIND_COLORS.get(kind, KIND_COLORS["Entity"]))}
        nodes[node] = values

    seen = set()
    edge_rows = []
    for a, b, key, data in edges:
        ident = _edge_id(str(a), str(b), key)
        if ident in seen:
            raise KGError(f"GraphML export: two edges {a} – {b} would share the id {ident}.")
        seen.add(ident)
        label = data.get("label") or data.get("type") or (str(key) if key is not None else "tie")
        signed = data.get("signed_weight")
        numeric = isinstance(signed, (int, float)) and not isinstance(signed, bool)
        sign = (signed > 0) - (signed < 0) if numeric else 0
        events = data.get("events")
        values = {**data, "label": label, "interaction": data.get("type") or label,
                  "type": data.get("type") or label, "start": data.get("first"), "end": data.get("last"),
                  "weight": data.get("weight", events if isinstance(events, int) and events > 0 else 1.0),
                  "evidence_count": data.get("evidence_count") or 0, **_rgb(_TIE_COLORS[sign])}
        edge_rows.append((a, b, ident, values))

    node_keys = [k for k in NODE_KEYS if k in _NODE_ALWAYS or any(v.get(k) is not None for v in nodes.values())]
    edge_keys = [k for k in EDGE_KEYS if k in _EDGE_ALWAYS or any(v.get(k) is not None for *_, v in edge_rows)]
    for node, values in nodes.items():
        where = f"node {node}"
        out.add_node(str(node), **{k: _typed(values.get(k), NODE_KEYS[k], where, k) for k in node_keys})
    for a, b, ident, values in edge_rows:
        where = f"edge {a} – {b}"
        out.add_edge(str(a), str(b), key=ident, **{k: _typed(values.get(k), EDGE_KEYS[k], where, k)
                                                   for k in edge_keys})
    return out


def write_graphml(graph: nx.Graph, path: str | os.PathLike) -> None:
    """Write a projection as GraphML to ``path``, atomically (see :func:`graphml_graph`)."""
    ready = graphml_graph(graph)
    with atomic_output(path) as out:
        nx.write_graphml(ready, out, encoding="utf-8", prettyprint=True, named_key_ids=True)


def export_graphml(store: Store, path: str | os.PathLike, *, level: str = "actors",
                   since: date | None = None, until: date | None = None) -> tuple[int, int]:
    """Project the store at ``level`` and write it as GraphML; return the node and edge counts."""
    from kg.analyze import actor_graph, event_graph, state_graph

    projections = {"events": event_graph, "actors": actor_graph, "states": state_graph}
    if level not in projections:
        raise KGError(f"Unknown GraphML level {level!r}; use one of {', '.join(LEVELS)}.")
    graph = projections[level](store, since=since, until=until)
    write_graphml(graph, path)
    return graph.number_of_nodes(), graph.number_of_edges()
