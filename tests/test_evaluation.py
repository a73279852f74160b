"""Scoring extraction output against gold annotations: matching, counts, reports and gold loading."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from helpers import REPO
from kg.errors import InputError, KGError
from kg.evaluation import (
    METRICS, EvalReport, GoldArticle, Score, evaluate, load_gold, parse_gold, prf,
    score_article,
)

FIXTURES = REPO / "tests" / "fixtures" / "evaluation"
EVIDENCE = "Something happened."


def iri(slug: str) -> str:
    return f"https://kg.example/entity/{slug}"


def ent(slug: str, label: str, type_: str = "State", *, wikidata: str | None = None,
        aliases: tuple[str, ...] = (), mentions: tuple[str, ...] = ()) -> dict:
    """A predicted entity as ``kg extract --format json`` prints it."""
    return {"id": iri(slug), "label": label, "type": type_, "wikidata": wikidata,
            "aliases": list(aliases), "mentions": [{"text": m, "start": 0, "end": len(m)} for m in mentions]}


def pevent(type_: str, *slugs: str, place: str | None = None, date_: str | None = None,
           status: str = "asserted") -> dict:
    """A predicted event; participants and place are entity slugs."""
    return {"id": iri(f"event-{type_}"), "type": type_, "participants": [iri(s) for s in slugs],
            "agent": None, "target": None, "place": iri(place) if place else None, "date": date_,
            "date_text": None, "earliest": None, "latest": None, "quantity": None,
            "quantity_qualifier": None, "agreement": None, "status": status, "source": None,
            "confidence": 0.5, "evidence": {"text": EVIDENCE, "start": 0, "end": len(EVIDENCE)}}


def gent(name: str, type_: str = "State", *, wikidata: str | None = None, mentions: tuple[str, ...] = ()) -> dict:
    return {"name": name, "type": type_, "wikidata": wikidata, "mentions": list(mentions)}


def gevent(type_: str, *participants: str, place: str | None = None, date_: str | None = None,
           status: str = "asserted") -> dict:
    return {"type": type_, "participants": list(participants), "place": place, "date": date_,
            "status": status, "evidence": EVIDENCE}


def gold_article(entities=(), positions=(), events=(), relations=(), name: str = "a") -> GoldArticle:
    data = {"published": "2025-11-04", "entities": list(entities), "positions": list(positions),
            "events": list(events), "relations": list(relations)}
    return parse_gold(data, name=name, text=f"Headline\n\n{EVIDENCE}\n")


def predicted(entities=(), posts=(), events=(), relations=()) -> dict:
    return {"article": {"id": iri("article"), "title": "Headline", "published": "2025-11-04",
                        "source": None, "url": None},
            "entities": list(entities), "posts": list(posts), "events": list(events),
            "relations": list(relations)}


def post(person: str, role: str, of: str | None) -> dict:
    return {"person": iri(person), "role": role, "of": iri(of) if of else None, "as_of": None, "evidence": {}}


def rel(subject: str, predicate: str, object_: str) -> dict:
    return {"subject": iri(subject), "predicate": predicate, "object": iri(object_), "evidence": {}}


RUSSIA, NK = gent("Russia", wikidata="Q159"), gent("North Korea", wikidata="Q423")
LAVROV = gent("Sergei Lavrov", "Person")

# (id, gold entities/positions/events/relations, predicted, expected (tp, fp, fn) per metric;
# metrics left out are expected to be (0, 0, 0)).
CASES = [
    ("empty_gold_and_prediction", {}, predicted(), {}),
    ("exact_label", {"entities": [RUSSIA]}, predicted([ent("russia", "Russia")]),
     {"entities": (1, 0, 0)}),
    ("label_folds_case_accents_and_punctuation", {"entities": [gent("Côte d'Ivoire")]},
     predicted([ent("civ", "COTE D’IVOIRE")]), {"entities": (1, 0, 0)}),
    ("predicted_alias_matches_gold_name", {"entities": [NK]},
     predicted([ent("dprk", "DPRK", aliases=("North Korea",))]), {"entities": (1, 0, 0)}),
    ("predicted_mention_text_matches_gold_name", {"entities": [gent("Lavrov", "Person")]},
     predicted([ent("lavrov", "Sergei Lavrov", "Person", mentions=("Lavrov",))]), {"entities": (1, 0, 0)}),
    ("gold_mention_matches_predicted_label",
     {"entities": [gent("Sergei Viktorovich Lavrov", "Person", mentions=("Sergei Lavrov",))]},
     predicted([ent("lavrov", "Sergei Lavrov", "Person")]), {"entities": (1, 0, 0)}),
    ("gold_mention_does_not_match_predicted_alias",
     {"entities": [gent("Sergei Viktorovich Lavrov", "Person", mentions=("Lavrov",))]},
     predicted([ent("lavrov", "Sergey Lavrov", "Person", aliases=("Lavrov",))]), {"entities": (0, 1, 1)}),
    ("equal_wikidata_ids_match_different_names", {"entities": [gent("Russian Federation", wikidata="Q159")]},
     predicted([ent("russia", "Russia", wikidata="Q159")]), {"entities": (1, 0, 0)}),
    ("different_wikidata_ids_do_not_match_equal_names", {"entities": [gent("Georgia", wikidata="Q230")]},
     predicted([ent("georgia", "Georgia", wikidata="Q1428")]), {"entities": (0, 1, 1)}),
    ("one_side_without_wikidata_falls_back_to_names", {"entities": [RUSSIA]},
     predicted([ent("russia", "Russia", wikidata=None)]), {"entities": (1, 0, 0)}),
    ("type_mismatch_does_not_match", {"entities": [gent("Georgia", "State")]},
     predicted([ent("georgia", "Georgia", "Place")]), {"entities": (0, 1, 1)}),
    ("equal_wikidata_with_type_mismatch_does_not_match", {"entities": [RUSSIA]},
     predicted([ent("russia", "Russia", "Organization", wikidata="Q159")]), {"entities": (0, 1, 1)}),
    ("two_predictions_for_one_gold_entity_match_once", {"entities": [NK]},
     predicted([ent("nk", "North Korea"), ent("dprk", "DPRK", aliases=("North Korea",))]),
     {"entities": (1, 1, 0)}),
    ("one_prediction_matches_one_of_two_gold_entities",
     {"entities": [gent("Korea"), gent("North Korea", mentions=("Korea",))]},
     predicted([ent("korea", "Korea")]), {"entities": (1, 0, 1)}),
    ("nothing_predicted", {"entities": [RUSSIA, NK], "events": [gevent("Meeting", "Russia", "North Korea")],
                           "relations": [{"subject": "Russia", "predicate": "allyOf", "object": "North Korea"}]},
     predicted(), {"entities": (0, 0, 2), "events": (0, 0, 1), "events_full": (0, 0, 1),
                   "relations": (0, 0, 1)}),
    ("nothing_in_gold", {}, predicted([ent("russia", "Russia")], events=[pevent("Meeting", "russia")]),
     {"entities": (0, 1, 0), "events": (0, 1, 0), "events_full": (0, 1, 0)}),
    # The more exact match wins even when a looser one comes first: gold North Korea takes the
    # alias match, and the event naming that entity then matches.
    ("greedy_matching_prefers_the_more_exact_candidate",
     {"entities": [NK | {"wikidata": None}], "events": [gevent("Statement", "North Korea")]},
     predicted([ent("pyongyang", "Pyongyang", mentions=("North Korea",)),
                ent("dprk", "DPRK", aliases=("North Korea",))],
               events=[pevent("Statement", "dprk")]),
     {"entities": (1, 1, 0), "events": (1, 0, 0), "events_full": (1, 0, 0)}),
    ("posts_match_on_resolved_person_role_and_of",
     {"entities": [RUSSIA, LAVROV],
      "positions": [{"person": "Sergei Lavrov", "role": "Foreign Minister", "of": "Russia", "as_of": "2025-01-01"}]},
     predicted([ent("rf", "Russian Federation", wikidata="Q159"),
                ent("lavrov", "Sergey Lavrov", "Person", aliases=("Sergei Lavrov",))],
               posts=[post("lavrov", "foreign  minister", "rf")]),
     {"entities": (2, 0, 0), "posts": (1, 0, 0)}),
    ("post_of_the_wrong_state_is_a_miss_and_a_false_positive",
     {"entities": [RUSSIA, NK, LAVROV],
      "positions": [{"person": "Sergei Lavrov", "role": "Foreign Minister", "of": "Russia"}]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea"), ent("lavrov", "Sergei Lavrov", "Person")],
               posts=[post("lavrov", "Foreign Minister", "nk")]),
     {"entities": (3, 0, 0), "posts": (0, 1, 1)}),
    ("post_predicted_twice_counts_once",
     {"entities": [RUSSIA, LAVROV],
      "positions": [{"person": "Sergei Lavrov", "role": "Foreign Minister", "of": "Russia"}]},
     predicted([ent("russia", "Russia"), ent("lavrov", "Sergei Lavrov", "Person")],
               posts=[post("lavrov", "Foreign Minister", "russia")] * 2),
     {"entities": (2, 0, 0), "posts": (1, 0, 0)}),
    ("event_participants_compare_as_a_set",
     {"entities": [RUSSIA, NK], "events": [gevent("Meeting", "Russia", "North Korea")]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")],
               events=[pevent("Meeting", "nk", "russia", "nk")]),
     {"entities": (2, 0, 0), "events": (1, 0, 0), "events_full": (1, 0, 0)}),
    ("event_with_an_extra_participant_does_not_match",
     {"entities": [RUSSIA, NK, LAVROV], "events": [gevent("Meeting", "Russia", "North Korea")]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea"), ent("lavrov", "Sergei Lavrov", "Person")],
               events=[pevent("Meeting", "nk", "russia", "lavrov")]),
     {"entities": (3, 0, 0), "events": (0, 1, 1), "events_full": (0, 1, 1)}),
    ("event_of_another_type_does_not_match",
     {"entities": [RUSSIA, NK], "events": [gevent("Meeting", "Russia", "North Korea")]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")], events=[pevent("Visit", "nk", "russia")]),
     {"entities": (2, 0, 0), "events": (0, 1, 1), "events_full": (0, 1, 1)}),
    ("events_match_one_to_one",
     {"entities": [RUSSIA, NK], "events": [gevent("Meeting", "Russia", "North Korea")] * 2},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")], events=[pevent("Meeting", "nk", "russia")] * 3),
     {"entities": (2, 0, 0), "events": (2, 1, 0), "events_full": (2, 1, 0)}),
    ("events_full_differs_by_date_precision",
     {"entities": [RUSSIA, NK], "events": [gevent("Meeting", "Russia", "North Korea", date_="2025-11-04")]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")],
               events=[pevent("Meeting", "nk", "russia", date_="2025-11")]),
     {"entities": (2, 0, 0), "events": (1, 0, 0), "events_full": (0, 1, 1)}),
    ("events_full_differs_by_status",
     {"entities": [RUSSIA, NK], "events": [gevent("Meeting", "Russia", "North Korea", status="negated")]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")],
               events=[pevent("Meeting", "nk", "russia", status="asserted")]),
     {"entities": (2, 0, 0), "events": (1, 0, 0), "events_full": (0, 1, 1)}),
    ("events_full_compares_resolved_place_and_date",
     {"entities": [RUSSIA, NK, gent("Pyongyang", "Place")],
      "events": [gevent("Visit", "Russia", "North Korea", place="Pyongyang", date_="2025-11-04")]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea"),
                ent("pyongyang", "Pyongyang City", "Place", aliases=("Pyongyang",))],
               events=[pevent("Visit", "russia", "nk", place="pyongyang", date_="2025-11-04")]),
     {"entities": (3, 0, 0), "events": (1, 0, 0), "events_full": (1, 0, 0)}),
    ("events_full_null_place_differs_from_a_place",
     {"entities": [RUSSIA, NK, gent("Pyongyang", "Place")],
      "events": [gevent("Visit", "Russia", "North Korea", place="Pyongyang")]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea"), ent("pyongyang", "Pyongyang", "Place")],
               events=[pevent("Visit", "russia", "nk")]),
     {"entities": (3, 0, 0), "events": (1, 0, 0), "events_full": (0, 1, 1)}),
    ("relations_compare_resolved_names",
     {"entities": [RUSSIA, NK], "relations": [{"subject": "North Korea", "predicate": "supplies", "object": "Russia"}]},
     predicted([ent("rf", "Russian Federation", wikidata="Q159"), ent("dprk", "DPRK", aliases=("North Korea",))],
               relations=[rel("dprk", "supplies", "rf")]),
     {"entities": (2, 0, 0), "relations": (1, 0, 0)}),
    ("relation_with_subject_and_object_swapped_does_not_match",
     {"entities": [RUSSIA, NK], "relations": [{"subject": "North Korea", "predicate": "supplies", "object": "Russia"}]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")], relations=[rel("russia", "supplies", "nk")]),
     {"entities": (2, 0, 0), "relations": (0, 1, 1)}),
    ("ally_of_is_symmetric",
     {"entities": [RUSSIA, NK], "relations": [{"subject": "North Korea", "predicate": "allyOf", "object": "Russia"}]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")], relations=[rel("russia", "allyOf", "nk")]),
     {"entities": (2, 0, 0), "relations": (1, 0, 0)}),
    ("relation_predicted_twice_counts_once",
     {"entities": [RUSSIA, NK], "relations": [{"subject": "North Korea", "predicate": "allyOf", "object": "Russia"}]},
     predicted([ent("russia", "Russia"), ent("nk", "North Korea")],
               relations=[rel("russia", "allyOf", "nk"), rel("nk", "allyOf", "russia")]),
     {"entities": (2, 0, 0), "relations": (1, 0, 0)}),
    ("an_id_missing_from_entities_resolves_by_its_last_path_segment",
     {"entities": [RUSSIA, NK], "relations": [{"subject": "North Korea", "predicate": "supplies", "object": "Russia"}]},
     predicted([ent("russia", "Russia")], relations=[rel("north-korea", "supplies", "russia")]),
     {"entities": (1, 0, 1), "relations": (1, 0, 0)}),
    ("an_unmatched_entity_resolves_by_its_label",
     {"entities": [gent("Georgia", "State")], "events": [gevent("Statement", "Georgia")]},
     predicted([ent("georgia-place", "Georgia", "Place")], events=[pevent("Statement", "georgia-place")]),
     {"entities": (0, 1, 1), "events": (1, 0, 0), "events_full": (1, 0, 0)}),
]


@pytest.mark.parametrize(("gold", "prediction", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_score_article_counts(gold, prediction, expected):
    score = score_article(gold_article(**gold), prediction)
    counts = {metric: (s.tp, s.fp, s.fn) for metric, s in score.scores.items()}
    # EVIDENCE names no one, so every event in these cases is carried by a reference.
    expected = {"events_ref": expected.get("events", (0, 0, 0)), **expected}
    assert counts == {metric: expected.get(metric, (0, 0, 0)) for metric in METRICS}


def test_score_article_treats_missing_prediction_lists_as_empty():
    score = score_article(gold_article(entities=[RUSSIA]), {"entities": [ent("russia", "Russia")]})
    assert {m: (s.tp, s.fp, s.fn) for m, s in score.scores.items()} == {
        "entities": (1, 0, 0), "posts": (0, 0, 0), "events": (0, 0, 0), "events_full": (0, 0, 0),
        "events_ref": (0, 0, 0), "relations": (0, 0, 0)}


def test_score_article_events_ref_counts_only_events_whose_sentence_leaves_someone_unnamed():
    text = "Headline\n\nChoe Son Hui met Sergei Lavrov in Moscow. She also met him again on Friday.\n"
    named, referred = "Choe Son Hui met Sergei Lavrov in Moscow.", "She also met him again on Friday."
    data = {"published": "2025-11-04",
            "entities": [gent("Choe Son Hui", "Person", mentions=("Choe Son Hui",)),
                         gent("Sergei Lavrov", "Person", mentions=("Sergei Lavrov",))],
            "positions": [], "relations": [],
            "events": [gevent("Meeting", "Choe Son Hui", "Sergei Lavrov") | {"evidence": named},
                       gevent("Meeting", "Choe Son Hui", "Sergei Lavrov") | {"evidence": referred}]}
    prediction = predicted([ent("choe", "Choe Son Hui", "Person", mentions=("Choe Son Hui",)),
                            ent("lavrov", "Sergei Lavrov", "Person", mentions=("Sergei Lavrov",))],
                           events=[pevent("Meeting", "choe", "lavrov") | {"evidence": {"text": named}}])
    score = score_article(parse_gold(data, name="a", text=text), prediction)
    assert (score.scores["events"].tp, score.scores["events"].fn) == (1, 1)
    ref = score.scores["events_ref"]
    assert (ref.tp, ref.fp, ref.fn) == (0, 0, 1)


def test_score_article_malformed_prediction_raises_input_error_naming_the_article():
    with pytest.raises(InputError, match=r"^a: the predicted extraction is malformed \(KeyError: 'id'\)"):
        score_article(gold_article(entities=[RUSSIA]), {"entities": [{"label": "Russia", "type": "State"}]})


def test_score_article_lists_missed_and_spurious_items():
    gold = gold_article(entities=[RUSSIA, NK], events=[gevent("Meeting", "Russia", "North Korea", date_="2025-11-04")])
    score = score_article(gold, predicted([ent("russia", "Russia"), ent("kursk", "Kursk", "Place")],
                                          events=[pevent("Meeting", "russia", "north-korea")]))
    assert score.missed["entities"] == ("North Korea (State)",)
    assert score.spurious["entities"] == ("Kursk (Place)",)
    assert score.missed["events"] == score.spurious["events"] == ()
    assert score.missed["events_full"] == ("Meeting | {north korea, russia} | - | 2025-11-04 | asserted",)
    assert score.spurious["events_full"] == ("Meeting | {north korea, russia} | - | - | asserted",)


@pytest.mark.parametrize(("counts", "expected"), [
    ((2, 1, 1), (2 / 3, 2 / 3, 2 / 3)),
    ((1, 0, 1), (1.0, 0.5, 2 / 3)),
    ((0, 0, 0), (1.0, 1.0, 1.0)),
    ((0, 3, 0), (0.0, 0.0, 0.0)),
    ((0, 0, 3), (0.0, 0.0, 0.0)),
    ((0, 1, 1), (0.0, 0.0, 0.0)),
])
def test_prf_defines_empty_denominators(counts, expected):
    assert prf(*counts) == pytest.approx(expected)


def test_score_properties_match_prf():
    score = Score(3, 1, 2)
    assert (score.precision, score.recall, score.f1) == prf(3, 1, 2)
    assert score + Score(1, 1, 1) == Score(4, 2, 3)


def _two_article_report() -> EvalReport:
    gold = [gold_article(entities=[RUSSIA, NK], name="a"), gold_article(entities=[RUSSIA], name="b")]
    predictions = {"a": predicted([ent("russia", "Russia")]),
                   "b": predicted([ent("russia", "Russia"), ent("nk", "North Korea")])}
    return evaluate(gold, lambda article: predictions[article.name])


def test_evaluate_sums_counts_over_articles_before_dividing():
    report = _two_article_report()
    assert [a.name for a in report.articles] == ["a", "b"]
    assert report.articles[0].scores["entities"] == Score(1, 0, 1)
    assert report.articles[1].scores["entities"] == Score(1, 1, 0)
    overall = report.overall["entities"]
    assert overall == Score(2, 1, 1)
    # Micro: 2/3 each, not the mean of per-article F1 (2/3 and 2/3 happen to agree; precision does not).
    assert overall.precision == pytest.approx(2 / 3)
    assert overall.recall == pytest.approx(2 / 3)
    assert report.overall["events"] == Score(0, 0, 0)


def test_evaluate_passes_each_gold_article_to_predict():
    seen = []
    gold = [gold_article(name="a"), gold_article(name="b")]
    evaluate(gold, lambda article: seen.append(article) or predicted())
    assert seen == gold


def test_evaluate_rejects_a_prediction_that_is_not_a_dict():
    with pytest.raises(InputError, match=r"^a: the prediction is list, expected the extraction as a dict\."):
        evaluate([gold_article()], lambda article: [])


def test_report_text_has_a_row_per_article_and_metric_and_an_overall_block():
    lines = _two_article_report().text().split("\n\n")[0].splitlines()
    assert lines[0].split() == ["article", "metric", "tp", "fp", "fn", "precision", "recall", "f1"]
    rows = [line.split() for line in lines if not line.startswith("-")][1:]
    assert len(rows) == 3 * len(METRICS)
    assert rows[0] == ["a", "entities", "1", "0", "1", "1.000", "0.500", "0.667"]
    assert rows[1] == ["posts", "0", "0", "0", "1.000", "1.000", "1.000"]
    assert rows[len(METRICS)] == ["b", "entities", "1", "1", "0", "0.500", "1.000", "0.667"]
    assert rows[2 * len(METRICS)] == ["overall", "entities", "2", "1", "1", "0.667", "0.667", "0.667"]


def test_report_text_details_list_missed_and_spurious():
    text = _two_article_report().text(details=True)
    assert "a: missed entities: North Korea (State)\n" in text
    assert "b: spurious entities: North Korea (State)\n" in text
    assert "missed" not in _two_article_report().text()


def test_report_to_json_is_plain_and_exact():
    data = _two_article_report().to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["metrics"] == list(METRICS)
    assert data["articles"][0]["name"] == "a"
    assert data["articles"][0]["scores"]["entities"] == {
        "tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)}
    assert data["articles"][0]["missed"]["entities"] == ["North Korea (State)"]
    assert data["articles"][1]["spurious"]["entities"] == ["North Korea (State)"]
    assert data["overall"]["entities"]["tp"] == 2
    assert data["overall"]["posts"] == {"tp": 0, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}


def _confidence_report() -> EvalReport:
    gold = gold_article([gent("Russia"), gent("North Korea")],
                        events=[gevent("Meeting", "Russia", "North Korea"), gevent("Combat", "Russia")])
    events = [pevent("Meeting", "russia", "nk"), pevent("Meeting", "russia"), pevent("Combat", "russia"),
              pevent("Visit", "nk")]
    for e, confidence in zip(events, (0.9, 0.85, 0.6, 0.2)):
        e["confidence"] = confidence
    events.append({**pevent("Signing", "nk"), "confidence": None})
    prediction = predicted([ent("russia", "Russia"), ent("nk", "North Korea")], events=events)
    return evaluate([gold], lambda article: prediction)


def test_score_article_marks_each_predicted_event_right_or_wrong_with_its_confidence():
    (article,) = _confidence_report().articles
    assert article.event_hits == (True, False, True, False, False)
    assert article.event_confidence == (0.9, 0.85, 0.6, 0.2, None)


def test_report_counts_events_by_band_of_confidence_and_leaves_out_events_without_one():
    report = _confidence_report()
    assert report.confidence_bands() == [("confidence < 0.5", 1, 0), ("0.5 <= confidence < 0.8", 1, 1),
                                         ("confidence >= 0.8", 2, 1)]
    assert report.text().splitlines()[-1].split() == ["confidence", ">=", "0.8", "2", "1", "0.500"]
    assert report.to_json()["confidence"][2] == {"band": "confidence >= 0.8", "events": 2, "right": 1,
                                                 "precision": 0.5}


def test_report_splits_the_events_score_by_type():
    report = _confidence_report()
    # Meeting: one right, one extra; Combat: right; Visit and Signing: extra, their gold is empty.
    assert report.event_types() == {"Meeting": Score(1, 1, 0), "Visit": Score(0, 1, 0),
                                    "Signing": Score(0, 1, 0), "Combat": Score(1, 0, 0)}
    assert sum(report.event_types().values(), Score()) == report.overall["events"]
    lines = report.text().splitlines()
    assert lines[lines.index(next(l for l in lines if l.startswith("events by type"))) + 1].split() == [
        "Meeting", "1", "1", "0", "0.500", "1.000", "0.667"]
    assert report.to_json()["event_types"]["Combat"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0,
                                                         "recall": 1.0, "f1": 1.0}


def test_report_counts_a_missed_event_against_its_own_type():
    gold = gold_article([gent("Russia")], events=[gevent("Pledge", "Russia")])
    report = evaluate([gold], lambda article: predicted([ent("russia", "Russia")],
                                                        events=[pevent("Statement", "russia")]))
    assert report.event_types() == {"Statement": Score(0, 1, 0), "Pledge": Score(0, 0, 1)}


def test_empty_report_scores_perfectly_and_prints():
    report = EvalReport(articles=())
    assert report.overall == {metric: Score() for metric in METRICS}
    assert "overall" in report.text()


# ---------------------------------------------------------------- the fixture gold set, end to end

def test_load_gold_reads_the_fixture_pair():
    [article] = load_gold(FIXTURES / "gold")
    assert article.name == "lavrov-pyongyang"
    assert article.title == "Lavrov meets Kim in Pyongyang as North Korean troops fight for Russia"
    assert article.published == date(2025, 7, 13)
    assert article.path == str(FIXTURES / "gold" / "lavrov-pyongyang.txt")
    assert [e.name for e in article.entities] == [
        "Russia", "North Korea", "South Korea", "Sergei Lavrov", "Kim Jong Un", "Pyongyang", "Kursk Oblast"]
    assert article.entities[1].mentions == ("North Korean", "North Korea", "Pyongyang")
    assert article.positions[1].of == "North Korea"
    assert [(e.type, e.status, e.quantity) for e in article.events] == [
        ("Meeting", "asserted", None), ("Deployment", "asserted", 11000), ("Meeting", "negated", None)]
    assert article.events[1].source == "South Korea"
    assert article.relations[0].predicate == "allyOf"


def test_evaluate_fixture_prediction_gives_hand_counted_scores():
    gold = load_gold(FIXTURES / "gold")
    prediction = json.loads((FIXTURES / "predicted" / "lavrov-pyongyang.json").read_text(encoding="utf-8"))
    report = evaluate(gold, lambda article: prediction)
    counts = {m: (s.tp, s.fp, s.fn) for m, s in report.articles[0].scores.items()}
    assert counts == {
        # Russia and North Korea by Wikidata ID, Lavrov by alias, Kim by label; Pyongyang is
        # predicted as a State and Kursk is not Kursk Oblast.
        "entities": (4, 2, 3),
        "posts": (1, 0, 1),
        # The negated meeting misses South Korea as a participant.
        "events": (2, 1, 1),
        # The deployment's place is Kursk, not Kursk Oblast.
        "events_full": (1, 2, 2),
        # Every event's sentence names all its participants.
        "events_ref": (0, 0, 0),
        "relations": (1, 1, 0),
    }
    assert report.overall == report.articles[0].scores


# ---------------------------------------------------------------- load_gold errors

VALID = json.loads((FIXTURES / "gold" / "lavrov-pyongyang.json").read_text(encoding="utf-8"))
TEXT = (FIXTURES / "gold" / "lavrov-pyongyang.txt").read_text(encoding="utf-8")


def write_pair(folder: Path, data: object, text: str = TEXT, name: str = "x") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    raw = data if isinstance(data, str) else json.dumps(data, indent=1, ensure_ascii=False)
    (folder / f"{name}.json").write_text(raw, encoding="utf-8")
    return folder


def edited(edit) -> dict:
    data = json.loads(json.dumps(VALID))
    edit(data)
    return data


def test_load_gold_missing_folder(tmp_path):
    with pytest.raises(InputError, match=r"nope: no such folder\.$"):
        load_gold(tmp_path / "nope")


def test_load_gold_empty_folder(tmp_path):
    with pytest.raises(InputError, match=r"no gold articles found; expected NAME\.txt files"):
        load_gold(tmp_path)


def test_load_gold_text_without_json(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.txt: no gold annotations x\.json beside it\.$"):
        load_gold(tmp_path)


def test_load_gold_json_without_text(tmp_path):
    write_pair(tmp_path, VALID)
    (tmp_path / "y.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"y\.json: no article y\.txt beside it\.$"):
        load_gold(tmp_path)


def test_load_gold_invalid_json_names_file_and_line(tmp_path):
    write_pair(tmp_path, '{\n "published": "2025-07-13",\n "entities": [\n}\n')
    with pytest.raises(InputError, match=r"x\.json:4: invalid JSON: .*\(column 1\)\.$") as info:
        load_gold(tmp_path)
    assert isinstance(info.value.__cause__, json.JSONDecodeError)
    assert isinstance(info.value, KGError)


def test_load_gold_reads_every_pair_sorted_by_name(tmp_path):
    write_pair(tmp_path, VALID, name="b")
    write_pair(tmp_path, VALID, name="a")
    assert [a.name for a in load_gold(tmp_path)] == ["a", "b"]


LOAD_ERRORS = [
    ("missing_top_level_key", lambda d: d.pop("relations"), r"x\.json: missing required key\(s\) 'relations'\.$"),
    ("list_expected", lambda d: d.update(positions=None),
     r"x\.json: positions: expected a list \(write \[\] for none\), got null\.$"),
    ("bad_published", lambda d: d.update(published="13/07/2025"),
     r"x\.json: published: expected a date YYYY-MM-DD, got str '13/07/2025'\.$"),
    ("missing_entity_key", lambda d: d["entities"][2].pop("type"),
     r"x\.json: entities\[2\]: missing required key\(s\) 'type'\.$"),
    ("missing_event_key", lambda d: d["events"][0].pop("evidence"),
     r"x\.json: events\[0\]: missing required key\(s\) 'evidence'\.$"),
    ("unknown_key", lambda d: d["events"][0].update(stauts="negated"),
     r"x\.json: events\[0\]: unknown key\(s\) 'stauts'\. Allowed: type, participants, evidence, agent"),
    ("unknown_entity_type", lambda d: d["entities"][0].update(type="Country"),
     r"x\.json: entities\[0\]\.type: unknown entity type 'Country'\. Allowed: State, Person, "),
    ("unknown_event_type", lambda d: d["events"][1].update(type="Invasion"),
     r"x\.json: events\[1\]\.type: unknown event type 'Invasion'\. Allowed: Meeting, "),
    ("unknown_status", lambda d: d["events"][2].update(status="denied"),
     r"x\.json: events\[2\]\.status: unknown status 'denied'\. Allowed: asserted, negated, hedged\.$"),
    ("unknown_predicate", lambda d: d["relations"][0].update(predicate="alliedWith"),
     r"x\.json: relations\[0\]\.predicate: unknown predicate 'alliedWith'\. Allowed: partyTo, allyOf, "),
    ("evidence_not_in_text", lambda d: d["events"][2].update(evidence="Lavrov met nobody."),
     r"x\.json: events\[2\] \(Meeting\): evidence 'Lavrov met nobody\.' does not occur verbatim in "
     r".*x\.txt\.$"),
    ("evidence_with_plain_apostrophes",
     lambda d: d["events"][1].update(evidence="sent about 11,000 soldiers to Russia's Kursk region"),
     r"events\[1\] \(Deployment\): evidence .* does not occur verbatim in .*x\.txt \(it does once quotes "
     r"and dashes are made plain: copy them from the \.txt\)\.$"),
    ("evidence_with_other_whitespace", lambda d: d["events"][2].update(evidence="Lavrov did  not meet"),
     r"does not occur verbatim in .*x\.txt \(it does once whitespace is collapsed"),
    ("unknown_participant", lambda d: d["events"][0]["participants"].append("Kim Yo Jong"),
     r"x\.json: events\[0\] \(Meeting\): participant 'Kim Yo Jong' is not among the entities\. "
     r"Known: Russia, North Korea, "),
    ("unknown_place", lambda d: d["events"][0].update(place="Moscow"),
     r"x\.json: events\[0\] \(Meeting\): place 'Moscow' is not among the entities\."),
    ("unknown_position_person", lambda d: d["positions"][0].update(person="Lavrov"),
     r"x\.json: positions\[0\]: person 'Lavrov' is not among the entities\."),
    ("unknown_relation_object", lambda d: d["relations"][0].update(object="Iran"),
     r"x\.json: relations\[0\]: object 'Iran' is not among the entities\."),
    ("duplicate_entity_name", lambda d: d["entities"].append({"name": "north korea", "type": "State"}),
     r"x\.json: entities\[7\]: name 'north korea' is already used by entity 'North Korea'"),
    ("bad_wikidata", lambda d: d["entities"][0].update(wikidata="159"),
     r"x\.json: entities\[0\]\.wikidata: expected a Wikidata ID such as 'Q159' or null, got '159'\.$"),
    ("bad_event_date", lambda d: d["events"][0].update(date="12 July 2025"),
     r"x\.json: events\[0\]\.date: expected a date YYYY, YYYY-MM or YYYY-MM-DD or null"),
    ("bad_quantity", lambda d: d["events"][1].update(quantity="11,000"),
     r"x\.json: events\[1\]\.quantity: expected a whole number or null, got str '11,000'\.$"),
    ("participant_not_a_string", lambda d: d["events"][0]["participants"].append(7),
     r"x\.json: events\[0\] \(Meeting\): expected a non-empty string, got int 7\.$"),
]


@pytest.mark.parametrize(("edit", "message"), [c[1:] for c in LOAD_ERRORS], ids=[c[0] for c in LOAD_ERRORS])
def test_load_gold_rejects_bad_annotations(tmp_path, edit, message):
    write_pair(tmp_path, edited(edit))
    with pytest.raises(InputError, match=message):
        load_gold(tmp_path)


def test_load_gold_not_a_folder(tmp_path):
    path = write_pair(tmp_path, VALID) / "x.txt"
    with pytest.raises(InputError, match=r"x\.txt: not a folder"):
        load_gold(path)


def test_load_gold_text_not_utf8(tmp_path):
    write_pair(tmp_path, VALID)
    (tmp_path / "x.txt").write_bytes(b"Headline\n\xff\xfe bad")
    with pytest.raises(InputError, match=r"x\.txt: not UTF-8 text"):
        load_gold(tmp_path)


def test_load_gold_copied_fixture_round_trips(tmp_path):
    shutil.copytree(FIXTURES / "gold", tmp_path / "gold")
    [article] = load_gold(tmp_path / "gold")
    assert article.events[0].evidence in article.text


def test_parse_gold_optional_fields_default():
    article = gold_article(entities=[{"name": "Russia", "type": "State"}],
                           events=[{"type": "Statement", "participants": ["Russia"], "evidence": EVIDENCE}])
    assert article.entities[0].wikidata is None and article.entities[0].mentions == ()
    event = article.events[0]
    assert (event.status, event.place, event.date, event.quantity) == ("asserted", None, None, None)


def test_evaluation_module_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, kg.evaluation; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
