"""Write the store's graphs as RDF: Turtle, TriG, N-Quads or JSON-LD.

By default the export holds what kg extracted: every article graph and the merged-event graph.
``with_reference`` adds the ontology (``graph:ontology``) and the reference KB
(``graph:reference``). TriG, N-Quads and JSON-LD keep each graph's name; Turtle has no graphs,
so it carries the union of their triples, each once. JSON-LD is written in expanded form, with
no ``@context`` to fetch. Quads stream from the store to the output, and a file is written to a
temporary file and renamed into place, so a failed export never truncates an existing file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KGError
from kg.export.atomic import atomic_output
from kg.namespaces import PREFIXES
from kg.store import ONTOLOGY_GRAPH, REFERENCE_GRAPH, Store

__all__ = ["RDF_FORMATS", "export_graph_names", "export_quads", "write_rdf", "export_rdf"]

#: The syntaxes ``kg export rdf --format`` offers.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD,
}
# Article and graph IRIs end in a hash; they read better in full than as prefixed names.
_PREFIXES = {k: v for k, v in PREFIXES.items() if k not in ("id", "graph")}


def export_graph_names(store: Store, *, with_reference: bool = False) -> list[str]:
    """Return the names of the graphs an export holds: all but ontology and reference, unless asked."""
    kept = []
    for name in store.graphs():
        if name in (ONTOLOGY_GRAPH, REFERENCE_GRAPH) and not with_reference:
            continue
        kept.append(name)
    return kept


def export_quads(store: Store, graphs: Iterable[str]) -> Iterator[ox.Quad]:
    """Yield the quads of the named graphs, graph by graph."""
    for name in graphs:
        yield from store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(name))


def _unique_triples(quads: Iterable[ox.Quad]) -> Iterator[ox.Triple]:
    seen = set()
    for quad in quads:
        triple = quad.triple
        if triple not in seen:
            seen.add(triple)
            yield triple


class _Counter:
    def __init__(self, items: Iterable) -> None:
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def write_rdf(store: Store, output: BinaryIO, *, fmt: str = "trig", with_reference: bool = False) -> int:
    """Serialise the export's graphs to a binary stream; return the number of statements written."""
    if fmt not in RDF_FORMATS:
        raise KGError(f"Unknown RDF format {fmt!r}; use one of {', '.join(RDF_FORMATS)}.")
    quads = export_quads(store, export_graph_names(store, with_reference=with_reference))
    items = _Counter(_unique_triples(quads) if fmt == "turtle" else quads)
    prefixes = _PREFIXES if fmt in ("turtle", "trig") else None
    try:
        ox.serialize(items, output, RDF_FORMATS[fmt], prefixes=prefixes)
    except (ValueError, SyntaxError) as err:
        raise KGError(f"Serialising the store as {fmt} failed after {items.count} statements: {err}") from err
    return items.count


def export_rdf(store: Store, destination: str | os.PathLike, *, fmt: str = "trig",
               with_reference: bool = False) -> int:
    """Write the export to a file (atomically) or to stdout (``-``); return the statement count."""
    if str(destination) == "-":
        count = write_rdf(store, sys.stdout.buffer, fmt=fmt, with_reference=with_reference)
        sys.stdout.buffer.flush()
        return count
    with atomic_output(destination) as out:
        return write_rdf(store, out, fmt=fmt, with_reference=with_reference)
