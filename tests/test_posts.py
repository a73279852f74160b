from datetime import date

import pytest

pytestmark = pytest.mark.slow

ID = "https://w3id.org/kg/id/"


@pytest.mark.parametrize("body, person, role, state", [
    ("Russian Foreign Minister Sergei Lavrov spoke.", "sergei-lavrov", "Foreign Minister", "rus"),
    ("Valery Gerasimov, chief of the General Staff, spoke.", "valery-gerasimov", "Chief of the General Staff", "rus"),
    ("Choe Son Hui, North Korea's foreign minister, spoke.", "choe-son-hui", "Foreign Minister", "prk"),
    ("North Korea's Foreign Minister, Choe Son Hui, spoke.", "choe-son-hui", "Foreign Minister", "prk"),
    ("President Vladimir Putin spoke.", "vladimir-putin", "Head of State", "rus"),
])
def test_posts_title_and_name_make_a_post_claim(extractor, article, body, person, role, state):
    (claim,) = extractor.extract(article(body)).posts
    assert (claim.person, claim.role, claim.of) == (ID + "person/" + person, role, ID + "state/" + state)
    assert claim.as_of == date(2025, 11, 4) and claim.agrees_with_reference is True
    assert claim.evidence.text == body


def test_posts_title_that_disagrees_with_the_reference_is_kept_and_flagged(extractor, article):
    (claim,) = extractor.extract(article("Russian Defence Minister Sergei Shoigu spoke.")).posts
    assert (claim.person, claim.role) == (ID + "person/sergei-shoigu", "Defence Minister")
    assert claim.agrees_with_reference is False  # he left the post in May 2024


def test_posts_same_title_agrees_when_the_article_is_older(extractor, article):
    (claim,) = extractor.extract(article("Russian Defence Minister Sergei Shoigu spoke.",
                                         published=date(2023, 3, 1))).posts
    assert claim.agrees_with_reference is True


def test_posts_title_alone_refers_to_the_person_given_that_title(extractor, article):
    body = "Russian Foreign Minister Sergei Lavrov arrived. The foreign minister met Choe Son Hui."
    extraction = extractor.extract(article(body))
    (meeting,) = [e for e in extraction.events if e.type == "Meeting"]
    assert set(meeting.participants) == {ID + "person/sergei-lavrov", ID + "person/choe-son-hui"}


@pytest.mark.parametrize("body, state", [
    # The state the article names most among those whose president the KB does not know.
    ("The last Indian troops left the Maldives on Sunday. The Maldives had asked India to withdraw them. "
     "President Mohamed Muizzu said the Maldives would now decide its own course.", "mdv"),
    # Two such states named as often: the title says nothing sure.
    ("The Maldives and Sri Lanka held talks. President Mohamed Muizzu spoke.", None),
])
def test_posts_a_title_that_names_no_state_takes_the_one_the_article_is_about(extractor, article, body, state):
    (claim,) = [c for c in extractor.extract(article(body)).posts if "mohamed-muizzu" in c.person]
    assert claim.role == "Head of State"
    assert claim.of == (state and ID + "state/" + state)


def test_posts_a_title_with_no_state_takes_the_one_of_equals_named_beside_it(extractor, article):
    body = "Marco Rubio left Panama on Sunday. He held talks in El Salvador on Monday with President Nayib Bukele."
    posts = [(p.role, p.of) for p in extractor.extract(article(body)).posts]
    assert posts == [("Head of State", ID + "state/slv")]


def test_posts_a_vice_president_is_no_head_of_state(extractor, article):
    body = "President Joe Biden and Vice-President Kamala Harris met them."
    assert [p.person for p in extractor.extract(article(body)).posts] == [ID + "person/joe-biden"]
