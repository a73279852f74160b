"""One candidate, several events: sentences that tell at once what happened more than once."""

from datetime import date

import pytest

from helpers import RulesOnly

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor(extractor):
    """The rules alone: these tests are about what the rules find, not what the participant model keeps."""
    return RulesOnly(extractor)


def _casts(extraction) -> list[tuple]:
    label = {e.iri: e.label for e in extraction.entities}
    return [(e.type, {label[p] for p in e.participants}) for e in extraction.events]


@pytest.mark.parametrize("body, expected", [
    # A trip to two places is a visit to each.
    ("Vladimir Putin visited Tajikistan and Turkmenistan this week.",
     [("Visit", {"Vladimir Putin", "Tajikistan"}), ("Visit", {"Vladimir Putin", "Turkmenistan"})]),
    # Two givers named together each give.
    ("The United States and Germany have each promised Ukraine a Patriot battery.",
     [("Pledge", {"United States", "Ukraine"}), ("Pledge", {"Germany", "Ukraine"})]),
    # Strikes by two states named on the strike noun are one strike each on the target.
    ("Iran had curtailed its cooperation with the agency after Israeli and US strikes on its nuclear sites.",
     [("Combat", {"Israel", "Iran"}), ("Combat", {"United States", "Iran"})]),
    # Two buyers of one seller's jets each buy their own.
    ("Poland and Germany have also ordered the American jet.",
     [("Transfer", {"United States", "Poland"}), ("Transfer", {"United States", "Germany"})]),
    # States named together that each act, or that condemn, act one by one; a joint statement is one.
    ("In a coordinated move, Lithuania, Latvia and Estonia each summoned a senior Chinese diplomat on Monday.",
     [("Meeting", {"Lithuania", "China"}), ("Meeting", {"Latvia", "China"}), ("Meeting", {"Estonia", "China"})]),
    ("Saudi Arabia, Qatar and Egypt condemned the incursion.",
     [("Statement", {"Saudi Arabia"}), ("Statement", {"Qatar"}), ("Statement", {"Egypt"})]),
    ("In a joint statement, Saudi Arabia and Qatar condemned the incursion.",
     [("Signing", {"Saudi Arabia", "Qatar"}), ("Statement", {"Saudi Arabia", "Qatar"})]),
    # Two states that each undertake something commit to each other: one pledge.
    ("Russia and Iran each undertook not to help an aggressor against the other.",
     [("Pledge", {"Russia", "Iran"})]),
    # Separate talks, and agreements signed with several partners, are one with each; talks
    # with two people together are one meeting.
    ("Yoon Suk Yeol held separate talks with Fumio Kishida and with Li Qiang on Sunday.",
     [("Meeting", {"Yoon Suk Yeol", "Fumio Kishida"}), ("Meeting", {"Yoon Suk Yeol", "Li Qiang"})]),
    ("Yoon Suk Yeol held talks with Fumio Kishida and Li Qiang on Sunday.",
     [("Meeting", {"Yoon Suk Yeol", "Fumio Kishida", "Li Qiang"})]),
    # "with" said again is a sitting with each, in one city as in two.
    ("Rafael Grossi held talks in Tehran with Abbas Araghchi and with Mohammad Eslami.",
     [("Meeting", {"Rafael Grossi", "Abbas Araghchi"}), ("Meeting", {"Rafael Grossi", "Mohammad Eslami"})]),
    # ... unless one sitting goes on in one place.
    ("Choe Son Hui held talks in Moscow with Sergei Lavrov and then with Vladimir Putin.",
     [("Meeting", {"Choe Son Hui", "Sergei Lavrov", "Vladimir Putin"})]),
    ("Japan has already signed such pacts with Australia and Britain.",
     [("Signing", {"Japan", "Australia"}), ("Signing", {"Japan", "United Kingdom"})]),
    # A contract signed for arms is also a delivery to come, and is signed with the seller.
    ("Armenia signed a contract for French CAESAR howitzers.",
     [("Signing", {"Armenia", "France"}), ("Transfer", {"France", "Armenia"})]),
])
def test_split_tells_each_event(extractor, article, body, expected):
    assert _casts(extractor.extract(article(body, published=date(2024, 6, 15)))) == expected


@pytest.mark.parametrize("body, casts", [
    ("Denmark has promised Ukraine 19 of the jets and the Netherlands 24.",
     [("Pledge", {"Denmark", "Ukraine"}), ("Pledge", {"Netherlands", "Ukraine"})]),
    ("Britain has pledged to send Ukraine anti-aircraft systems and Canada eight armoured vehicles.",
     [("Pledge", {"United Kingdom", "Ukraine"}), ("Pledge", {"Canada", "Ukraine"})]),
])
def test_split_a_giver_whose_verb_is_left_out_gives_too(extractor, article, body, casts):
    assert _casts(extractor.extract(article(body))) == casts


def test_split_talks_with_each_of_two_people_in_two_places_are_two_meetings(extractor, article):
    body = "Antony Blinken held talks with Abdel Fattah el-Sisi in Cairo and with Benjamin Netanyahu in Jerusalem."
    extraction = extractor.extract(article(body, published=date(2024, 6, 15)))
    label = {e.iri: e.label for e in extraction.entities}
    assert [({label[p] for p in e.participants}, label[e.place]) for e in extraction.events] == [
        ({"Antony Blinken", "Abdel Fattah el-Sisi"}, "Cairo"), ({"Antony Blinken", "Benjamin Netanyahu"}, "Jerusalem")]
