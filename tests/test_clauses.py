"""The parts of a trigger's clause: a parsed sentence → the governing verb, the noun a clause
describes, the heads that carry places, and the prepositions."""

import pytest

from kg.extract.clauses import clause_head, described, path_up, place_heads, prepositions
from kg.extract.lexicon import load_lexicon

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("sentence, noun, head", [
    ("Putin held talks with Kim in Moscow.", "talks", "held"),
    ("Lavrov made a visit to Pyongyang.", "visit", "made"),
    # A noun that no light verb governs heads its own clause.
    ("The summit opened.", "summit", "summit"),
])
def test_clause_head_climbs_to_the_light_verb(word, sentence, noun, head):
    assert clause_head(word(sentence, noun), load_lexicon()).text == head


@pytest.mark.parametrize("sentence, verb, noun", [
    ("Moscow thanked the troops his country had sent.", "sent", "troops"),
    ("Iranian weapons supplied to the Houthis were seized.", "supplied", "weapons"),
])
def test_described_is_the_noun_the_clause_acts_on(word, sentence, verb, noun):
    assert [t.text for t in described(word(sentence, verb))] == [noun]


def test_described_is_nothing_for_a_main_verb(word):
    assert described(word("Russia sent troops to Belarus.", "sent")) == []


def test_place_heads_reach_into_the_clause_the_trigger_governs(word):
    trigger = word("Kim pledged to erect a monument in the capital.", "pledged")
    assert [t.text for t in place_heads(trigger, trigger)] == ["pledged", "erect", "monument"]


def test_prepositions_follow_coordinated_ones(word):
    verb = word("Putin met with Kim in Moscow and at Vostochny.", "met")
    assert [p.text for p in prepositions([verb])] == ["with", "in", "at"]


def test_path_up_lists_the_words_below_the_ancestor_or_none(extractor):
    doc = extractor.nlp("Putin met Xi in Moscow on Friday.")
    met, moscow = doc[1], doc[4]
    assert [t.text for t in path_up(moscow, met)] == ["Moscow", "in"]
    assert path_up(met, moscow) is None
    assert path_up(met, met) == []
