"""kg alliances: one paragraph per bloc, with the ties that bind it and their evidence counts."""

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import cli

from test_analyze import load_tiny


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> str:
    return str(load_tiny(tmp_path_factory.mktemp("alliances") / "tiny.store"))


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_alliances_prints_one_paragraph_per_bloc_separated_by_blank_lines(tiny):
    result = run("alliances", "--store", tiny)
    assert result.exit_code == 0, result.output
    paragraphs = result.stdout.strip().split("\n\n")
    assert len(paragraphs) == 2
    first, second = (p.splitlines() for p in paragraphs)
    assert first[0] == "Bloc 1 (3 members): Russia, Iran, North Korea"
    assert second[0].startswith("Bloc 2 (3 members): ") and "Japan" in second[0]
    tie = next(line for line in first if line.startswith("  North Korea – Russia: "))
    assert "Meeting (3 events, 4 evidence)" in tie and "Deployment (1 event, 1 evidence)" in tie
    assert re.search(r"Treaty on Comprehensive Strategic Partnership[^;]* \(agreement, 1 evidence\)", tie)


def test_alliances_json_lists_blocs_members_ties_and_strongest_and_newest(tiny):
    result = run("alliances", "--format", "json", "--store", tiny)
    data = json.loads(result.stdout)
    assert data["level"] == "states"
    members = [[m["label"] for m in bloc["members"]] for bloc in data["blocs"]]
    assert members[0] == ["Russia", "Iran", "North Korea"]
    assert all(t["signed_weight"] > 0 and t["evidence_count"] >= 0 for t in data["blocs"][0]["ties"])
    assert data["strongest"] and data["newest"]


def test_alliances_window_and_actor_level(tiny):
    recent = run("alliances", "--since", "2024-11-01", "--store", tiny).stdout
    assert "Japan" not in recent and "North Korea" in recent
    actors = run("alliances", "--level", "actors", "--store", tiny).stdout
    assert "Vladimir Putin" in actors and "Choe Son Hui" in actors


def test_alliances_no_blocs_says_so_on_stderr(tiny):
    result = run("alliances", "--until", "2000-01-01", "--store", tiny)
    assert result.exit_code == 0 and result.stdout == ""
    assert "No blocs" in result.stderr


def test_alliances_bad_date_is_a_usage_error(tiny):
    result = run("alliances", "--since", "last year", "--store", tiny)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_alliances_missing_store_exits_1(tmp_path):
    result = run("alliances", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and result.output.startswith("Error: ")


@pytest.mark.slow
def test_alliances_sample_corpus_puts_russia_and_north_korea_in_one_bloc(sample_store):
    result = run("alliances", "--store", str(sample_store))
    assert result.exit_code == 0, result.output
    (bloc,) = [p for p in result.stdout.split("\n\n") if "Russia" in p.splitlines()[0]]
    assert "North Korea" in bloc.splitlines()[0]
    tie = next(line for line in bloc.splitlines() if re.match(r"  (North Korea – Russia|Russia – North Korea): ", line))
    assert re.search(r"Meeting \(\d+ events, \d+ evidence\)", tie)
    assert re.search(r"Partnership[^;]*\(agreement, \d+ evidence\)", tie)
