"""Load the bundled ontology, SHACL shapes and reference knowledge base, and validate graphs.

The files live in ``ontology/`` at the top of the repository and ship inside the wheel as
``kg/ontology``. Every ``kg:`` term they use is checked against :class:`kg.namespaces.KG` when
they load, so an unknown class or property fails here and not halfway through an extraction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import OntologyError
from kg.namespaces import GRAPH, KG, RDF

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "ontology_files", "reference_files", "shapes_file", "load_triples", "reference_store",
    "bundle_hash", "install_bundle", "ONTOLOGY_GRAPH", "REFERENCE_GRAPH", "Violation",
    "ValidationReport", "validate",
]

#: The named graphs every store keeps the bundled ontology and reference KB in.
ONTOLOGY_GRAPH = str(GRAPH) + "ontology"
REFERENCE_GRAPH = str(GRAPH) + "reference"

_KG_NS = str(KG._NS)
_RDF_TYPE = str(RDF.type)


def _root() -> Traversable:
    return files("kg") / "ontology"


def ontology_files() -> list[Traversable]:
    """Return the ontology files: kg's classes and properties, and the PLOVER scheme."""
    return [_root() / "kg.ttl", _root() / "plover.ttl"]


def reference_files() -> list[Traversable]:
    """Return the reference knowledge base files, sorted by name."""
    folder = _root() / "reference"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


def shapes_file() -> Traversable:
    """Return the SHACL shapes file."""
    return _root() / "shapes.ttl"


def _display(resource: Traversable) -> str:
    parts = Path(str(resource)).parts
    return "/".join(parts[parts.index("ontology"):]) if "ontology" in parts else str(resource)


def load_triples(resource: Traversable) -> list[ox.Triple]:
    """Parse one bundled Turtle file, checking its ``kg:`` terms.

    Raises :class:`OntologyError` naming the file and line on a syntax error or unknown term.
    """
    name = _display(resource)
    try:
        triples = list(ox.parse(resource.read_bytes(), format=ox.RdfFormat.TURTLE))
    except SyntaxError as err:
        raise OntologyError(f"{name}: {err}") from err
    declared = set(KG.__annotations__)
    for triple in triples:
        for term in _kg_terms(triple):
            if term[len(_KG_NS):] not in declared:
                raise OntologyError(
                    f"{name}: kg:{term[len(_KG_NS):]} (used on {triple.subject}) is not declared "
                    "in ontology/kg.ttl; declare it there and in kg/namespaces.py, or fix the name.")
    return triples


def _kg_terms(triple: ox.Triple) -> list[str]:
    terms = []
    if triple.predicate.value.startswith(_KG_NS):
        terms.append(triple.predicate.value)
    if triple.predicate.value == _RDF_TYPE and isinstance(triple.object, ox.NamedNode) \
            and triple.object.value.startswith(_KG_NS):
        terms.append(triple.object.value)
    return terms


@lru_cache(maxsize=1)
def reference_store() -> ox.Store:
    """Return an in-memory store holding the ontology and the reference KB in its default graph."""
    store = ox.Store()
    for resource in ontology_files() + reference_files():
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in load_triples(resource))
    return store


@lru_cache(maxsize=1)
def bundle_hash() -> str:
    """Return a hash of every bundled ontology and reference file, to detect a changed bundle."""
    digest = hashlib.sha256()
    for resource in ontology_files() + reference_files():
        digest.update(resource.name.encode())
        digest.update(resource.read_bytes())
    return digest.hexdigest()[:16]


def install_bundle(store) -> bool:
    """Load the ontology and reference KB into ``store``'s graphs if missing or changed.

    ``store`` is anything with ``graph_value`` and ``replace_graphs`` (the embedded or a remote
    store). Returns whether anything was written.
    """
    current = bundle_hash()
    if store.graph_value(REFERENCE_GRAPH, str(KG.contentHash)) == current:
        return False
    reference = [t for r in reference_files() for t in load_triples(r)]
    node = ox.NamedNode(REFERENCE_GRAPH)
    reference.append(ox.Triple(node, ox.NamedNode(str(KG.contentHash)), ox.Literal(current)))
    store.replace_graphs({
        ONTOLOGY_GRAPH: [t for r in ontology_files() for t in load_triples(r)],
        REFERENCE_GRAPH: reference,
    })
    return True


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node that failed, the property path, the message and severity."""

    focus: str
    path: str
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """Return a readable report, one line per violation."""
        if self.conforms:
            lines = ["Conforms: the graph satisfies every shape in ontology/shapes.ttl."]
            if self.violations:
                lines[0] += f" {len(self.violations)} warning(s):"
        else:
            lines = [f"Does not conform: {len(self.violations)} result(s)."]
        lines += [f"  {v.severity}: {v.focus} {v.path}: {v.message}" for v in self.violations]
        return "\n".join(lines)


def validate(data: rdflib.Graph) -> ValidationReport:
    """Validate an rdflib graph against ``ontology/shapes.ttl`` with pySHACL.

    The ontology is added to a copy of the data, with RDFS inference, so that subclasses count
    for their superclasses and the role concepts it defines are known. ``data`` is not changed.
    """
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    shapes = rdflib.Graph().parse(data=shapes_file().read_bytes(), format="turtle")
    combined = rdflib.Graph()
    for triple in data:
        combined.add(triple)
    for resource in ontology_files():
        combined.parse(data=resource.read_bytes(), format="turtle")
    conforms, results, _ = pyshacl.validate(combined, shacl_graph=shapes, inference="rdfs",
                                            allow_warnings=True)
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        violations.append(Violation(
            focus=str(results.value(result, SH.focusNode)),
            path=str(results.value(result, SH.resultPath) or ""),
            message=str(results.value(result, SH.resultMessage) or ""),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        ))
    violations.sort(key=lambda v: (v.severity != "Violation", v.focus, v.path))
    return ValidationReport(conforms=bool(conforms), violations=tuple(violations))
