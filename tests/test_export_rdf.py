"""RDF export (kg/export/rdf.py): every syntax parses, in Debian's rapper where it reads it."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import KGError
from kg.export.rdf import export_graph_names, export_rdf, write_rdf
from kg.store import ONTOLOGY_GRAPH, REFERENCE_GRAPH, Store

from test_analyze import load_tiny

RAPPER = shutil.which("rapper")
needs_rapper = pytest.mark.skipif(
    RAPPER is None, reason="Debian's rapper is not installed (apt-get install raptor2-utils)")
#: rapper's names for the syntaxes it reads; it has no JSON-LD parser.
RAPPER_SYNTAX = {"turtle": "turtle", "trig": "trig", "nquads": "nquads"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    with Store(load_tiny(tmp_path_factory.mktemp("rdf") / "tiny.store")) as store:
        yield store


def rapper_count(path: Path, syntax: str) -> int:
    """Parse a file with rapper and return how many statements it read."""
    done = subprocess.run([RAPPER, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return int(re.search(r"returned (\d+) (?:triples|statements)", done.stderr).group(1))


@needs_rapper
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rdf_export_parses_with_rapper(tiny, tmp_path, fmt):
    path = tmp_path / f"export.{fmt}"
    count = export_rdf(tiny, path, fmt=fmt)
    assert count > 0 and rapper_count(path, RAPPER_SYNTAX[fmt]) == count


@needs_rapper
def test_rdf_export_with_reference_parses_with_rapper(tiny, tmp_path):
    path = tmp_path / "all.trig"
    count = export_rdf(tiny, path, fmt="trig", with_reference=True)
    assert rapper_count(path, "trig") == count == tiny.count()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_rdf_export_jsonld_reads_back_with_pyoxigraph_and_rdflib(tiny, tmp_path):
    path = tmp_path / "export.jsonld"
    count = export_rdf(tiny, path, fmt="jsonld")
    quads = list(ox.parse(path=path, format=ox.RdfFormat.JSON_LD))
    assert len(quads) == count
    dataset = rdflib.Dataset()
    dataset.parse(path, format="json-ld")
    assert len(list(dataset.quads((None, None, None, None)))) == count
    assert '"@context"' not in path.read_text()  # nothing to fetch


def test_rdf_export_keeps_graph_names_and_leaves_out_reference_by_default(tiny, tmp_path):
    names = export_graph_names(tiny)
    assert ONTOLOGY_GRAPH not in names and REFERENCE_GRAPH not in names
    assert "https://w3id.org/kg/graph/merged" in names and len(names) == 3
    path = tmp_path / "export.nq"
    export_rdf(tiny, path, fmt="nquads")
    graphs = {q.graph_name.value for q in ox.parse(path=path, format=ox.RdfFormat.N_QUADS)}
    assert graphs == set(names)
    assert set(export_graph_names(tiny, with_reference=True)) == set(names) | {ONTOLOGY_GRAPH, REFERENCE_GRAPH}


def test_rdf_export_turtle_writes_each_triple_once(tiny):
    out = io.BytesIO()
    count = write_rdf(tiny, out, fmt="turtle", with_reference=True)
    triples = list(ox.parse(out.getvalue(), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(set(triples)) == count
    assert count < tiny.count()  # Kim Test is described in both articles, written once
    assert b"@prefix kg: <https://w3id.org/kg/ont#>" in out.getvalue()


def test_rdf_export_round_trips_the_store(tiny, tmp_path):
    path = tmp_path / "all.nq"
    export_rdf(tiny, path, fmt="nquads", with_reference=True)
    assert set(ox.parse(path=path, format=ox.RdfFormat.N_QUADS)) == set(tiny.oxigraph)


def test_rdf_export_failure_leaves_the_previous_file_intact(tiny, tmp_path, monkeypatch):
    path = tmp_path / "export.trig"
    export_rdf(tiny, path, fmt="trig")
    before = path.read_bytes()

    def broken(items, output, fmt, **options):
        output.write(b"@prefix kg: <https://w3id.org/kg/ont#> .\n<")
        raise OSError(27, "File too large")

    monkeypatch.setattr(ox, "serialize", broken)
    with pytest.raises(KGError, match="previous file there is unchanged"):
        export_rdf(tiny, path, fmt="trig")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["export.trig"]


def test_rdf_export_unknown_format_is_refused(tiny):
    with pytest.raises(KGError, match="Unknown RDF format 'rdfxml'"):
        write_rdf(tiny, io.BytesIO(), fmt="rdfxml")


@pytest.mark.slow
@needs_rapper
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rdf_export_sample_corpus_parses_with_rapper(sample_store, tmp_path, fmt):
    path = tmp_path / f"sample.{fmt}"
    with Store(sample_store) as store:
        count = export_rdf(store, path, fmt=fmt, with_reference=True)
    assert rapper_count(path, RAPPER_SYNTAX[fmt]) == count
