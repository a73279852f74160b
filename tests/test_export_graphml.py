"""GraphML export (kg/export/graphml.py): read back by networkx and by igraph, an independent parser."""

from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest

from kg.errors import KGError
from kg.export.graphml import EDGE_KEYS, NODE_KEYS, export_graphml, graphml_graph, write_graphml
from kg.store import Store

from test_analyze import load_tiny

igraph = pytest.importorskip("igraph", reason="python-igraph is in the test extra: pip install -e '.[test]'")

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
LEVELS = ("events", "actors", "states")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    with Store(load_tiny(tmp_path_factory.mktemp("graphml") / "tiny.store")) as store:
        yield store


def export(store, tmp_path: Path, level: str) -> tuple[Path, int, int]:
    path = tmp_path / f"{level}.graphml"
    nodes, edges = export_graphml(store, path, level=level)
    return path, nodes, edges


def edge_signature(source: str, target: str, data: dict, directed: bool) -> tuple:
    ends = (source, target) if directed else tuple(sorted((source, target)))
    return (*ends, data["label"], data["type"], int(data["evidence_count"]), data["start"], data["end"])


def check_round_trip(path: Path, nodes: int, edges: int) -> None:
    read = nx.read_graphml(path, force_multigraph=True)
    other = igraph.Graph.Read_GraphML(str(path))
    assert (read.number_of_nodes(), read.number_of_edges()) == (nodes, edges)
    assert (other.vcount(), other.ecount()) == (nodes, edges)
    assert other.is_directed() == read.is_directed()

    # Nodes: same ids and the same attributes in both readers.
    ids = other.vs["id"]
    assert sorted(ids) == sorted(read.nodes)
    for vertex in other.vs:
        mine = read.nodes[vertex["id"]]
        assert isinstance(vertex["label"], str) and vertex["label"].strip(), vertex["id"]
        assert isinstance(vertex["type"], str) and vertex["type"]
        assert isinstance(mine["type"], str) and mine["label"] == vertex["label"]
        for key in ("kind", "iri", "wikidata", "color", "start", "end"):
            assert mine[key] == vertex[key], (vertex["id"], key)
        assert int(mine["r"]) == int(vertex["r"])

    # Edges: the same multiset of (ends, label, type, evidence count, dates) in both readers.
    directed = read.is_directed()
    ours = Counter(edge_signature(a, b, d, directed) for a, b, d in read.edges(data=True))
    theirs = Counter(edge_signature(ids[e.source], ids[e.target], e.attributes(), directed) for e in other.es)
    assert ours == theirs
    for _, _, data in read.edges(data=True):
        assert data["label"] and isinstance(data["evidence"], str)


@pytest.mark.parametrize("level", LEVELS)
def test_graphml_networkx_and_igraph_read_the_same_graph(tiny, tmp_path, level):
    check_round_trip(*export(tiny, tmp_path, level))


@pytest.mark.parametrize("level", LEVELS)
def test_graphml_keys_have_one_type_per_name_and_edges_unique_ids(tiny, tmp_path, level):
    path, _, _ = export(tiny, tmp_path, level)
    root = ElementTree.parse(path).getroot()
    keys = [(k.get("for"), k.get("attr.name"), k.get("attr.type"), k.get("id")) for k in root.iter(f"{{{NS['g']}}}key")]
    names = Counter((domain, name) for domain, name, _, _ in keys)
    assert all(count == 1 for count in names.values()), names
    assert all(key_id == name for _, name, _, key_id in keys)  # named keys: no d3/d7 for Gephi to misread
    types = {"string": str, "long": int, "double": float, "boolean": bool}
    for domain, name, kind, _ in keys:
        schema = NODE_KEYS if domain == "node" else EDGE_KEYS
        assert types[kind] is schema[name], (domain, name, kind)
    edge_ids = [e.get("id") for e in root.iter(f"{{{NS['g']}}}edge")]
    assert len(edge_ids) == len(set(edge_ids)) and all(edge_ids)
    assert root.find("g:graph/g:data", NS) is None  # no graph-level attributes
    # Every element carries every declared key of its domain.
    for element, domain in ((e, "edge") for e in root.iter(f"{{{NS['g']}}}edge")):
        assert {d.get("key") for d in element.findall("g:data", NS)} == {k[3] for k in keys if k[0] == domain}


def test_graphml_actor_edges_carry_evidence_and_dates(tiny, tmp_path):
    path, _, _ = export(tiny, tmp_path, "actors")
    read = nx.read_graphml(path, force_multigraph=True)
    edges = {(d["label"], d["start"]): d for _, _, d in read.edges(data=True)}
    meeting = edges[("Meeting", "2024-11-04")]
    assert meeting["evidence_count"] == 2 and meeting["events"] == 1 and meeting["sources"] == 2
    assert meeting["evidence"] == "Choe met Putin in Moscow on Monday."
    assert meeting["interaction"] == "Meeting" and meeting["color"] == "#2ca02c"
    combat = next(d for _, _, d in read.edges(data=True) if d["type"] == "Combat")
    assert combat["signed_weight"] == -1.0 and combat["color"] == "#d62728"
    assert read.nodes["https://w3id.org/kg/id/person/vladimir-putin"]["wikidata"] == "Q7747"


def test_graphml_cleans_control_characters_and_writes_no_none_list_or_dict(tmp_path):
    graph = nx.MultiGraph()
    graph.add_node("a", label="Kim\x00 Jong\x1b Un", kind="Person", wikidata=None, reports=[1, 2], extra={"x": 1})
    graph.add_node("b", label=None, kind="State")
    graph.add_edge("a", "b", key="Meeting", label="Meeting", type="Meeting", evidence="said\x0b so", first=None)
    write_graphml(graph, tmp_path / "g.graphml")
    text = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert "reports" not in text and "extra" not in text and "None" not in text
    read = nx.read_graphml(tmp_path / "g.graphml")
    assert read.nodes["a"]["label"] == "Kim Jong Un" and read.nodes["b"]["label"] == "b"
    assert read.nodes["a"]["wikidata"] == ""
    assert igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml")).es["evidence"] == ["said so"]


def test_graphml_value_of_the_wrong_type_fails_naming_the_attribute(tmp_path):
    graph = nx.MultiGraph()
    graph.add_edge("a", "b", key="Meeting", events=["1", "2"])
    with pytest.raises(KGError, match=r"edge a – b attribute 'events' is list"):
        graphml_graph(graph)


def test_graphml_failed_export_leaves_the_previous_file_intact(tiny, tmp_path, monkeypatch):
    path, _, _ = export(tiny, tmp_path, "actors")
    before = path.read_bytes()

    def broken(graph, out, **options):
        out.write(b"<?xml version='1.0'?><graphml><graph>")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(nx, "write_graphml", broken)
    with pytest.raises(KGError, match="previous file there is unchanged"):
        export_graphml(tiny, path, level="states")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.graphml"]  # no temporary file left


def test_graphml_unknown_level_is_refused(tiny, tmp_path):
    with pytest.raises(KGError, match="Unknown GraphML level 'people'"):
        export_graphml(tiny, tmp_path / "x.graphml", level="people")


@pytest.mark.slow
@pytest.mark.parametrize("level", LEVELS)
def test_graphml_sample_corpus_reads_the_same_in_networkx_and_igraph(sample_store, tmp_path, level):
    with Store(sample_store) as store:
        check_round_trip(*export(store, tmp_path, level))
