"""The networkx projections and alliance analytics (kg/analyze.py).

Most tests read a tiny hand-written store (tests/fixtures/analyze/tiny.trig) in which each event
tests one rule; the last ones read the ingested sample corpus.
"""

from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.analyze import (actor_graph, alliance_blocs, centrality, event_graph, graph_ties, newest_ties,
                        state_graph, strongest_ties)
from kg.store import Store

from helpers import REPO

TINY = REPO / "tests" / "fixtures" / "analyze" / "tiny.trig"
RUS, PRK, UKR, USA, IRN = (f"https://w3id.org/kg/id/state/{c}" for c in ("rus", "prk", "ukr", "usa", "irn"))
PUTIN, CHOE, LAVROV = (f"https://w3id.org/kg/id/person/{p}" for p in ("vladimir-putin", "choe-son-hui", "sergei-lavrov"))
KIM_TEST = "https://w3id.org/kg/id/person/kim-test"
TREATY = "https://w3id.org/kg/id/agreement/rus-prk-comprehensive-strategic-partnership"


def load_tiny(path: Path) -> Path:
    """Write the tiny fixture into a new store at ``path``."""
    graphs: dict[str, list] = {}
    for quad in ox.parse(path=TINY, format=ox.RdfFormat.TRIG):
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    with Store(path, write=True) as store:
        store.replace_graphs(graphs)
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    with Store(load_tiny(tmp_path_factory.mktemp("analyze") / "tiny.store")) as store:
        yield store


def edge(graph, a, b, key):
    return graph.get_edge_data(a, b, key=key)


def test_actor_graph_merged_reports_count_as_one_event_from_two_sources(tiny):
    meeting = edge(actor_graph(tiny), CHOE, PUTIN, "Meeting")
    assert (meeting["events"], meeting["sources"], meeting["evidence_count"]) == (1, 2, 2)
    assert meeting["first"] == meeting["last"] == "2024-11-04"
    assert meeting["evidence"] == "Choe met Putin in Moscow on Monday."  # the surer of the two reports
    assert {e.headline for e in meeting["reports"]} == {"Article A", "Article B"}


def test_actor_graph_negated_event_makes_no_edge(tiny):
    assert not actor_graph(tiny).has_edge(USA, RUS)


def test_actor_graph_hedged_event_is_kept_and_flagged(tiny):
    meeting = edge(actor_graph(tiny), CHOE, LAVROV, "Meeting")
    assert meeting["hedged"] is True and meeting["hedged_events"] == 1
    assert edge(actor_graph(tiny), CHOE, PUTIN, "Meeting")["hedged"] is False


@pytest.mark.parametrize("a, b, key, signed", [
    (CHOE, PUTIN, "Meeting", 0.5),                    # CONSULT: verbal cooperation
    (RUS, UKR, "Combat", -1.0),                       # ASSAULT: material conflict
    (PRK, RUS, "Deployment", 1.0),                    # AID: material cooperation
    (IRN, RUS, "https://w3id.org/kg/ont#supplies", 1.0),   # a stated relation, AID
    (PRK, RUS, f"Agreement {TREATY}", 0.5),           # agreement parties, like a signing (AGREE)
])
def test_actor_graph_signed_weight_follows_plover_quad_classes(tiny, a, b, key, signed):
    assert edge(actor_graph(tiny), a, b, key)["signed_weight"] == signed


def test_actor_graph_deployment_to_a_place_ties_the_sender_to_the_host_state(tiny):
    deployment = edge(actor_graph(tiny), PRK, RUS, "Deployment")
    assert deployment["label"] == "Deployment" and deployment["first"] == "2024-10-01"
    assert "Kursk region" in deployment["evidence"]


def test_actor_graph_agreement_ties_its_parties_with_its_label(tiny):
    treaty = edge(actor_graph(tiny), PRK, RUS, f"Agreement {TREATY}")
    assert treaty["type"] == "Agreement" and "Comprehensive Strategic Partnership" in treaty["label"]
    assert (treaty["first"], treaty["last"]) == ("2024-06-19", "2024-11-05")  # signed .. mentioned


def test_actor_graph_undated_event_takes_its_articles_date(tiny):
    meeting = edge(actor_graph(tiny), LAVROV, PUTIN, "Meeting")
    assert meeting["first"] == meeting["last"] == "2024-11-05"


def test_actor_graph_nodes_carry_label_type_wikidata_and_state(tiny):
    graph = actor_graph(tiny)
    assert graph.nodes[PUTIN]["label"] == "Vladimir Putin" and graph.nodes[PUTIN]["state"] == RUS
    assert graph.nodes[PUTIN]["wikidata"] == "Q7747"
    assert graph.nodes[KIM_TEST]["type"] == "Person" and graph.nodes[KIM_TEST]["state"] == PRK
    assert graph.nodes[RUS]["kind"] == "State" and graph.nodes[RUS]["events"] == 2  # the combat and the deployment


def test_actor_graph_window_keeps_events_that_overlap_it(tiny):
    graph = actor_graph(tiny, since=date(2024, 11, 3))
    assert graph.has_edge(CHOE, PUTIN) and graph.has_edge(LAVROV, PUTIN)
    assert not graph.has_edge(CHOE, LAVROV) and not graph.has_edge(RUS, UKR)
    assert graph.has_edge(PRK, RUS, key=f"Agreement {TREATY}")  # signed before, mentioned after
    old = actor_graph(tiny, until=date(2023, 12, 31))
    assert {frozenset(e) for e in old.edges()} == {frozenset(p) for p in [
        ("https://w3id.org/kg/id/state/usa", "https://w3id.org/kg/id/state/jpn"),
        ("https://w3id.org/kg/id/state/usa", "https://w3id.org/kg/id/state/kor"),
        ("https://w3id.org/kg/id/state/jpn", "https://w3id.org/kg/id/state/kor")]}


def test_state_graph_rolls_officials_up_to_their_state(tiny):
    graph = state_graph(tiny)
    assert PUTIN not in graph and CHOE not in graph and KIM_TEST not in graph
    meetings = edge(graph, PRK, RUS, "Meeting")
    # Choe-Putin (merged), Choe-Lavrov (hedged) and Kim Test-Putin (state from a post claim).
    assert (meetings["events"], meetings["evidence_count"], meetings["sources"]) == (3, 4, 2)
    assert meetings["hedged_events"] == 1 and meetings["hedged"] is False


def test_state_graph_drops_ties_inside_one_state(tiny):
    assert not state_graph(tiny).has_edge(RUS, RUS)


def test_event_graph_has_role_edges_and_keeps_negated_events(tiny):
    graph = event_graph(tiny)
    e1 = "https://w3id.org/kg/id/event/test/e1"
    assert graph.nodes[e1]["kind"] == "Event" and graph.nodes[e1]["quad"] == "VerbalCooperation"
    assert set(graph[e1]) == {CHOE, PUTIN, "https://w3id.org/kg/id/place/moscow"}
    assert set(graph[e1][CHOE]) == {"agent"} and set(graph[e1][PUTIN]) == {"participant"}
    assert graph.nodes["https://w3id.org/kg/id/event/test/e5"]["status"] == "negated"
    assert graph.nodes[e1]["merged"] == "https://w3id.org/kg/id/event/merged/test-m1"


def test_alliance_blocs_separate_cooperating_groups(tiny):
    blocs = alliance_blocs(state_graph(tiny))
    assert [set(b.labels) for b in blocs] == [{"Russia", "North Korea", "Iran"},
                                              {"United States", "Japan", "South Korea"}]
    assert blocs[0].members[0] == RUS  # the most central member first
    assert all(t.signed_weight > 0 for b in blocs for t in b.ties)
    assert "Ukraine" not in {label for b in blocs for label in b.labels}


def test_alliance_blocs_are_the_same_on_every_run(tiny):
    graph = state_graph(tiny)
    assert alliance_blocs(graph) == alliance_blocs(graph)


def test_centrality_strongest_and_newest_ties(tiny):
    graph = state_graph(tiny)
    scores = centrality(graph)
    assert scores[RUS] == max(scores.values()) > scores[PRK] > scores[UKR] == 0.0
    assert strongest_ties(graph, n=1)[0].key == "Meeting"  # 3 meetings x 0.5
    newest = newest_ties(graph, n=3)
    assert [t.first for t in newest] == sorted((t.first for t in newest), reverse=True)
    assert all(t.first >= "2024-11-01" for t in newest_ties(graph, since=date(2024, 11, 1)))


def test_graph_ties_read_back_every_edge(tiny):
    graph = actor_graph(tiny)
    assert len(graph_ties(graph)) == graph.number_of_edges()


# ------------------------------------------------------------------ the sample corpus

@pytest.fixture(scope="module")
def sample(sample_store):
    with Store(sample_store) as store:
        yield store


@pytest.mark.slow
def test_sample_russia_and_north_korea_are_one_bloc_tied_by_treaty_and_meetings(sample):
    blocs = alliance_blocs(state_graph(sample))
    (bloc,) = [b for b in blocs if RUS in b.members]
    assert PRK in bloc.members
    ties = {t.type for t in bloc.ties if {t.source, t.target} == {RUS, PRK}}
    assert {"Agreement", "Meeting"} <= ties
    partnership = [t for t in bloc.ties if t.type == "Agreement" and {t.source, t.target} == {RUS, PRK}]
    assert "Partnership" in partnership[0].label and partnership[0].evidence_count >= 1


@pytest.mark.slow
def test_sample_russia_and_north_korea_are_tied_by_the_deployment(sample):
    graph = state_graph(sample)
    assert graph.has_edge(PRK, RUS, key="Deployment") or graph.has_edge(
        PRK, RUS, key="https://w3id.org/kg/ont#deployedTo")


@pytest.mark.slow
def test_sample_us_japan_south_korea_are_a_bloc_apart_from_russia(sample):
    blocs = alliance_blocs(state_graph(sample))
    (west,) = [b for b in blocs if USA in b.members]
    assert {"Japan", "South Korea"} <= set(west.labels) and RUS not in west.members
