"""The event-confidence model: its features, fitting, loading and use by the extractor."""

from __future__ import annotations

import pytest

from kg.errors import ModelError
from kg.extract.confidence import Calibration, event_features, fit, load_calibration, with_confidence
from kg.records import Event, Span

ID = "https://w3id.org/kg/id/"
TYPES = {ID + "state/rus": "State", ID + "state/prk": "State", ID + "person/sergei-lavrov": "Person"}


def event(type_: str, *participants: str, start: int = 0, text: str = "Lavrov met Choe.", **fields) -> Event:
    return Event(type=type_, evidence=Span(text, start, start + len(text)),
                 participants=tuple(ID + p for p in participants), **fields)


def features(*events: Event) -> list[list[str]]:
    return event_features(events, lambda iri: TYPES.get(iri, "unknown"))


def test_features_describe_the_event_each_tied_to_its_type():
    (row,) = features(event("Meeting", "person/sergei-lavrov", "state/prk", status="hedged",
                            place=ID + "place/moscow", agent=ID + "person/sergei-lavrov"))
    assert row[:2] == ["bias", "type=Meeting"]
    assert {"type=Meeting|status=hedged", "type=Meeting|participants=Person+State",
            "type=Meeting|place=True", "type=Meeting|date=False", "type=Meeting|agent=True",
            "type=Meeting|recipient=False", "type=Meeting|neighbours=none", "type=Meeting|repeated=False",
            "type=Meeting|length=0"} <= set(row)
    assert all(f.startswith("type=Meeting") for f in row[1:])


def test_features_see_the_sentence_neighbours_and_an_earlier_report():
    first, beside, again, elsewhere = features(
        event("Meeting", "state/rus", "state/prk"), event("Signing", "state/rus", "state/prk"),
        event("Meeting", "state/prk", "state/rus", start=100), event("Statement", "state/rus", start=200))
    assert "type=Meeting|neighbours=Signing" in first and "type=Signing|neighbours=Meeting" in beside
    assert "type=Meeting|repeated=False" in first and "type=Meeting|repeated=True" in again
    assert "type=Statement|neighbours=none" in elsewhere


def test_features_count_long_sentences_in_steps():
    (short,), (long,) = features(event("Visit", text="x" * 79)), features(event("Visit", text="x" * 1000))
    assert "type=Visit|length=0" in short and "type=Visit|length=3" in long


def test_fit_learns_which_features_go_with_right_events():
    rows = [["bias", "good"]] * 20 + [["bias", "bad"]] * 20 + [["bias", "good"], ["bias", "bad"]]
    right = [True] * 20 + [False] * 20 + [False, True]
    model = fit(rows, right)
    assert model.probability(["bias", "good"]) > 0.7 > 0.3 > model.probability(["bias", "bad"])
    assert model.probability(["bias"]) == pytest.approx(0.5, abs=0.1)
    assert model.about == {"events": 42, "right": 21, "l2": 3.0}
    assert fit(rows, right).weights == model.weights


def test_fit_a_stronger_penalty_keeps_the_weights_smaller():
    rows, right = [["a"]] * 9 + [["b"]] * 9, [True] * 8 + [False] + [False] * 8 + [True]
    assert abs(fit(rows, right, l2=30).weights["a"]) < abs(fit(rows, right, l2=1).weights["a"])


def test_fit_needs_right_and_wrong_events():
    with pytest.raises(ModelError, match="right and events that were wrong"):
        fit([["bias"]] * 3, [True] * 3)


def test_with_confidence_replaces_each_confidence_from_the_model():
    calibration = Calibration(weights={"type=Meeting": 3.0, "type=Combat": -3.0}, about={})
    meeting, combat = with_confidence([event("Meeting"), event("Combat", start=50)], TYPES.get, calibration)
    assert (meeting.confidence, combat.confidence) == (0.95, 0.05)
    assert meeting.type == "Meeting" and meeting.evidence.start == 0


def test_load_calibration_bundled_model_has_a_weight_for_every_event_type():
    weights = load_calibration().weights
    for type_ in ("Meeting", "Visit", "Deployment", "Signing", "Statement", "Pledge", "Combat", "Transfer"):
        assert f"type={type_}" in weights, type_


@pytest.mark.slow
def test_extractor_gives_events_the_confidence_its_model_gives(extractor, article, monkeypatch):
    body = "Sergei Lavrov met Choe Son Hui in Moscow."
    monkeypatch.setattr(extractor, "calibration", Calibration(weights={"type=Meeting": 4.0}, about={}))
    (high,) = [e for e in extractor.extract(article(body)).events if e.type == "Meeting"]
    monkeypatch.setattr(extractor, "calibration", Calibration(weights={"type=Meeting": -4.0}, about={}))
    (low,) = [e for e in extractor.extract(article(body)).events if e.type == "Meeting"]
    assert (high.confidence, low.confidence) == (0.98, 0.02)
