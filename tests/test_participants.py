"""The participant model: the facts about each candidate, the choice it makes, and loading it."""

from __future__ import annotations

import pytest

from helpers import the_rules
from kg.extract.logistic import LogisticModel
from kg.extract.participants import candidate_features, choose, load_participant_model

LAVROV, CHOE = "https://w3id.org/kg/id/person/sergei-lavrov", "https://w3id.org/kg/id/person/choe-son-hui"
UKRAINE = "https://w3id.org/kg/id/state/ukr"


def meetings(extractor, article, body: str, model: LogisticModel | None = None) -> list:
    """Extract ``body``; return each meeting with its sentence's facts, as the rules or ``model`` chose."""
    seen = []

    def record(found, roles):
        chosen = choose(found, roles, model) if model else [event for _, event in found]
        seen.extend((event, candidate_features(trigger, event, roles)) for (trigger, _), event in zip(found, chosen))
        return chosen

    extractor.extract(article(body), chooser=record)
    return [(event, facts) for event, facts in seen if event.type == "Meeting"]


def iri_named(extractor, article, body: str, label: str) -> str:
    return next(e.iri for e in extractor.extract(article(body)).entities if e.label == label)


@pytest.mark.slow
def test_candidates_are_the_sentence_s_actors_and_places_with_their_standing(extractor, article):
    body = "Sergei Lavrov met with Choe Son Hui in Moscow to discuss Ukraine."
    ((event, facts),) = meetings(extractor, article, body)
    moscow = iri_named(extractor, article, body, "Moscow")
    assert set(facts) == {LAVROV, CHOE, moscow, UKRAINE}
    assert "T=Meeting|role=agent" in facts[LAVROV] and "T=Meeting|side=before|role=agent" in facts[LAVROV]
    assert "T=Meeting|prep=with" in facts[CHOE] and "T=Meeting|gov=TRIGGER" in facts[CHOE]
    assert {"ET=Place", "T=Meeting|place|role=none", "T=Meeting|prep=in"} <= set(facts[moscow])
    assert "T=Meeting|role=none" in facts[UKRAINE] and "T=Meeting|gov=discuss" in facts[UKRAINE]
    assert all(f.startswith(("bias", "ET=", "role=", "T=Meeting")) for f in facts[UKRAINE])


@pytest.mark.slow
def test_a_participant_named_before_the_sentence_is_a_candidate_without_a_place_in_it(extractor, article):
    ((event, facts),) = meetings(extractor, article, "Sergei Lavrov flew to Pyongyang. There he met Choe Son Hui.")
    assert event.agent == LAVROV
    assert "T=Meeting|not_in_sentence|role=agent" in facts[LAVROV]
    assert not any("|dep=" in f for f in facts[LAVROV]) and "T=Meeting|dep=dobj" in facts[CHOE]


@pytest.mark.slow
def test_each_event_is_described_from_its_own_trigger_when_the_word_comes_twice(extractor, article):
    body = "Sergei Lavrov met Choe Son Hui in Moscow, and Wang Yi met Antony Blinken in Beijing."
    first, second = meetings(extractor, article, body)
    wang, blinken = (iri_named(extractor, article, body, name) for name in ("Wang Yi", "Antony Blinken"))
    assert first[0].participants == (LAVROV, CHOE) and second[0].participants == (wang, blinken)
    for (event, facts), others in ((first, (wang, blinken)), (second, (LAVROV, CHOE))):
        assert all("T=Meeting|gov=TRIGGER" in facts[iri] for iri in event.participants)
        assert all("T=Meeting|gov=meet" in facts[iri] for iri in others)
    assert "T=Meeting|side=before|role=agent" in second[1][wang]


@pytest.mark.slow
def test_candidates_stand_by_how_often_the_article_names_them_and_how_near_the_trigger(extractor, article):
    body = ("North Korea and Russia signed a pact in June. Sergei Lavrov met Choe Son Hui and Kim Jong Un in "
            "Wonsan, North Korea's resort city.")
    ((event, facts),) = meetings(extractor, article, body)
    kim, prk = (iri_named(extractor, article, body, name) for name in ("Kim Jong Un", "North Korea"))
    assert "T=Meeting|ET=State|mentioned=2|role=none" in facts[prk]
    assert "T=Meeting|most_named_state=True|role=none|named=True" in facts[prk]
    assert "T=Meeting|ET=Person|mentioned=1|role=agent" in facts[LAVROV]
    assert [f for iri in (LAVROV, CHOE, kim) for f in facts[iri] if "nearer_of_kind" in f] == [
        f"T=Meeting|ET=Person|nearer_of_kind={n}|in=True" for n in (0, 1, 2)]


@pytest.mark.slow
def test_choose_keeps_the_rules_participants_first_and_adds_what_the_model_keeps(extractor, article):
    body = "Sergei Lavrov met with Choe Son Hui in Moscow to discuss Ukraine."
    ((rules, _),) = meetings(extractor, article, body)
    model = LogisticModel(weights={"bias": -1.0, "role=agent": 3.0, "role=other": 3.0, "role=recipient": 3.0,
                                   "ET=State": 3.0}, about={})
    ((chosen, _),) = meetings(extractor, article, body, model)
    assert rules.participants == (LAVROV, CHOE)
    assert chosen.participants == (LAVROV, CHOE, UKRAINE)
    assert (chosen.agent, chosen.evidence, chosen.place) == (rules.agent, rules.evidence, rules.place)


@pytest.mark.slow
def test_choose_drops_an_agent_the_model_does_not_keep(extractor, article):
    model = LogisticModel(weights={"bias": -2.0, "T=Meeting|prep=with": 4.0}, about={})
    ((chosen, _),) = meetings(extractor, article, "Sergei Lavrov met with Choe Son Hui in Moscow.", model)
    assert chosen.participants == (CHOE,) and chosen.agent is None


@pytest.mark.slow
def test_choose_leaves_the_rules_choice_when_the_model_keeps_no_one(extractor, article):
    body = "Sergei Lavrov met with Choe Son Hui in Moscow."
    ((rules, _),) = meetings(extractor, article, body)
    ((chosen, _),) = meetings(extractor, article, body, LogisticModel(weights={"bias": -5.0}, about={}))
    assert chosen == rules


@pytest.mark.slow
def test_extractor_uses_its_participant_model(extractor, article, monkeypatch):
    body = "Sergei Lavrov met with Choe Son Hui in Moscow to discuss Ukraine."
    monkeypatch.setattr(extractor, "participants", LogisticModel(weights={"bias": 5.0, "ET=Place": -10.0}, about={}))
    (meeting,) = [e for e in extractor.extract(article(body)).events if e.type == "Meeting"]
    assert set(meeting.participants) == {LAVROV, CHOE, UKRAINE}
    (meeting,) = [e for e in extractor.extract(article(body), chooser=the_rules).events if e.type == "Meeting"]
    assert set(meeting.participants) == {LAVROV, CHOE}


def test_load_bundled_model_was_fitted_on_the_dev_set():
    model = load_participant_model()
    assert model.about["articles"] >= 500 and model.about["min_count"] == 3
    assert model.weights["T=Meeting|role=agent"] > 0 > model.weights["ET=Place"]
