"""Which words open an event: sentence → the types of events found, through the real model."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow

ID = "https://w3id.org/kg/id/"


def test_trigger_the_mission_of_sent_troops_is_no_event(extractor, article):
    body = "The United States has deployed about 1,000 troops in Niger to help fight insurgents."
    assert [e.type for e in extractor.extract(article(body)).events] == ["Deployment"]


def test_trigger_a_policy_of_not_supplying_is_no_transfer(extractor, article):
    body = "Seoul said on Thursday that it would reconsider its policy of not supplying weapons to Ukraine."
    assert [e.type for e in extractor.extract(article(body)).events] == ["Statement"]


def test_trigger_discussing_without_a_partner_and_announcing_news_are_no_events(extractor, article):
    body = ("The two sides discussed a possible summit. "
            "Volodymyr Zelenskyy announced the capture on Saturday.")
    assert [e.type for e in extractor.extract(article(body)).events] == []


@pytest.mark.parametrize("body, types", [
    ("Volodymyr Zelenskyy struck a softer tone on Wednesday.", []),
    ("General Abdourahamane Tchiani seized power in a coup last July.", []),
    ("Volodymyr Zelenskyy attacked the draft wording on Tuesday.", ["Statement"]),
    ("Emmanuel Macron said the deal crowned months of diplomacy carried out with the United States.", ["Statement"]),
    ("Russia sent warplanes and troops to Syria in 2015.", ["Deployment"]),
    # Moving troops or arms is a deployment, not a trip; a patrol needs nothing sent.
    ("Poland decided on Wednesday to move more military units towards the border.", ["Deployment"]),
    ("Russia and China held a joint patrol in the Sea of Japan.", ["Deployment"]),
    # Ranking who did something does not tell it again.
    ("Britain pledged 14 tanks, becoming the first country to promise Ukraine modern tanks.", ["Pledge"]),
    # An offer commits only with arms or troops to give.
    ("Turkey offered to mediate between Russia and Ukraine.", []),
    # A dinner together is a meeting.
    ("Narendra Modi had a private dinner with Joe Biden on Wednesday.", ["Meeting"]),
    # Someone expected in a place is to visit it; an expected decision goes nowhere.
    ("Antony Blinken is expected in Hanoi later this week.", ["Visit"]),
    ("A decision is expected in June.", []),
    # Missiles fired into the sea are a test; soldiers said to have been killed are a count.
    ("North Korea fired two ballistic missiles into the sea on Wednesday.", []),
    ("The agency estimated that about 600 North Korean soldiers had been killed.", []),
    ("Three Ukrainian soldiers were killed by a Russian drone.", ["Combat"]),
    # A fighting noun before another noun names a kind of it, even when parsed as a verb.
    ("Saudi Arabia signed a contract to buy Akinci attack drones from Turkey.", ["Signing", "Transfer"]),
    ("South Korea scrambled fighter jets and attack helicopters on Monday.", []),
    ("Russia sent troops and attack helicopters to Syria.", ["Deployment"]),
    # Addressing a named body attends it; addressing an issue is nothing.
    ("Benjamin Netanyahu addressed the UN General Assembly on Friday.", ["Meeting"]),
    ("Benjamin Netanyahu addressed the issue on Friday.", []),
])
def test_trigger_what_the_object_or_particle_makes_of_a_verb(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, types", [
    ("Ukrainian troops pushed into Russia's Kursk region in August 2024.", ["Combat"]),
    ("Russia pushed for a ceasefire in August 2024.", []),
    ("Azerbaijani soldiers opened fire on a Russian vehicle on September 20.", ["Combat"]),
])
def test_trigger_verbs_that_need_a_word_to_be_combat(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, fighter", [
    # Irregular pasts the lemmatizer misses, and armed groups the reference KB knows.
    ("Ukrainian troops retook the city of Kherson on Friday.", ID + "state/ukr"),
    ("M23 fighters overran Goma in late January.", ID + "org/m23"),
    ("The Rapid Support Forces seized the airport on Monday.", ID + "org/rapid-support-forces"),
])
def test_trigger_irregular_pasts_of_combat_verbs(extractor, article, body, fighter):
    (combat,) = extractor.extract(article(body)).events
    assert (combat.type, combat.agent) == ("Combat", fighter)


@pytest.mark.parametrize("body, types", [
    ("Naledi Pandor defended her government's decision to hold naval drills.", ["Statement"]),
    ("Russia said North Korea was ready to defend its sovereignty.", ["Statement"]),
])
def test_trigger_defending_speaks_only_of_a_decision_or_a_policy(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, types", [
    ("Russia has kept about 2,000 peacekeepers in the region since 2020.", ["Deployment"]),
    ("Germany has led a NATO battlegroup in Lithuania since 2017.", ["Deployment"]),
    ("Vladimir Putin has a residence in Sochi.", []),
    ("Turkey keeps troops at dozens of bases in northern Iraq.", ["Deployment"]),
    ("The Philippines has kept a small contingent of marines aboard the BRP Sierra Madre since 1999.",
     ["Deployment"]),
    # Troops based somewhere are deployed there; an agency based somewhere is not.
    ("Several thousand Russian troops have been based in Belarus since October.", ["Deployment"]),
    ("The agency will be based in Britain.", []),
    # Troops that stay somewhere are deployed there; a leader who stays in power is not.
    ("About 1,000 US soldiers will remain in Romania.", ["Deployment"]),
    ("Alexander Lukashenko will remain in power.", []),
    # Troops due somewhere are a deployment to come; police flown somewhere are deployed.
    ("A further 200 Russian soldiers are due in Burkina Faso.", ["Deployment"]),
    ("France has flown about 1,000 extra police and gendarmes to New Caledonia.", ["Deployment"]),
])
def test_trigger_troops_kept_somewhere_are_a_deployment(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


def test_trigger_handing_over_an_instrument_of_accession_is_a_signing(extractor, article):
    body = "Prime Minister Ulf Kristersson handed over the country's instrument of accession in Washington."
    assert [e.type for e in extractor.extract(article(body)).events] == ["Signing"]


@pytest.mark.parametrize("body, types", [
    ("Two Russian bombers flew over the Baltic Sea on Tuesday.", ["Deployment"]),
    ("The United States on Friday approved the sale of 40 F-16 fighter jets to Turkey.", ["Transfer"]),
])
def test_trigger_moving_warplanes_and_approved_sales(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


def test_trigger_the_strikes_told_before_are_no_new_strike(extractor, article):
    body = "Benjamin Netanyahu said on Sunday that the strikes had hit Iran hard."
    assert [e.type for e in extractor.extract(article(body)).events] == ["Statement"]


def test_trigger_troops_leaving_a_state_are_no_deployment_to_it(extractor, article):
    body = "The Wagner Group said earlier this month that its fighters were leaving Mali."
    assert [e.type for e in extractor.extract(article(body)).events] == ["Statement"]


@pytest.mark.parametrize("body, participants", [
    # Sanctions are a statement against whom they name.
    ("The United States imposed sanctions on Iran in 2018.", {ID + "state/usa", ID + "state/irn"}),
    # Thanks are a statement to those thanked.
    ("Volodymyr Zelenskyy thanked Joe Biden on Wednesday.", {ID + "person/volodymyr-zelenskyy", ID + "person/joe-biden"}),
    ("Russia on Thursday vetoed a UN Security Council resolution.", {ID + "state/rus"}),
])
def test_trigger_sanctions_thanks_and_vetoes_are_statements(extractor, article, body, participants):
    events = extractor.extract(article(body)).events
    assert [(e.type, set(e.participants)) for e in events] == [("Statement", participants)]


@pytest.mark.parametrize("body, types", [
    # A state that will grant or lift something commits itself ...
    ("Armenia will grant the United States development rights to a transit route.", ["Pledge"]),
    # ... but not when it did so in the past.
    ("Armenia granted a company development rights in 2019.", []),
])
def test_trigger_granting_is_a_pledge_only_for_the_future(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, types", [
    # What an agreement binds a party to is a pledge ...
    ("Under the declaration, Japan and Australia will consult each other in any contingency.", ["Pledge"]),
    ("Under the deal, Kinshasa is to end any state support for the FDLR.", ["Pledge"]),
    # ... but not the same words with no agreement behind them.
    ("Japan and Australia will consult each other in any contingency.", []),
])
def test_trigger_what_an_agreement_binds_a_party_to_is_a_pledge(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, types", [
    # Troops whose verb hangs on another still move.
    ("Kenyan soldiers began arriving in Congo on Saturday.", ["Deployment"]),
    # Flying an aircraft is not a trip.
    ("Indonesia and Thailand already fly versions of the T-50.", []),
    # Speaking at a named gathering attends it.
    ("Speaking at the Munich Security Conference on Saturday, Volodymyr Zelenskyy said his soldiers were brave.",
     ["Meeting", "Statement"]),
    ("In a speech to the UN General Assembly, Volodymyr Zelenskyy said some countries were only pretending.",
     ["Meeting", "Statement"]),
])
def test_trigger_troops_aircraft_and_speeches_at_gatherings(extractor, article, body, types):
    assert sorted(e.type for e in extractor.extract(article(body)).events) == types


@pytest.mark.parametrize("body, types", [
    # What a force could do is no strike.
    ("Japan signed a contract to buy missiles from the United States, giving its forces the means to hit "
     "targets 1,600 kilometres away.", ["Signing", "Transfer"]),
    ("US forces carried out a raid against Islamic State commanders in Syria.", ["Combat"]),
    # Diplomatic and economic steps are statements; what is protested is told elsewhere.
    ("Bolivia broke off diplomatic relations with Israel in protest at its offensive in Gaza.", ["Statement"]),
    ("Iraq ordered Sweden's ambassador to leave the country on Thursday.", ["Statement"]),
    ("Ankara restricted exports of steel to Israel.", ["Statement"]),
    ("Russian President Vladimir Putin congratulated Nicolás Maduro on his re-election.", ["Statement"]),
    ("Paul Kagame retorted that his country's army was not a militia.", ["Statement"]),
    ("Cyril Ramaphosa blamed the deaths on the M23.", ["Statement"]),
    ("On Monday, Washington designated the Cartel de los Soles as a terrorist organisation.", ["Statement"]),
    ("Giorgia Meloni proposed that the aid be unloaded in Cyprus.", ["Statement"]),
    ("Japan lodged a strong protest with China.", ["Statement"]),
    # Boarding or ramming a ship is fighting; boarding a plane is not.
    ("China Coast Guard personnel rammed and boarded Philippine military boats.", ["Combat"]),
    ("Joe Biden boarded a plane to Warsaw.", []),
    ("Brazil hit back on Monday.", []),
])
def test_trigger_capabilities_raids_and_diplomatic_steps(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, casts", [
    # Forces that cross or enter a border, airspace or zone deploy, even with no place named.
    ("South Korea scrambled jets after five North Korean drones crossed the border.",
     [("Deployment", {"North Korea"})]),
    ("A Chinese surveillance plane entered Japanese airspace on Monday.", [("Deployment", {"China"})]),
    ("Israeli troops moved into the demilitarised buffer zone on Sunday.", [("Deployment", {"Israel"})]),
    # A plane that carries people on a trip deploys no one.
    ("Their plane landed at Joint Base Andrews.", []),
])
def test_trigger_forces_crossing_a_frontier_deploy(extractor, article, body, casts):
    extraction = extractor.extract(article(body))
    label = {e.iri: e.label for e in extraction.entities}
    assert [(e.type, {label[p] for p in e.participants}) for e in extraction.events] == casts


@pytest.mark.parametrize("body, types", [
    ("Antony Blinken and Sergei Lavrov spoke for about 10 minutes on the sidelines.", ["Meeting"]),
    ("Xi Jinping also spoke briefly with Narendra Modi.", ["Meeting"]),
    # A call is no meeting, and reporters are no one to meet.
    ("Joe Biden spoke with Xi Jinping by telephone on Tuesday.", []),
    ("Vladimir Putin spoke to reporters in Moscow.", []),
])
def test_trigger_speaking_face_to_face_is_a_meeting(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, types", [
    # Taking a named place is fighting, even when the model calls the town a person ...
    ("Earlier this month Arakan Army fighters took Maungdaw, the last government stronghold on the coast.",
     ["Combat"]),
    # ... but taking a state back into a bloc, or someone to a place, is not.
    ("Lula, who has taken Brazil back into the Union of South American Nations, wants to revive the bloc.",
     []),
    ("Antony Blinken took Dmytro Kuleba to the airport.", []),
])
def test_trigger_taking_a_named_place_is_fighting(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events if e.type != "Statement"] == types


@pytest.mark.parametrize("body, types", [
    # Backing someone is a pledge when it is promised, not when it is told.
    ("Joe Biden also said the United States would back the African Union's bid for a seat in the G20.",
     ["Pledge"]),
    ("The United States backed the resolution.", []),
])
def test_trigger_backing_is_a_pledge_only_when_promised(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body)).events] == types


@pytest.mark.parametrize("body, types", [
    # Someone who was in another state's city went there; being in one's own capital is no trip.
    ("Volodymyr Zelenskyy was in Washington last week.", ["Visit"]),
    ("Vladimir Putin was in Moscow on Monday.", []),
    # ... and so did "he", told of a person named before.
    ("Rafael Grossi spoke to reporters. He had been in Yemen the week before.", ["Visit"]),
])
def test_trigger_a_person_in_a_foreign_city_is_a_visit(extractor, article, body, types):
    assert [e.type for e in extractor.extract(article(body, published=date(2023, 9, 25))).events] == types


@pytest.mark.parametrize("body, types", [
    # A toll that someone reports is attributed, not a statement of a view.
    ("Lebanese health officials said at least nine people were killed.", []),
    ("China later said four of its own soldiers had died.", []),
    ("Myanmar's state broadcaster said no one was hurt.", []),
    ("Vladimir Putin said Russia would respond.", ["Statement"]),
    # Weapons donated or leased, and a supply of arms, are transfers.
    ("Russia donated six MiG-29 jets to Serbia in 2017.", ["Transfer"]),
    ("India leased two SeaGuardian drones from the United States.", ["Transfer"]),
    ("Ukraine condemned Tehran's supply of drones to Russia.", ["Statement", "Transfer"]),
])
def test_trigger_tolls_reported_donations_leases_and_supplies(extractor, article, body, types):
    assert sorted(e.type for e in extractor.extract(article(body)).events) == types


@pytest.mark.parametrize("body, types", [
    # An operation is fighting only when its words say so: a modifier, a front or target after it,
    # or someone taking part in it. (The first three guard what was read right before.)
    ("Abbas Araghchi said Iran's military operations had ended.", ["Combat"]),
    ("North Korean soldiers took part in operations around Korenevo.", ["Combat"]),
    ("World Central Kitchen has paused its operations in Gaza.", []),
    ("American cargo planes dropped meals over Gaza in a joint operation with Jordan.", []),
])
def test_trigger_an_operation_is_fighting_only_when_its_words_say_so(extractor, article, body, types):
    assert sorted(e.type for e in extractor.extract(article(body)).events) == types
