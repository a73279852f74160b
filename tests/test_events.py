"""Which settled events keep the sides their type needs (``events.has_sides``)."""

from types import SimpleNamespace

import pytest

from kg.extract.events import has_sides
from kg.extract.lexicon import load_lexicon
from kg.records import Event, Span

KINDS = {"usa": "State", "ukr": "State", "biden": "Person", "xi": "Person", "nato": "Organization"}


def _event(type_: str, *participants: str) -> Event:
    return Event(type=type_, evidence=Span("A sentence.", 0, 11), participants=participants)


def _word(lemma: str, obj: str | None = None) -> SimpleNamespace:
    children = [SimpleNamespace(dep_="dobj", lemma_=obj, lower_=obj, children=[])] if obj else []
    return SimpleNamespace(lemma_=lemma, children=children)


@pytest.fixture(scope="module")
def roles():
    return SimpleNamespace(lexicon=load_lexicon(), type_of=KINDS.get)


@pytest.mark.parametrize("trigger, event, kept", [
    ("send", _event("Transfer", "usa", "ukr"), True),
    # The other side was lost: a sender alone, or a lone leader who signs.
    ("send", _event("Transfer", "usa"), False),
    ("sign", _event("Signing", "biden"), False),
    # A leader signs a law alone.
    (("sign", "decree"), _event("Signing", "biden"), True),
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
    word = _word(*trigger) if isinstance(trigger, tuple) else _word(trigger)
    assert has_sides(word, event, roles) is kept


def test_the_two_sided_types_come_from_the_lexicon():
    assert load_lexicon().two_sided == {"Transfer", "Signing"}
