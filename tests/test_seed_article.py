"""Acceptance: what an analyst checks first on the user's example article."""

from datetime import date

import pytest

from helpers import SEED_ARTICLE

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="the shared seed article is not beside the repository")]

ID = "https://w3id.org/kg/id/"
PRK, RUS, NIS = ID + "state/prk", ID + "state/rus", ID + "org/kor-nis"
CHOE, LAVROV, PUTIN, GERASIMOV, KIM = (ID + "person/" + p for p in (
    "choe-son-hui", "sergei-lavrov", "vladimir-putin", "valery-gerasimov", "kim-jong-un"))
TREATY = ID + "agreement/rus-prk-comprehensive-strategic-partnership"


@pytest.fixture(scope="module")
def seed(extractor):
    from kg.read.source import read_article

    return extractor.extract(read_article(str(SEED_ARTICLE), published=date(2025, 11, 4)))


def _events(seed, type_):
    return [e for e in seed.events if e.type == type_]


def test_seed_meeting_of_choe_with_lavrov_and_putin_in_moscow_late_october(seed):
    (meeting,) = [e for e in _events(seed, "Meeting") if {CHOE, LAVROV, PUTIN} <= set(e.participants)]
    assert meeting.place == ID + "place/moscow"
    assert (meeting.date, meeting.earliest, meeting.latest) == ("2025-10", date(2025, 10, 21), date(2025, 10, 31))


def test_seed_deployment_of_about_10000_troops_since_september_according_to_the_nis(seed):
    (deployment,) = [e for e in _events(seed, "Deployment") if e.quantity == 10000]
    assert (deployment.agent, deployment.recipient, deployment.quantity_qualifier) == (PRK, RUS, "approximately")
    assert (deployment.source, deployment.status) == (NIS, "asserted")
    assert deployment.date_text == "since September" and deployment.earliest == date(2025, 9, 1)


def test_seed_further_5000_are_hedged(seed):
    (more,) = [e for e in _events(seed, "Deployment") if e.quantity == 5000]
    assert more.status == "hedged" and more.agent == PRK


def test_seed_about_1000_engineers(seed):
    (engineers,) = [e for e in _events(seed, "Deployment") if e.quantity == 1000]
    assert (engineers.agent, engineers.quantity_qualifier) == (PRK, "approximately")


def test_seed_combat_in_the_kursk_region_alongside_russian_forces(seed):
    combat = _events(seed, "Combat")
    assert any(e.agent == PRK and RUS in e.participants for e in combat)
    places = {e.place for e in combat}
    assert ID + "place/kursk-oblast" in places and ID + "place/korenevo" in places
    named = {m.entity for m in seed.mentions}
    assert {ID + "place/staraya-sorochina", ID + "place/novaya-sorochina"} <= named


def test_seed_gerasimov_credits_north_korean_units_under_the_partnership_agreement(seed):
    (statement,) = [e for e in _events(seed, "Statement") if e.agent == GERASIMOV and e.agreement]
    assert statement.agreement == TREATY and PRK in statement.participants


def test_seed_kim_pledges_a_monument_in_pyongyang(seed):
    (pledge,) = _events(seed, "Pledge")
    assert (pledge.agent, pledge.place) == (KIM, ID + "place/pyongyang")


def test_seed_posts_match_the_reference(seed):
    posts = {(p.person, p.role, p.of) for p in seed.posts}
    assert {(CHOE, "Foreign Minister", PRK), (LAVROV, "Foreign Minister", RUS),
            (PUTIN, "Head of State", RUS), (GERASIMOV, "Chief of the General Staff", RUS)} <= posts
    assert all(p.agrees_with_reference for p in seed.posts if p.person in {CHOE, LAVROV, PUTIN, GERASIMOV})


def test_seed_russia_and_north_korea_are_parties_to_the_partnership(seed):
    parties = {(r.subject, r.object) for r in seed.relations if r.predicate == "partyTo"}
    assert {(RUS, TREATY), (PRK, TREATY)} <= parties


def test_seed_no_entity_is_a_heading_fragment(seed):
    labels = {e.label for e in seed.entities}
    assert not labels & {"Pyongyang Strengthen", "Discipline", "Determination", "Battlefield"}
