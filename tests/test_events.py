"""Which settled events keep the sides their type needs (``events.has_sides``)."""

from types import SimpleNamespace

import pytest

from kg.extract.events import has_sides
from kg.extract.lexicon import load_lexicon
from kg.records import Event, Span

KINDS = {"usa": "State", "ukr": "State", "biden": "Person", "xi": "Person", "nato": "Organization"}


def _event(type_: str, *participants: str) -> Event:
    return Event(type=type_, evidence=Span("A sentence.", 0, 11), participants=participants)


def _word(lemma: str) -> SimpleNamespace:
    return SimpleNamespace(lemma_=lemma)


@pytest.fixture(scope="module")
def roles():
    return SimpleNamespace(lexicon=load_lexicon(), type_of=KINDS.get)


@pytest.mark.parametrize("trigger, event, kept", [
    ("send", _event("Transfer", "usa", "ukr"), True),
    # The other side was lost: a sender alone, or a lone leader who signs.
    ("send", _event("Transfer", "usa"), False),
    ("sign", _event("Signing", "biden"), False),
    # One party ratifies on its own; an organisation adopts a declaration on its own.
    ("ratify", _event("Signing", "usa"), True),
    ("sign", _event("Signing", "nato"), True),
    ("meet", _event("Meeting", "biden", "xi"), True),
    ("meet", _event("Meeting", "biden"), False),
    # One organisation meets as a whole: "NATO leaders ended a two-day summit".
    ("summit", _event("Meeting", "nato"), True),
    # One side is enough for the other types.
    ("deploy", _event("Deployment", "usa"), True),
    ("say", _event("Statement", "biden"), True),
])
def test_has_sides(roles, trigger, event, kept):
    assert has_sides(_word(trigger), event, roles) is kept


def test_the_two_sided_types_come_from_the_lexicon():
    assert load_lexicon().two_sided == {"Transfer", "Signing"}
