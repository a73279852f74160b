import pytest
import rdflib

from kg.errors import OntologyError
from kg.ontology import load_triples, shapes_file, validate


class _File:
    """A stand-in for an importlib Traversable over a temporary file."""

    def __init__(self, path):
        self.path = path
        self.name = path.name

    def read_bytes(self):
        return self.path.read_bytes()

    def __str__(self):
        return str(self.path)


def test_ontology_unknown_kg_term_fails_when_the_data_loads(tmp_path):
    path = tmp_path / "ontology" / "bad.ttl"
    path.parent.mkdir()
    path.write_text("@prefix kg: <https://w3id.org/kg/ont#> .\n<http://x/a> a kg:Stat .\n")
    with pytest.raises(OntologyError, match=r"ontology/bad.ttl: kg:Stat .* not declared"):
        load_triples(_File(path))


def test_ontology_syntax_error_names_the_file_and_line(tmp_path):
    path = tmp_path / "ontology" / "broken.ttl"
    path.parent.mkdir()
    path.write_text("<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> \"open .\n")
    with pytest.raises(OntologyError, match=r"ontology/broken.ttl: .*line 2"):
        load_triples(_File(path))


def test_ontology_shapes_are_valid_shacl():
    import pyshacl

    shapes = rdflib.Graph().parse(data=shapes_file().read_bytes(), format="turtle")
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


BROKEN_EVENT = """
@prefix kg: <https://w3id.org/kg/ont#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://example.org/event/1> a kg:Meeting ;
    kg:status kg:asserted ;
    kg:confidence "1.7"^^xsd:decimal ;
    sem:hasEarliestBeginTimeStamp "2025-10-31"^^xsd:date ;
    sem:hasLatestEndTimeStamp "2025-10-01"^^xsd:date .
"""


def test_ontology_validate_reports_each_broken_constraint_with_node_and_message():
    report = validate(rdflib.Graph().parse(data=BROKEN_EVENT, format="turtle"))
    assert not report.conforms
    messages = " | ".join(v.message for v in report.violations)
    assert "at least one participant" in messages
    assert "confidence" in messages
    assert "earliest time" in messages
    assert "needs evidence" in messages
    assert all(v.focus == "http://example.org/event/1" for v in report.violations)
    assert "Does not conform" in report.text()
