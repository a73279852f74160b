"""kg export graphml and kg export rdf."""

import shutil
import subprocess

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli

from test_analyze import load_tiny


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> str:
    return str(load_tiny(tmp_path_factory.mktemp("export") / "tiny.store"))


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("level, nodes", [("states", 7), ("actors", 11)])
def test_export_graphml_writes_the_level_asked_for(tiny, tmp_path, level, nodes):
    path = tmp_path / "g.graphml"
    result = run("export", "graphml", "-o", str(path), "--level", level, "--store", tiny)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"Wrote {path}: {nodes} nodes" in result.stderr
    assert nx.read_graphml(path).number_of_nodes() == nodes


def test_export_graphml_needs_an_output_file(tiny):
    assert run("export", "graphml", "--store", tiny).exit_code == 2


def test_export_graphml_into_a_missing_folder_exits_1(tiny, tmp_path):
    result = run("export", "graphml", "-o", str(tmp_path / "no" / "g.graphml"), "--store", tiny)
    assert result.exit_code == 1 and result.output.startswith("Error: ")


def test_export_rdf_writes_to_stdout_by_default(tiny):
    result = run("export", "rdf", "--format", "nquads", "--store", tiny)
    assert result.exit_code == 0
    quads = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {
        "https://w3id.org/kg/graph/article/test-a", "https://w3id.org/kg/graph/article/test-b",
        "https://w3id.org/kg/graph/merged"}


def test_export_rdf_with_reference_to_a_file(tiny, tmp_path):
    path = tmp_path / "all.trig"
    result = run("export", "rdf", "--format", "trig", "--with-reference", "-o", str(path), "--store", tiny)
    assert result.exit_code == 0 and "quads (trig)" in result.stderr
    graphs = {q.graph_name.value for q in ox.parse(path=path, format=ox.RdfFormat.TRIG)}
    assert "https://w3id.org/kg/graph/reference" in graphs


@pytest.mark.skipif(shutil.which("rapper") is None,
                    reason="Debian's rapper is not installed (apt-get install raptor2-utils)")
def test_export_rdf_turtle_from_the_cli_parses_with_rapper(tiny, tmp_path):
    path = tmp_path / "g.ttl"
    run("export", "rdf", "--format", "turtle", "-o", str(path), "--store", tiny)
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_export_rdf_unknown_format_is_a_usage_error(tiny):
    assert run("export", "rdf", "--format", "rdfxml", "--store", tiny).exit_code == 2


@pytest.mark.parametrize("command", [("export",), ("export", "graphml"), ("export", "rdf")])
def test_export_help_has_an_example(command):
    assert "Example" in run(*command, "--help").output
