"""What a sentence's candidate events become: folded, attributed, denied, promised."""

import pytest

pytestmark = pytest.mark.slow

ID = "https://w3id.org/kg/id/"
PRK, RUSSIA, UKRAINE, IRAN = (ID + "state/" + code for code in ("prk", "rus", "ukr", "irn"))


def test_reconcile_a_warning_is_a_statement_beside_the_strike_it_threatens(extractor, article):
    body = "Iran's army chief warned that Iran would hit Israel much harder."
    events = extractor.extract(article(body)).events
    assert sorted((e.type, e.status) for e in events) == [("Combat", "hedged"), ("Statement", "asserted")]


def test_reconcile_the_purpose_of_fighting_folds_into_the_fight(extractor, article):
    body = "North Korean soldiers fought alongside Russian troops to drive Ukrainian forces out of the Kursk region."
    (combat,) = [e for e in extractor.extract(article(body)).events if e.type == "Combat"]
    assert set(combat.participants) == {PRK, RUSSIA, UKRAINE}


def test_reconcile_a_relative_clause_inside_a_pledge_is_not_promised(extractor, article):
    body = ("Kim Jong Un told his guest that North Korea would keep expanding cooperation with Russia "
            "under the treaty that it signed with Russia in June 2024.")
    types = sorted(e.type for e in extractor.extract(article(body)).events)
    assert types == ["Pledge", "Signing"]


def test_reconcile_a_denial_in_its_own_clause_adds_a_negated_copy(extractor, article):
    body = "Washington says Iran has sent Russia ballistic missiles, a claim Tehran denies."
    transfers = [e for e in extractor.extract(article(body)).events if e.type == "Transfer"]
    assert sorted(e.status for e in transfers) == ["asserted", "negated"]
    assert all(set(e.participants) == {IRAN, RUSSIA} for e in transfers)
