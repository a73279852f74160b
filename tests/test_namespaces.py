from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import KG, OA, PREFIXES, SCHEMA, SEM, WGS
from kg.ontology import ontology_files


def _ontology() -> Graph:
    graph = Graph()
    for resource in ontology_files():
        graph.parse(data=resource.read_bytes(), format="turtle")
    return graph


def _defined_kg_terms(graph: Graph) -> set[str]:
    prefix = str(KG._NS)
    return {str(s)[len(prefix):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(prefix)}


def test_namespaces_kg_lists_exactly_the_terms_the_ontology_defines():
    assert _defined_kg_terms(_ontology()) == set(KG.__annotations__)


def test_namespaces_every_ontology_term_has_a_label_and_a_comment():
    graph = _ontology()
    missing = [str(s) for s in set(graph.subjects(RDF.type, None))
               if isinstance(s, URIRef) and (graph.value(s, RDFS.label) is None or graph.value(s, RDFS.comment) is None)
               and str(s).startswith("https://w3id.org/kg/")]
    assert missing == []


def test_namespaces_reused_vocabularies_use_their_canonical_http_iris():
    assert str(SCHEMA.url) == "http://schema.org/url"
    assert str(WGS.lat) == "http://www.w3.org/2003/01/geo/wgs84_pos#lat"
    assert str(SEM.hasPlace) == "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace"
    assert str(OA.exact) == "http://www.w3.org/ns/oa#exact"
    assert PREFIXES["wd"] == "http://www.wikidata.org/entity/"


def test_namespaces_unknown_term_raises():
    import pytest

    with pytest.raises(AttributeError):
        KG.Meting  # noqa: B018


def test_namespaces_event_classes_each_map_to_a_plover_category():
    from kg.records import EVENT_TYPES

    graph = _ontology()
    for name in EVENT_TYPES:
        category = graph.value(KG[name], KG.ploverCategory)
        assert category is not None, name
        assert (category, RDF.type, None) in graph, category
    assert (KG.Event, RDF.type, OWL.Class) in graph
