"""Validate what a store holds, or RDF files, against the SHACL shapes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.ontology import ValidationReport, validate
from kg.store import ONTOLOGY_GRAPH, Store

if TYPE_CHECKING:
    import rdflib

__all__ = ["validate_store", "validate_files"]


def _graph_from_store(store: Store, *, skip: Iterable[str] = ()) -> rdflib.Graph:
    import pyoxigraph as ox
    import rdflib

    skipped = {ox.NamedNode(g) for g in skip}
    quads = (q for q in store.oxigraph if q.graph_name not in skipped)
    data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def validate_store(store: Store) -> ValidationReport:
    """Validate every graph in the store taken together; the ontology comes from the package."""
    return validate(_graph_from_store(store, skip=[ONTOLOGY_GRAPH]))


def validate_files(paths: Iterable[str], *, with_reference: bool = True) -> ValidationReport:
    """Validate RDF files (any syntax rdflib reads), together with the reference KB by default."""
    import rdflib

    from kg.ontology import reference_files

    graph = rdflib.Graph()
    for path in paths:
        try:
            graph.parse(path)
        except FileNotFoundError as err:
            raise InputError(f"{path}: no such file.") from err
        except Exception as err:  # rdflib raises many parser-specific types; all mean "bad file"
            raise InputError(f"{path}: cannot be parsed as RDF: {err}") from err
    if with_reference:
        for resource in reference_files():
            graph.parse(data=resource.read_bytes(), format="turtle")
    return validate(graph)
