"""Which state stands behind an actor or hosts a place, read from the reference KB."""

import pytest

from kg.extract.gazetteer import load_gazetteer
from kg.extract.lexicon import load_lexicon
from kg.extract.linking import ArticleContext
from kg.extract.roles import Roles
from kg.extract.states import host_state, own_state, person_state, state_body_owner

ID = "https://w3id.org/kg/id/"
RUSSIA, PRK = ID + "state/rus", ID + "state/prk"
LAVROV, CHOE = ID + "person/sergei-lavrov", ID + "person/choe-son-hui"
MFA, NATO, WAGNER = ID + "org/rus-foreign-ministry", ID + "org/nato", ID + "org/wagner-group"
MOSCOW = ID + "place/moscow"


@pytest.fixture(scope="module")
def roles():
    context = ArticleContext(load_gazetteer())
    for iri in (RUSSIA, PRK, LAVROV, CHOE, MFA, NATO, WAGNER, MOSCOW):
        context.register(iri)
    return Roles(None, {}, context, load_lexicon(), 0)


@pytest.mark.parametrize("actor, expected", [
    (LAVROV, RUSSIA),
    (MFA, RUSSIA),
    (RUSSIA, RUSSIA),
    # An alliance or an armed group has no state of its own.
    (NATO, NATO),
    (WAGNER, WAGNER),
])
def test_own_state_is_the_state_a_person_or_state_body_acts_for(roles, actor, expected):
    assert own_state(actor, roles) == expected


def test_person_state_leaves_bodies_and_state_body_owner_leaves_people(roles):
    assert (person_state(LAVROV, roles), person_state(MFA, roles)) == (RUSSIA, MFA)
    assert (state_body_owner(MFA, roles), state_body_owner(LAVROV, roles)) == (RUSSIA, LAVROV)


def test_host_state_is_the_places_state_unless_it_is_the_visitors_own(roles):
    assert host_state(CHOE, MOSCOW, roles) == [RUSSIA]
    assert host_state(PRK, MOSCOW, roles) == [RUSSIA]
    assert host_state(LAVROV, MOSCOW, roles) == []
    assert host_state(CHOE, RUSSIA, roles) == [RUSSIA]
