"""What a sentence's candidate events become: folded, attributed, denied, promised."""

import pytest

from helpers import RulesOnly

pytestmark = pytest.mark.slow

ID = "https://w3id.org/kg/id/"
PRK, RUSSIA, UKRAINE, IRAN = (ID + "state/" + code for code in ("prk", "rus", "ukr", "irn"))


@pytest.fixture(scope="module")
def extractor(extractor):
    """The rules alone: these tests are about what the rules find, not what the participant model keeps."""
    return RulesOnly(extractor)


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


@pytest.mark.parametrize("body, type_", [
    # A closing "a charge X rejects" keeps the claim and adds the denial, whichever the parse reads.
    ("Washington accuses Iran of arming the Houthis, a charge Tehran rejects.", "Transfer"),
    ("UN experts say Rwandan soldiers fight alongside the M23, a charge Kigali rejects.", "Combat"),
])
def test_reconcile_a_charge_denied_at_the_end_is_both_told_and_denied(extractor, article, body, type_):
    events = [e for e in extractor.extract(article(body)).events if e.type == type_]
    assert sorted(e.status for e in events) == ["asserted", "negated"]
    assert len({e.participants for e in events}) == 1


def test_reconcile_two_dates_or_two_sides_make_two_strikes(extractor, article):
    body = ("Russia has used drones against Ukraine since September, and a wave of them struck Kyiv on "
            "October 17. Russian drones attacked Odesa on Monday and Ukrainian air defences shot them down.")
    combats = [e for e in extractor.extract(article(body)).events if e.type == "Combat"]
    assert sorted(e.date or "" for e in combats[:2]) == ["2025-09", "2025-10-17"]
    assert sorted(e.agent.rsplit("/", 1)[-1] for e in combats[2:]) == ["rus", "ukr"]


def test_reconcile_a_noun_under_its_own_trigger_names_the_same_event(extractor, article):
    body = "Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks since March 2022."
    assert [(e.type, e.date) for e in extractor.extract(article(body)).events] == [("Meeting", "2025-10-31")]


def test_reconcile_a_stance_not_taken_is_a_negated_statement_but_an_unconfirmed_report_is_nothing(
        extractor, article):
    body = "India has not condemned Russia's invasion of Ukraine. The Kremlin has not confirmed the report."
    statements = [e for e in extractor.extract(article(body)).events if e.type == "Statement"]
    assert [(e.status, e.participants) for e in statements] == [("negated", (ID + "state/ind",))]


def test_reconcile_a_denial_beside_an_admission_keeps_its_own_claim(extractor, article):
    body = ("Tehran has acknowledged sending a small number of drones to Russia before the invasion but denies "
            "providing weapons for use in the war.")
    transfers = [e for e in extractor.extract(article(body)).events if e.type == "Transfer"]
    assert sorted((e.status, set(e.participants) == {IRAN, RUSSIA}) for e in transfers) == \
        [("asserted", True), ("negated", True)]


@pytest.mark.parametrize("body, types", [
    # What is asked for has not happened; the request is the statement.
    ("Alexander Lukashenko asked Vladimir Putin to station the Oreshnik in Belarus.", ["Statement"]),
    ("Volodymyr Zelenskyy urged Western allies to go further and supply Ukraine with fighter jets.", ["Statement"]),
    # An invitation is a hedged visit.
    ("Kim Jong Un invited Vladimir Putin to visit Pyongyang.", ["Visit"]),
    # Being asked is no statement, and "the strike" asked about is no new strike.
    ("When asked about the strike, Vladimir Putin said Russia had hit a factory.", ["Combat"]),
])
def test_reconcile_requests_and_questions(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, types", [
    # A saying with words of its own beside another event is a statement of its own ...
    ("Ali Khamenei received Vladimir Putin and told him that cooperation was of great benefit.",
     ["Meeting", "Statement"]),
    # ... but a saying with none only attributes the event.
    ("North Korea has shipped munitions to Russia since September, enough to fill 6,700 containers, "
     "Shin Won-sik said.", ["Transfer"]),
    # An event in a clause of when it was said, or describing a noun of what was said, is not
    # what was said.
    ("Xi Jinping told Narendra Modi that their countries should be partners rather than rivals, as the two "
     "leaders met in Tianjin.", ["Statement", "Meeting"]),
    ("Emmanuel Macron said that Paris backed candidate status for Ukraine, which EU leaders will decide at a "
     "summit in Brussels.", ["Statement", "Meeting"]),
    ("Lin Jian said that claims of Chinese citizens fighting for Russia were groundless.", ["Statement", "Combat"]),
])
def test_reconcile_a_saying_beside_another_event(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


def test_reconcile_whom_the_speaker_says_they_told_is_addressed(extractor, article):
    body = "Joe Biden said he had told Xi Jinping that US policy on the island had not changed."
    (statement,) = extractor.extract(article(body)).events
    assert (statement.type, statement.agent, statement.recipient) == \
        ("Statement", ID + "person/joe-biden", ID + "person/xi-jinping")


def test_reconcile_a_clause_describing_the_speaker_is_not_what_is_said(extractor, article):
    body = "Ursula von der Leyen, who held talks with Xi Jinping on Thursday, said the talks were frank."
    assert sorted(e.type for e in extractor.extract(article(body)).events) == ["Meeting", "Statement"]


def test_reconcile_a_pledge_told_to_someone_is_made_to_their_state(extractor, article):
    body = "Kim Jong Un told Sergei Lavrov that North Korea would stand firmly by its comrades."
    (pledge,) = [e for e in extractor.extract(article(body)).events if e.type == "Pledge"]
    assert (pledge.agent, pledge.recipient) == (PRK, RUSSIA)


def test_reconcile_a_denial_of_the_claim_before_negates_it(extractor, article):
    body = ("Washington says North Korea has shipped artillery shells to Russia. "
            "Pyongyang denies the accusation and says the claim is absurd.")
    transfers = [e for e in extractor.extract(article(body)).events if e.type == "Transfer"]
    assert [(e.status, set(e.participants)) for e in transfers] == [("asserted", {PRK, RUSSIA}),
                                                                     ("negated", {PRK, RUSSIA})]
    assert transfers[1].evidence.text.startswith("Pyongyang denies")


def test_reconcile_a_noun_that_renames_the_trip_is_no_second_visit(extractor, article):
    body = ("Antony Blinken held talks with David Lammy in London on Tuesday. Blinken and Lammy are expected to "
            "travel to Kyiv together this week, the first joint visit by the two countries' top diplomats in a decade.")
    visits = [e for e in extractor.extract(article(body)).events if e.type == "Visit"]
    assert [set(e.participants) for e in visits] == [{ID + "person/antony-blinken", ID + "person/david-lammy"}]



@pytest.mark.parametrize("body", [
    "Tehran has since summoned the Chinese ambassador to protest.",
    "Poland's Foreign Ministry summoned Ukraine's ambassador on Wednesday to lodge a protest.",
])
def test_reconcile_a_summons_to_protest_is_also_a_statement_between_the_same_two(extractor, article, body):
    events = extractor.extract(article(body)).events
    assert sorted(e.type for e in events) == ["Meeting", "Statement"]
    meeting, statement = sorted(events, key=lambda e: e.type)
    assert (statement.agent, statement.recipient, statement.participants, statement.date) == \
        (meeting.agent, meeting.recipient, meeting.participants, meeting.date)


@pytest.mark.parametrize("body", [
    # No purpose: only the meeting. A purpose that is a statement already is not told twice.
    "Seoul summoned the Russian ambassador on Monday.",
    "Seoul summoned the Russian ambassador to demand the withdrawal of the troops.",
])
def test_reconcile_a_summons_adds_no_protest_of_its_own_otherwise(extractor, article, body):
    events = extractor.extract(article(body)).events
    assert [e.trigger for e in events if e.type == "Statement"] == (["demand"] if "demand" in body else [])


@pytest.mark.parametrize("body, types", [
    # Dismissing what was said is a stance of its own.
    ("Russia's Foreign Ministry dismissed the accusation on Tuesday as completely unfounded.", ["Statement"]),
    # Denying an event told before negates it and adds no stance.
    ("Washington says Pyongyang shipped shells to Russia. Pyongyang dismissed the accusation as absurd.",
     ["Transfer", "Transfer"]),
    # An event inside the rejection says what is rejected.
    ("France rejected the charge, with its embassy saying that France had never armed Wagner.", ["Transfer"]),
])
def test_reconcile_a_dismissal_is_a_statement_unless_it_denies_an_event(extractor, article, body, types):
    assert sorted(e.type for e in extractor.extract(article(body)).events) == types


@pytest.mark.parametrize("body", [
    "Poland's Foreign Ministry summoned Moscow's ambassador on Tuesday to demand an explanation.",
    "Kim Hong-kyun summoned Russian Ambassador Georgy Zinoviev and demanded the withdrawal of the troops.",
    # A note of protest handed over is a statement.
    "Poland summoned Israel's ambassador, Yacov Livne, on Friday and handed him a note of protest.",
])
def test_reconcile_a_demand_made_at_a_summons_is_made_to_the_one_summoned(extractor, article, body):
    events = extractor.extract(article(body)).events
    (meeting,) = [e for e in events if e.type == "Meeting"]
    (demand,) = [e for e in events if e.type == "Statement"]
    assert (demand.agent, demand.recipient) == (meeting.agent, meeting.recipient)
    assert meeting.recipient in demand.participants


def test_reconcile_a_saying_joined_to_a_promise_of_its_own_stays_a_statement(extractor, article):
    body = ("Chancellor Friedrich Merz arrived in Vilnius. Merz, who took office two weeks ago, told the crowd that "
            "the allies' security was Germany's own, and he promised that Berlin would help defend NATO territory.")
    types = sorted(e.type for e in extractor.extract(article(body)).events if e.evidence.text.startswith("Merz,"))
    assert types == ["Pledge", "Statement"]


@pytest.mark.parametrize("body, types", [
    # Troops offered are a pledge; a delivery joined with a subject of its own is not part of it.
    ("Egypt has offered to send troops to Somalia, and Egyptian military planes delivered weapons to Mogadishu.",
     ["Pledge", "Transfer"]),
    ("Kenya has offered to send 1,000 police officers to Haiti.", ["Pledge"]),
    ("Qatar offered to mediate between the two sides.", []),
])
def test_reconcile_an_offer_to_send_forces_is_a_pledge_of_its_own(extractor, article, body, types):
    assert sorted(e.type for e in extractor.extract(article(body)).events) == types
