"""Every bundled query in kg/queries/, run on the sample corpus and checked against what it says."""

from __future__ import annotations

import re
import shlex
from datetime import date

import pytest

from kg.query import bundled_queries, run_query
from kg.read.source import read_article
from kg.samples import samples_dir
from kg.store import Store

#: The queries this module tests; a new bundled query must be added here and tested.
TESTED = {"meetings", "events", "posts", "agreements", "corroborated", "deployments", "allies",
          "timeline", "evidence", "conflicts", "post-claims"}

#: Two articles written for these tests: they report one deployment with different numbers, and
#: one gives Sergei Shoigu a title he no longer held on its date.
CONFLICTING_ARTICLES = {
    "a.md": """---
published: 2024-11-05
url: https://example.org/kg-tests/a
---
North Korea Sends Troops To Russia

North Korea sent 10,000 troops to Russia on Monday, according to South Korea's National Intelligence Service.

Russian Defence Minister Sergei Shoigu met North Korean leader Kim Jong Un in Pyongyang on Friday.
""",
    "b.md": """---
published: 2024-11-05
url: https://example.org/kg-tests/b
---
Pyongyang Dispatches Soldiers

North Korea sent 12,000 troops to Russia on Monday, the Pentagon said.
""",
}


@pytest.fixture(scope="module")
def sample(sample_store):
    with Store(sample_store) as store:
        yield store


@pytest.fixture(scope="module")
def conflicting(tmp_path_factory):
    from kg.ingest import ingest

    folder = tmp_path_factory.mktemp("conflicting")
    for name, text in CONFLICTING_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "conflicting.store"
    report = ingest([str(folder)], store=path)
    assert not report.failed, report.failed
    with Store(path) as store:
        yield store


def rows(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    """Run a bundled query and return its rows as dicts of plain strings ('' when unbound)."""
    result = run_query(store, bundled_queries()[name].text, params=params)
    return [{v: (term.value if term is not None else "") for v, term in zip(result.variables, row)}
            for row in result.rows]


def example_params(name: str) -> dict[str, str]:
    """Return the parameters of the query's Example line."""
    line = next(line for line in bundled_queries()[name].header.splitlines() if line.startswith("Example:"))
    words = shlex.split(line[len("Example:"):])
    assert words[:3] == ["kg", "query", name], line
    params = {}
    for flag, value in zip(words, words[1:]):
        if flag == "--param":
            key, _, val = value.partition("=")
            params[key] = val
    return params


# ------------------------------------------------------------------------------ headers

def test_queries_every_bundled_query_is_tested_here():
    assert set(bundled_queries()) == TESTED


@pytest.mark.parametrize("name", sorted(TESTED))
def test_queries_header_has_a_summary_parameters_and_an_example(name):
    query = bundled_queries()[name]
    assert re.match(r"^[A-Z][\w -]+: \S", query.summary), query.summary
    assert "Parameter" in query.header
    example = example_params(name)
    for param in example:
        assert re.search(rf"COALESCE\(\?{param}\b", query.text), f"{name}: ?{param} is not optional"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TESTED))
def test_queries_example_runs_on_the_sample_corpus(sample, name):
    found = rows(sample, name, **example_params(name))
    # The sample corpus has no conflicting reports (see the tests below), and its one corroborated
    # event is a signing by Kim Jong Un and Putin, which the corroborated example does not name.
    if name not in {"conflicts", "corroborated"}:
        assert found, name


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TESTED))
def test_queries_without_parameters_do_not_filter(sample, name):
    everything = rows(sample, name)
    example = rows(sample, name, **example_params(name))
    assert len(everything) >= len(example)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TESTED))
def test_queries_repeat_no_row(sample, name):
    # A place kg names itself ("the Kremlin") is stored with every article that names it; the
    # union of the article graphs must not turn that into repeated rows.
    everything = [tuple(row.items()) for row in rows(sample, name)]
    assert len(everything) == len(set(everything)), name


# ------------------------------------------------------------------------------ meetings, events

@pytest.mark.slow
def test_queries_meetings_choe_son_hui_met_lavrov_and_putin_in_moscow(sample):
    found = rows(sample, "meetings", who="Choe Son Hui")
    assert all("Choe Son Hui" in row["participants"] for row in found)
    moscow = [row for row in found if row["place"] == "Moscow" and row["date"].startswith("2025-10")]
    assert moscow, found
    row = moscow[0]
    assert {"Sergei Lavrov", "Vladimir Putin"} <= set(row["participants"].split(", "))
    assert "Lavrov" in row["evidence"] and "Putin" in row["evidence"]
    assert row["status"] == "asserted"
    assert row["article"] == "North Korean Foreign Minister Holds Talks With Lavrov And Putin In Moscow"


@pytest.mark.slow
def test_queries_events_filters_by_class_name_and_keeps_negated_events(sample):
    visits = rows(sample, "events", class_name="Visit")
    assert visits and {row["type"] for row in visits} == {"Visit"}
    everything = rows(sample, "events")
    negated = [row for row in everything if row["status"] == "negated"]
    assert any("Volodymyr Zelenskyy" in row["participants"] and "not" in row["evidence"] for row in negated)


# ------------------------------------------------------------------------------ posts, agreements

@pytest.mark.slow
def test_queries_posts_shoigu_was_defence_minister_until_may_2024_then_security_council(sample):
    found = rows(sample, "posts", who="Shoigu")
    posts = [row["post"] for row in found]
    defence = posts.index("Defence Minister of Russia")
    council = next(i for i, post in enumerate(posts) if "Security Council" in post)
    assert defence < council
    assert found[defence]["end"].startswith("2024-05")
    assert found[council]["start"].startswith("2024-05") and found[council]["end"] == ""


@pytest.mark.slow
def test_queries_post_claims_choe_son_hui_is_foreign_minister_as_the_reference_agrees(sample):
    found = rows(sample, "post-claims", who="Choe Son Hui")
    assert found and all(row["person"] == "Choe Son Hui" for row in found)
    assert {(row["role"], row["state"], row["agrees"]) for row in found} == {("Foreign Minister", "North Korea", "true")}
    assert [row["asOf"] for row in found] == sorted(row["asOf"] for row in found)


@pytest.mark.slow
def test_queries_agreements_russia_north_korea_treaty_has_both_parties(sample):
    found = rows(sample, "agreements", party="North Korea")
    treaty = next(row for row in found if row["agreement"].startswith("Treaty on Comprehensive Strategic Partnership between Russia and North Korea"))
    assert set(treaty["parties"].split(", ")) == {"Russia", "North Korea"}
    assert treaty["signed"] == "2024-06-19"
    assert all("North Korea" in row["parties"] for row in found)


@pytest.mark.slow
def test_queries_corroborated_the_pyongyang_treaty_signing_is_reported_twice(sample):
    found = rows(sample, "corroborated", who="Putin")
    signing = [row for row in found if row["type"] == "Signing" and "Kim Jong Un" in row["participants"]]
    assert signing and int(signing[0]["sources"]) >= 2


# ------------------------------------------------------------------------------ deployments

@pytest.mark.slow
def test_queries_deployments_north_korea_sent_troops_with_a_qualified_quantity(sample):
    found = rows(sample, "deployments", who="North Korea")
    counted = [row for row in found if row["sender"] == "North Korea" and row["quantity"]]
    assert counted, found
    for row in counted:
        number = int(row["quantity"])
        assert f"{number:,}" in row["evidence"]
        assert row["qualifier"] in {"exactly", "approximately", "at least", "at most"}
    assert any(row["qualifier"] == "approximately" and "about" in row["evidence"] for row in counted)
    assert any(row["source"] == "National Intelligence Service" for row in counted)


@pytest.mark.slow
def test_queries_deployments_name_receiver_and_source_in_a_fresh_store(conflicting):
    found = rows(conflicting, "deployments", who="Pentagon")
    assert [(row["sender"], row["quantity"], row["recipient"], row["source"]) for row in found] == [
        ("North Korea", "12000", "Russia", "Pentagon")]


# ------------------------------------------------------------------------------ allies

@pytest.mark.slow
def test_queries_allies_of_north_korea_are_russia_by_treaty_and_meetings(sample):
    found = rows(sample, "allies", state="North Korea")
    assert found and {row["country"] for row in found} == {"North Korea"}
    russia = {(row["tie"], row["via"]) for row in found if row["ally"] == "Russia"}
    assert ("agreement", "Treaty on Comprehensive Strategic Partnership between Russia and North Korea") in russia
    assert ("event", "Meeting") in russia
    treaty = next(row for row in found if row["tie"] == "agreement" and row["ally"] == "Russia")
    assert int(treaty["articles"]) >= 1 and "(" in treaty["evidence"]


@pytest.mark.slow
def test_queries_allies_leave_out_negated_events_and_include_alliance_members(sample):
    china = rows(sample, "allies", state="China")
    assert not any(row["ally"] == "Ukraine" for row in china)  # "Xi has not held talks with … Zelenskyy"
    assert any(row["ally"] == "Russia" and row["via"] == "Meeting" for row in china)
    russia = rows(sample, "allies", state="Russia")
    assert ("Belarus", "alliance", "CSTO") in {(row["ally"], row["tie"], row["via"]) for row in russia}
    assert all(row["country"] != row["ally"] for row in rows(sample, "allies"))


# ------------------------------------------------------------------------------ timeline

@pytest.mark.slow
def test_queries_timeline_of_choe_son_hui_is_in_date_order(sample):
    found = rows(sample, "timeline", who="Choe Son Hui")
    assert len(found) >= 5
    starts = [date.fromisoformat(row["start"]) for row in found]
    assert starts == sorted(starts)
    assert all("Choe Son Hui" in row["participants"] for row in found)
    assert any(row["type"] == "Meeting" and "Sergei Lavrov" in row["participants"] and row["place"] == "Moscow"
               for row in found)
    assert all(row["evidence"] and row["article"] and row["event"].startswith("https://w3id.org/kg/id/event/")
               for row in found)


# ------------------------------------------------------------------------------ evidence

@pytest.fixture(scope="module")
def sample_texts():
    articles = [read_article(str(path)) for path in sorted(samples_dir().glob("*.md")) if path.name != "README.md"]
    return {article.url: article.text for article in articles}


@pytest.mark.slow
def test_queries_evidence_sentences_occur_in_the_article_at_their_offsets(sample, sample_texts):
    found = rows(sample, "evidence", who="Choe Son Hui", whom="Lavrov")
    assert found
    for row in found:
        text = sample_texts[row["url"]]
        assert text[int(row["start"]):int(row["end"])] == row["sentence"]
        assert "Lavrov" in row["sentence"] or "Lavrov" in row["about"]
        assert row["article"] == text.split("\n", 1)[0].strip()
    assert any(row["kind"] == "Meeting" for row in found)


@pytest.mark.slow
def test_queries_evidence_every_sentence_in_the_store_is_at_its_offsets(sample, sample_texts):
    found = rows(sample, "evidence")
    assert len(found) > 50
    assert all(sample_texts[row["url"]][int(row["start"]):int(row["end"])] == row["sentence"] for row in found)


@pytest.mark.slow
def test_queries_evidence_for_one_event_by_iri_and_by_compact_name(sample):
    meeting = next(row for row in rows(sample, "timeline", who="Lavrov") if row["type"] == "Meeting")
    iri = meeting["event"]
    for spelling in (f"<{iri}>", iri, "id:" + iri.removeprefix("https://w3id.org/kg/id/")):
        found = rows(sample, "evidence", event=spelling)
        assert [row["fact"] for row in found] == [iri], spelling
        assert found[0]["sentence"] == meeting["evidence"]
    assert rows(sample, "evidence", event="<https://w3id.org/kg/id/event/none>") == []


@pytest.mark.slow
def test_queries_evidence_for_a_merged_event_gives_each_report(sample):
    merged = run_query(sample, "SELECT ?m WHERE { ?m a kg:MergedEvent ; kg:sourceCount ?n } ORDER BY DESC(?n) ?m LIMIT 1")
    iri = merged.rows[0][0].value
    reports = run_query(sample, f"SELECT ?e WHERE {{ <{iri}> kg:merges ?e }}")
    found = rows(sample, "evidence", event=f"<{iri}>")
    assert {row["fact"] for row in found} == {row[0].value for row in reports.rows}
    assert len({row["article"] for row in found}) >= 2


# ------------------------------------------------------------------------------ conflicts

@pytest.mark.slow
def test_queries_conflicts_on_the_sample_corpus_match_the_merged_graph(sample):
    found = rows(sample, "conflicts")
    notes = run_query(sample, "SELECT ?c WHERE { ?m a kg:MergedEvent ; kg:conflict ?c }").rows
    disputed = run_query(sample, "SELECT ?c WHERE { ?c a kg:PostClaim ; kg:agreesWithReference false }").rows
    assert len([row for row in found if row["kind"] == "event"]) == len(notes)
    assert len([row for row in found if row["kind"] == "post"]) == len(disputed)


@pytest.mark.slow
def test_queries_conflicts_show_both_troop_numbers_and_the_outdated_title(conflicting):
    found = rows(conflicting, "conflicts")
    event = next(row for row in found if row["kind"] == "event")
    assert event["about"].startswith("Deployment: ") and "North Korea" in event["about"]
    assert "10000" in event["claim"] and "12000" in event["claim"] and event["sources"] == "2"
    assert "10,000" in event["evidence"] and "12,000" in event["evidence"]
    post = next(row for row in found if row["kind"] == "post")
    assert post["about"] == "Sergei Shoigu"
    assert post["claim"] == "Defence Minister of Russia on 2024-11-05"
    assert "Defence Minister of Russia 2012-11-06–2024-05-12" in post["reference"]
    assert "Security Council Secretary of Russia 2024-05-12–" in post["reference"]
    assert "Shoigu" in post["evidence"]
    assert [row["kind"] for row in rows(conflicting, "conflicts", who="Shoigu")] == ["post"]


@pytest.mark.slow
def test_queries_post_claims_flag_a_title_the_reference_contradicts(conflicting):
    found = rows(conflicting, "post-claims", who="Shoigu")
    assert [(row["role"], row["state"], row["agrees"]) for row in found] == [("Defence Minister", "Russia", "false")]
