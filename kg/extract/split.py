"""One candidate event, several events: what a sentence tells once but happened more than once.

A trip to several places is a visit to each; two givers, buyers or attackers named together
each act ("The United States and Germany have each promised Ukraine a Patriot battery", "Israeli
and US strikes"); "separate talks" and agreements signed with several partners are one with each;
states that each summon, or that condemn something outside a joint statement, act one by one;
people who "stayed away" each missed the gathering. A contract signed for arms is also a delivery
to come.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.cargo import cargo_quantity, coordinated_cargo, each_gives, follow_on, says_each
from kg.extract.roles import Roles
from kg.extract.states import host_state, named_in, person_state
from kg.extract.triggers import absent
from kg.extract.vocabulary import linking_words
from kg.records import Event

if TYPE_CHECKING:
    from kg.extract.events import Frame

__all__ = ["split"]


def split(frame: Frame, event: Event) -> Iterator[Event]:
    """Yield the event: once per stop, giver, attacker, buyer, partner or absentee when the sentence
    tells several, and with the deliveries that come with it."""
    roles, agents, recipients = frame.roles, frame.agents, frame.recipients
    stops = _stops(event.agent, frame.destinations, frame.sent, roles) if frame.type == "Visit" and event.agent else {}
    if len(stops) >= 2:
        # "expected to fly on to Eswatini and then to Angola", "flew to Abu Dhabi and Riyadh",
        # "visited Tajikistan and Turkmenistan": a visit to each.
        for host, stop in stops.items():
            named = host if roles.type_of(host) == "State" else None
            yield replace(event, participants=(event.agent, named) if named else (event.agent,), recipient=named,
                          place=stop)
        return
    receivers = [r for r in recipients or frame.others if r not in agents]
    if frame.type == "Combat" and frame.trigger.pos_ == "NOUN" and len(agents) >= 2 and receivers \
            and all(roles.type_of(a) == "State" for a in agents):
        # "after Israeli and US strikes on its nuclear sites": each state's strikes on the target.
        yield from _one_each(event, agents, receivers)
        return
    if frame.type == "Transfer" and frame.lemma in roles.lexicon.buyers and len(agents) == 1 \
            and len(receivers) >= 2 and all(roles.type_of(r) == "State" for r in receivers):
        # "Poland and Germany have also ordered the American jet": each buys its own.
        for buyer in receivers:
            yield replace(event, participants=(agents[0], buyer), recipient=buyer)
        return
    partners = [o for o in event.participants if o not in agents]
    companions = _each_with(frame, partners, event.place)
    if len(agents) == 1 and len(companions) >= 2:
        # "held talks with el-Sisi in Cairo and with Netanyahu in Jerusalem": a meeting with each,
        # where each "with" says.
        for people, place in companions:
            yield replace(event, participants=(agents[0], *people), recipient=people[0] if len(people) == 1 else None,
                          place=place or event.place)
        return
    hosts = _each_at_home(frame, partners)
    if len(agents) == 1 and hosts:
        # "flew to Abu Dhabi and Riyadh for talks with Mohamed bin Zayed and Mohammed bin Salman":
        # a meeting with each, where each is at home.
        for partner, place in hosts.items():
            yield replace(event, participants=(agents[0], partner), recipient=partner, place=place)
        return
    if len(agents) == 1 and len(partners) >= 2 and _one_by_one(frame) \
            and all(roles.type_of(p) in {"Person", "State"} for p in partners):
        # "held separate talks with Kishida and with Li", "signed security agreements with Scholz
        # and Macron": one with each.
        for partner in partners:
            yield replace(event, participants=(agents[0], partner), recipient=None)
        return
    if frame.type == "Meeting" and len(agents) >= 2 and absent(frame.trigger, roles.lexicon):
        # "Xi and Putin both stayed away": each missed it, and no one hosts a meeting missed.
        yield from _one_each(event, agents, partners, to_one=False)
        return
    if _each_acts(frame):
        # "Lithuania, Latvia and Estonia each summoned a Chinese diplomat", "Saudi Arabia, Qatar
        # and Egypt condemned the incursion": one act per state.
        yield from _one_each(event, agents, partners)
        return
    if each_gives(frame.type, frame.trigger, agents, [r for r in recipients if r not in agents], frame.objects, roles):
        # "The United States and Germany have each promised Ukraine a Patriot battery": one
        # promise, or one delivery, per giver.
        yield from _one_each(event, agents, receivers)
        return
    if frame.type == "Signing":
        deliveries = list(_purchase(frame, event))
        if len(event.participants) == 1 and deliveries and deliveries[0].agent:
            # "Armenia signed a contract for French CAESAR howitzers": signed with the seller.
            event = replace(event, participants=(*event.participants, deliveries[0].agent))
        yield event
        yield from deliveries
        return
    yield event
    if frame.type in {"Pledge", "Transfer"}:
        yield from _gapped_givers(frame, event)
    if frame.cargo:
        yield from follow_on(event, frame.head, roles.lexicon)
        yield from coordinated_cargo(event, frame.objects, roles.lexicon)


def _gapped_givers(frame: Frame, event: Event) -> Iterator[Event]:
    """Yield the same gift from a second giver whose verb is left out: "Denmark has promised Ukraine
    19 of the jets and the Netherlands 24", "pledged to send Ukraine air-defence systems and Canada
    eight armoured vehicles"."""
    roles = frame.roles
    if event.agent is None or roles.type_of(event.agent) != "State" or event.recipient is None:
        return
    verbs = [frame.trigger, *(c for c in frame.trigger.children if c.dep_ == "xcomp")]
    # "pledged to send …": the delivery is promised, and the pledge that holds it does not name the second giver.
    promised = frame.trigger.dep_ == "xcomp" \
        and frame.trigger.head.lemma_.lower() in roles.lexicon.modality["promise_verbs"]
    objects = [o for v in verbs for o in v.children if o.dep_ in {"dobj", "dative"}]
    for node in (t for o in objects for t in o.subtree if t.dep_ == "conj"):
        for named in [node, *(c for c in node.children if c.dep_ in {"nmod", "compound"})]:
            giver = roles.token_iris.get(named.i)
            if giver and roles.type_of(giver) == "State" and giver not in event.participants:
                quantity, qualifier = cargo_quantity(node, roles.lexicon)
                yield replace(event, type="Pledge" if promised else event.type, status="asserted" if promised
                              else event.status, participants=(giver, event.recipient), agent=giver,
                              quantity=quantity, quantity_qualifier=qualifier, trigger=node.text)


def _one_each(event: Event, actors: list[str], counterparts: list[str], *, to_one: bool = True) -> Iterator[Event]:
    """Yield the event once per actor, with the same counterparts; a single counterpart is the
    recipient when ``to_one``."""
    for actor in actors:
        yield replace(event, participants=tuple(dict.fromkeys([actor, *counterparts])), agent=actor,
                      recipient=counterparts[0] if to_one and len(counterparts) == 1 else None)


def _one_by_one(frame: Frame) -> bool:
    """Whether a meeting is held, or documents signed, with each partner apart."""
    trigger = frame.trigger
    if frame.type == "Meeting":
        return any(c.lower_ in {"separate", "separately"} for c in [*trigger.children, *frame.head.children])
    return frame.type == "Signing" and any(
        o.dep_ == "dobj" and o.tag_ == "NNS" and o.lemma_.lower() in linking_words()["agreement_heads"]
        for o in trigger.children)


def _each_with(frame: Frame, partners: list[str], event_place: str | None) -> list[tuple[list[str], str | None]]:
    """Return each "with" phrase's companions and place when a meeting repeats "with" ("talks with
    el-Sisi in Cairo and with Netanyahu in Jerusalem", "talks with Araghchi and with Eslami"): a
    sitting with each. Empty when it does not, or when one place holds a sitting that goes on
    ("talks with Lavrov and then with Putin")."""
    roles = frame.roles
    if frame.type != "Meeting" or not any(t.lower_ == "with" and t.dep_ == "conj" for t in frame.sent):
        return []
    withs = [t for t in frame.sent if t.lower_ == "with" and t.dep_ in {"prep", "conj"}]
    between = frame.sent.doc[withs[0].i:withs[-1].i]
    goes_on = any(t.lower_ in roles.lexicon.modality["sequence_words"] for t in between)
    found = []
    for word in withs:
        objects = [o for o in word.children if o.dep_ == "pobj"]
        people = [a for o in objects for a in roles.actors(o) if a in partners]
        places = [iri for node in [word, *objects] for prep in node.children if prep.lower_ in {"in", "at"}
                  for p in prep.children if (iri := roles.token_iris.get(p.i)) and roles.type_of(iri) == "Place"]
        if people:
            found.append((people, places[0] if places else None))
    places = {place or event_place for _, place in found} - {None}
    if goes_on and len(places) < 2:
        return []
    return found if len(found) >= 2 and len({a for people, _ in found for a in people}) == len(partners) else []


def _each_at_home(frame: Frame, partners: list[str]) -> dict[str, str]:
    """Return a place for each partner of a meeting when they are people of two or more states and
    the sentence names a place in each one's state ("due in Paris and London for talks with Macron
    and Starmer"); empty otherwise, as for a summit of three in one place."""
    roles = frame.roles
    if frame.type != "Meeting" or len(partners) < 2 or not all(roles.type_of(p) == "Person" for p in partners):
        return {}
    states = {p: roles.context.entities[p].state for p in partners}
    if None in states.values() or len(set(states.values())) < len(partners):
        return {}
    places = [iri for t in frame.sent if (iri := roles.token_iris.get(t.i)) and roles.type_of(iri) == "Place"]
    homes = {p: next((place for place in places if roles.context.entities[place].state == state), None)
             for p, state in states.items()}
    return homes if None not in homes.values() else {}


def _each_acts(frame: Frame) -> bool:
    """Whether states named together act one by one: "each summoned", "condemned"."""
    roles, trigger = frame.roles, frame.trigger
    if frame.type not in {"Meeting", "Statement"} or len(frame.agents) < 2 \
            or not all(roles.type_of(a) == "State" for a in frame.agents):
        return False
    return says_each(trigger, on_subject=True) or frame.type == "Statement" \
        and trigger.lemma_.lower() in roles.lexicon.each_speaks \
        and not any(t.lower_ in {"joint", "jointly", "together"} for t in trigger.sent)


def _purchase(frame: Frame, event: Event) -> Iterator[Event]:
    """Yield the delivery a contract for arms promises: "Armenia signed a contract for French
    CAESAR howitzers" is also a transfer to come, between the signers' states and the seller's."""
    roles, lexicon = frame.roles, frame.roles.lexicon
    documents = [o for o in frame.trigger.children
                 if o.dep_ == "dobj" and o.lemma_.lower() in lexicon.purchase_documents]
    # The parser hangs "for …" on the document or on the verb.
    goods = [t for d in (documents + [frame.trigger] if documents else []) for prep in d.children
             if prep.dep_ == "prep" and prep.lower_ == "for"
             for t in prep.subtree if lexicon.cargo_type(t) == "Transfer"]
    if not goods:
        return
    sellers = list(dict.fromkeys(a for t in goods[0].subtree for a in roles.actors(t) if roles.type_of(a) == "State"))
    parties = [person_state(p, roles) for p in event.participants]
    states = [s for s in dict.fromkeys(sellers + parties) if roles.type_of(s) == "State"]
    if len(states) < 2:
        return
    seller = sellers[0] if len(sellers) == 1 else None
    buyers = [s for s in states if s != seller]
    quantity, qualifier = cargo_quantity(goods[0], lexicon)
    yield replace(event, type="Transfer", participants=tuple(states), agent=seller,
                  recipient=buyers[0] if seller and len(buyers) == 1 else None, status="hedged",
                  quantity=quantity, quantity_qualifier=qualifier, agreement=None)


def _stops(visitor: str, destinations: list[str], sent, roles: Roles) -> dict[str, str]:
    """Return each place a trip goes to, keyed by its state, or by itself when the sentence names no state."""
    stops: dict[str, str] = {}
    for place in destinations:
        if roles.type_of(place) == "Place":
            hosts = [h for h in host_state(visitor, place, roles) if named_in(sent, h, roles)]
            stops.setdefault(hosts[0] if hosts else place, place)
        elif roles.type_of(place) == "State" and place != visitor:
            stops.setdefault(place, place)
    return stops
