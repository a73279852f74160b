"""kg show: an entity's posts, events in time order with evidence, allies and adversaries."""

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli

from test_analyze import load_tiny


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> str:
    return str(load_tiny(tmp_path_factory.mktemp("show") / "tiny.store"))


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    return [line for line in lines[start:end] if line]


def test_show_person_lists_posts_events_in_time_order_and_allies(tiny):
    result = run("show", "Choe Son Hui", "--store", tiny)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("Choe Son Hui (Person, North Korea)\n")
    assert any("Foreign Minister of North Korea" in line and "(reference)" in line for line in section(text, "Posts"))
    events = [line for line in section(text, "Events") if not line.startswith("     ")]
    assert [line.split()[0] for line in events] == ["2024-11-01", "2024-11-04", "2024-11-04"]
    assert "Meeting with Sergei Lavrov" in events[0] and "[hedged]" in events[0]
    assert "\"Choe met Putin in Moscow on Monday.\" — Article A" in text
    assert section(text, "Allies")[0].startswith("  Vladimir Putin  +0.5  (Meeting ×1")
    assert section(text, "Adversaries") == ["  none"]


def test_show_state_counts_its_officials_events_and_names_adversaries(tiny):
    text = run("show", "Russia", "--store", tiny).stdout
    assert "(via Vladimir Putin)" in text
    assert section(text, "Adversaries")[0].startswith("  Ukraine  -1.0  (Combat ×1")
    assert any(line.startswith("  North Korea  +") for line in section(text, "Allies"))


def test_show_claim_that_disagrees_with_the_reference_is_flagged(tiny):
    text = run("show", "Kim Test", "--store", tiny).stdout
    assert "Defence Minister of North Korea  as of 2024-11-05  (DISAGREES with reference)" in text


def test_show_accepts_alias_and_prefixed_iri_and_prints_json(tiny):
    by_alias = json.loads(run("show", "DPRK", "--format", "json", "--store", tiny).stdout)
    by_iri = json.loads(run("show", "state:prk", "--format", "json", "--store", tiny).stdout)
    assert by_alias == by_iri
    assert by_alias["label"] == "North Korea" and by_alias["wikidata"] == "Q423"
    assert by_alias["events"] and all(e["evidence"] for e in by_alias["events"])


def test_show_unknown_entity_exits_1_with_suggestions(tiny):
    result = run("show", "Choe", "--store", tiny)
    assert result.exit_code == 1
    assert result.output.startswith("Error: No entity is called 'Choe'") and "Choe Son Hui" in result.output


@pytest.mark.slow
def test_show_sample_corpus_choe_son_hui_met_lavrov_and_putin(sample_store):
    text = run("show", "Choe Son Hui", "--store", str(sample_store)).stdout
    assert "Meeting with Sergei Lavrov, Vladimir Putin in Moscow" in text
    assert "Vladimir Putin" in "\n".join(section(text, "Allies"))
