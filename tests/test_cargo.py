"""What a cargo trigger moves: a parsed sentence → its kind of cargo, number and offer."""

import pytest

from kg.extract.cargo import cargo_quantity, cargo_type, offered
from kg.extract.clauses import clause_head
from kg.extract.lexicon import load_lexicon

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("sentence, noun, expected", [
    ("Pyongyang sent about 10,000 troops to Russia.", "troops", (10000, "approximately")),
    ("Moscow received more than 1,500 soldiers.", "soldiers", (1500, "atLeast")),
    ("Kyiv got 31 tanks.", "tanks", (31, "exactly")),
    # A vague amount is no number.
    ("Seoul delivered hundreds of tanks.", "hundreds", (None, None)),
])
def test_cargo_quantity_reads_the_number_and_its_qualifier(word, sentence, noun, expected):
    assert cargo_quantity(word(sentence, noun), load_lexicon()) == expected


@pytest.mark.parametrize("sentence, verb, expected", [
    ("Pyongyang sent 10,000 troops to Russia.", "sent", "Deployment"),
    ("Berlin sent tanks to Kyiv.", "sent", "Transfer"),
    ("Washington supplied Kyiv with shells.", "supplied", "Transfer"),
    # "deploy" stays a deployment whatever is deployed.
    ("Moscow deployed missiles to Belarus.", "deployed", "Deployment"),
    # Neither people nor arms: no event.
    ("Beijing sent good wishes to Moscow.", "sent", None),
    # Money alone is promised, even to a state named as the object; money in aid is the aid.
    ("China would provide 360 billion yuan in financing to Africa.", "provide", "Pledge"),
    ("Washington would give Argentina $40 million in military financing.", "give", "Pledge"),
    ("Washington provided $1 billion in military aid to Ukraine.", "provided", "Transfer"),
    # "with" may hang on the receiver.
    ("Xi said China would provide the five countries with 26 billion yuan in financing.", "provide", "Pledge"),
    # A pronoun sends what follows its "of".
    ("Denmark has given Ukraine all of its Caesar howitzers.", "given", "Transfer"),
    ("Germany sent some of its troops to Lithuania.", "sent", "Deployment"),
    # So does a word of quantity; the noun of what is counted may be a modifier ("arms imports").
    ("Vietnam buys most of its weapons from Russia.", "buys", "Transfer"),
    ("China has supplied more than four-fifths of Pakistan's arms imports.", "supplied", "Transfer"),
    # A clause sends what it describes.
    ("They will replace the 14 Gripen fighters that Prague has leased from Sweden.", "leased", "Transfer"),
    # Guard: a modifier of what is given is not what is given.
    ("The memorandum would give US warships priority through the canal.", "give", None),
])
def test_cargo_type_follows_what_is_sent(word, sentence, verb, expected):
    lexicon = load_lexicon()
    trigger = word(sentence, verb)
    type_ = lexicon.verbs[trigger.lemma_.lower()]
    assert cargo_type(trigger, type_, clause_head(trigger, lexicon), lexicon) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Pyongyang is ready to send more troops.", True),
    ("Pyongyang decided to send more troops.", False),
])
def test_offered_needs_an_offer_adjective(word, sentence, expected):
    assert offered(word(sentence, "send"), load_lexicon()) is expected
