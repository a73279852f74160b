import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import Store

from helpers import REPO, SEED_ARTICLE

pytestmark = pytest.mark.slow


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_cli_samples_answer_whom_choe_met_where_and_when(sample_store):
    result = run("query", "meetings", "--param", "who=Choe Son Hui", "--format", "json", "--store", str(sample_store))
    assert result.exit_code == 0, result.output
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(result.output)["results"]["bindings"]]
    october = [r for r in rows if r.get("date") == "2025-10"]
    assert october, rows
    (meeting,) = october
    assert {"Choe Son Hui", "Sergei Lavrov", "Vladimir Putin"} <= set(meeting["participants"].split(", "))
    assert meeting["place"] == "Moscow" and meeting["when"] == "late October"
    assert "held talks with" in meeting["evidence"]


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="the shared seed article is not beside the repository")
def test_cli_seed_article_meeting_with_evidence(tmp_path):
    store = str(tmp_path / "demo.store")
    assert run("ingest", str(SEED_ARTICLE), "--store", store, "--quiet").exit_code == 0
    result = run("query", "meetings", "--format", "json", "--store", store)
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(result.output)["results"]["bindings"]]
    matches = [r for r in rows if {"Choe Son Hui", "Sergei Lavrov", "Vladimir Putin"} <= set(r["participants"].split(", "))]
    assert len(matches) == 1, rows
    assert matches[0]["place"] == "Moscow"
    assert "met with Russian Foreign Minister Sergei Lavrov" in matches[0]["evidence"]


def test_cli_ingesting_twice_leaves_the_triple_count_unchanged(tmp_path):
    store = str(tmp_path / "s")
    sample = str(REPO / "kg" / "samples" / "01-choe-moscow-october-2025.md")
    run("ingest", sample, "--store", store, "--quiet")
    first = json.loads(run("stats", "--format", "json", "--store", store).output)
    second_run = run("ingest", sample, "--store", store)
    second = json.loads(run("stats", "--format", "json", "--store", store).output)
    assert first == second
    assert "0 article(s) written, 1 unchanged" in second_run.output


def test_cli_bad_files_get_their_own_errors_and_the_rest_are_ingested(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)))
    (tmp_path / "good.txt").write_text("Good News\n\nChoe Son Hui met Sergei Lavrov in Moscow.\n")
    result = run("ingest", str(tmp_path), "--store", str(tmp_path / "s"))
    assert result.exit_code == 1
    assert re.search(r"Error: .*empty\.txt: the article has no text", result.output)
    assert re.search(r"Error: .*photo\.txt: looks like a binary file", result.output)
    assert "1 article(s) written" in result.output
    meetings = run("query", "meetings", "--format", "csv", "--store", str(tmp_path / "s")).output
    assert "Sergei Lavrov" in meetings


def test_cli_validate_passes_on_the_sample_corpus(sample_store):
    result = run("validate", "--store", str(sample_store))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms")


def test_cli_validate_fails_with_a_readable_report_on_a_broken_graph(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix kg: <https://w3id.org/kg/ont#> .\n"
        "<http://example.org/e1> a kg:Meeting ; kg:participant <https://w3id.org/kg/id/place/moscow> ;\n"
        "  kg:status kg:asserted .\n")
    result = run("validate", str(broken))
    assert result.exit_code == 1
    assert "Does not conform" in result.output
    assert "http://example.org/e1" in result.output
    assert "needs evidence" in result.output and "one confidence" in result.output
    assert "must be a state, person, organisation or military unit" in result.output


def test_cli_query_refuses_service_with_a_clear_error(sample_store):
    result = run("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "--store", str(sample_store))
    assert result.exit_code == 1
    assert result.output.startswith("Error: SERVICE is refused")


def test_cli_query_syntax_error_exits_1_with_position(sample_store):
    result = run("query", "SELECT ?s WHERE { ?s ?p }", "--store", str(sample_store))
    assert result.exit_code == 1 and "line 1, column" in result.output


def test_cli_query_reads_stdin_and_lists_bundled_queries(sample_store):
    result = run("query", "-", "--format", "csv", "--store", str(sample_store), input="SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Meeting }")
    assert int(result.output.split()[1]) >= 5
    listing = run("query", "--list").output
    assert re.search(r"^meetings\s+Meetings: who met whom", listing, re.M)


def test_cli_stats_counts_classes_and_graphs(sample_store):
    result = run("stats", "--store", str(sample_store))
    assert result.exit_code == 0
    assert re.search(r"^kg:Meeting\s+\d+$", result.output, re.M)
    assert re.search(r"^graph:reference\s+\d+$", result.output, re.M)


def test_cli_second_writer_is_told_the_store_is_busy(tmp_path):
    path = tmp_path / "s"
    with Store(path, write=True):
        result = subprocess.run([sys.executable, "-m", "kg", "ingest", "--samples", "--store", str(path)],
                                capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Error:" in result.stderr and "busy" in result.stderr


def test_cli_missing_store_says_how_to_make_one(tmp_path):
    result = run("stats", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and "kg ingest" in result.output


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    help_text = run(command, "--help").output
    assert "Example" in help_text, command
    readme = (REPO / "README.md").read_text()
    assert f"kg {command}" in readme, command


def test_cli_usage_mistake_exits_2():
    assert run("ingest").exit_code == 2
    assert run("query", "--format", "xml", "meetings").exit_code == 2
