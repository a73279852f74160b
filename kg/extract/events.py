"""Find events in a parsed paragraph and fill their roles from the dependency parse.

A trigger word from ``kg/data/triggers.toml`` opens an event. Its agent is the grammatical
subject (of the trigger, or of the light verb whose object it is); other participants come from
its object and from "with …" phrases; the place from "in/at/near/to …" or from the place a
"where" clause hangs on; the date from a date expression in the trigger's clause or a clause
above it; status and source from the words in ``kg/data/modality.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files

from kg.errors import OntologyError
from kg.extract.dates import normalise_date
from kg.extract.linking import ArticleContext
from kg.records import EVENT_TYPES, Event, Span

__all__ = ["Lexicon", "load_lexicon", "extract_events"]

_ACTOR_TYPES = {"State", "Person", "Organization", "MilitaryUnit"}
_PLACE_TYPES = {"Place", "State"}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
_DESTINATION_PREPS = {"to", "in"}


@dataclass(frozen=True)
class Lexicon:
    """Trigger lemmas by part of speech, and the modality word lists."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    light_verbs: frozenset[str]
    min_participants: dict[str, int]
    modality: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the trigger and modality lexicons, checking every event type against the ontology."""
    data = tomllib.loads((files("kg") / "data" / "triggers.toml").read_text(encoding="utf-8"))
    modality = tomllib.loads((files("kg") / "data" / "modality.toml").read_text(encoding="utf-8"))
    verbs, nouns, minimum = {}, {}, {}
    for type_, entry in data.items():
        if not isinstance(entry, dict):
            continue
        if type_ not in EVENT_TYPES:
            raise OntologyError(f"kg/data/triggers.toml: [{type_}] is not an event type; "
                                f"use one of {', '.join(EVENT_TYPES)}.")
        verbs.update({lemma: type_ for lemma in entry.get("verbs", [])})
        nouns.update({lemma: type_ for lemma in entry.get("nouns", [])})
        minimum[type_] = entry.get("min_participants", 1)
    return Lexicon(verbs=verbs, nouns=nouns, light_verbs=frozenset(data.get("light_verbs", [])),
                   min_participants=minimum,
                   modality={key: frozenset(value) for key, value in modality.items()})


class _Roles:
    """Role lookups over one paragraph's tokens and the article's linked entities."""

    def __init__(self, doc, token_iris: dict[int, str], context: ArticleContext, lexicon: Lexicon,
                 offset: int):
        self.doc, self.token_iris, self.context, self.lexicon = doc, token_iris, context, lexicon
        self.offset = offset

    def type_of(self, iri: str) -> str:
        return self.context.entities[iri].type

    def actors(self, token) -> list[str]:
        """Return the actors a token stands for, following conjuncts."""
        found = self._actor(token)
        for child in token.children:
            if child.dep_ == "conj":
                found += self.actors(child)
        return list(dict.fromkeys(found))

    def _actor(self, token) -> list[str]:
        iri = self.token_iris.get(token.i)
        if iri and self.type_of(iri) in _ACTOR_TYPES:
            return [iri]
        if token.lower_ in self.lexicon.modality["person_pronouns"]:
            return self._antecedent(token)
        # "North Korea's Foreign Minister, Choe Son Hui": the title noun heads the phrase.
        for dep in ("appos", "compound", "poss"):
            for child in token.children:
                if child.dep_ == dep:
                    found = self._actor(child)
                    if found:
                        return found
        return []

    def _antecedent(self, token) -> list[str]:
        persons = [m for m in self.context.mentions
                   if self.type_of(m.entity) == "Person" and m.span.start < self.offset + token.idx]
        return [persons[-1].entity] if persons else []

    def places(self, token) -> list[str]:
        iri = self.token_iris.get(token.i)
        if iri and self.type_of(iri) in _PLACE_TYPES:
            return [iri]
        return []


def extract_events(doc, *, offset: int, token_iris: dict[int, str], context: ArticleContext,
                   published: date | None, article_text: str) -> Iterator[Event]:
    """Yield the events of one parsed paragraph that starts at ``offset`` in the article."""
    lexicon = load_lexicon()
    roles = _Roles(doc, token_iris, context, lexicon, offset)
    for sent in doc.sents:
        seen = set()
        for token in sent:
            type_ = _trigger_type(token, lexicon)
            if type_ is None:
                continue
            event = _build_event(token, type_, sent, roles, offset, published, article_text)
            if event is None or len(event.participants) < lexicon.min_participants[type_]:
                continue
            key = (event.type, frozenset(event.participants))
            if key not in seen:
                seen.add(key)
                yield event


def _trigger_type(token, lexicon: Lexicon) -> str | None:
    if token.pos_ == "VERB":
        return lexicon.verbs.get(token.lemma_.lower())
    if token.pos_ == "NOUN":
        return lexicon.nouns.get(token.lemma_.lower())
    return None


def _clause_head(token, lexicon: Lexicon):
    """Return the verb whose subject and modifiers belong to the event."""
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "attr"} and token.head.lemma_ in lexicon.light_verbs:
        return token.head
    return token


def _prepositions(tokens) -> Iterator:
    for token in tokens:
        for child in token.children:
            if child.dep_ == "prep" or (child.dep_ == "conj" and child.pos_ == "ADP"):
                yield child
                yield from (c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP")


def _subject(head, roles: _Roles) -> tuple[list[str], list[str]]:
    """Return (agents, passive subjects) of a clause, climbing to a governing clause if needed."""
    node = head
    while node is not None:
        agents, patients = [], []
        for child in node.children:
            if child.dep_ == "nsubj":
                agents += roles.actors(child)
            elif child.dep_ == "nsubjpass":
                patients += roles.actors(child)
            elif child.dep_ == "agent":
                for pobj in child.children:
                    agents += roles.actors(pobj)
        if agents or patients:
            return agents, patients
        if node.dep_ not in {"xcomp", "conj", "advcl"} or node.head is node:
            return [], []
        node = node.head


def _build_event(trigger, type_: str, sent, roles: _Roles, offset: int, published: date | None,
                 article_text: str) -> Event | None:
    lexicon = roles.lexicon
    head = _clause_head(trigger, lexicon)
    agents, patients = _subject(head, roles)
    if trigger.pos_ == "NOUN" and head is trigger:
        agents = [a for c in trigger.children if c.dep_ == "poss" for a in roles.actors(c)]
    others, places, agreement = list(patients), [], None
    for child in list(head.children) + ([] if head is trigger else list(trigger.children)):
        if child.dep_ in {"dobj", "dative"} and child is not trigger:
            objects = roles.actors(child) or []
            for iri in roles.places(child):
                (places if roles.type_of(iri) == "Place" else others).append(iri)
            others += objects
            if type_ == "Signing":
                agreement = agreement or _agreement(child, roles)
    for prep in _prepositions({head, trigger}):
        word = prep.lower_
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if word in {"with", "between"}:
                others += roles.actors(pobj)
            elif word in _PLACE_PREPS or (type_ == "Visit" and word in _DESTINATION_PREPS):
                for iri in roles.places(pobj):
                    places.append(iri)
                if type_ == "Visit" and word == "to":
                    others += [a for a in roles.actors(pobj) if roles.type_of(a) == "Person"]
    places += _where_clause_place(head, roles)
    participants = list(dict.fromkeys(agents + others))
    if not participants:
        return None
    start, end = offset + sent.start_char, offset + sent.end_char
    when = _date_for(head, sent, published)
    status, source = _modality(trigger, head, sent, roles)
    agent = agents[0] if len(agents) == 1 else None
    recipient_options = [o for o in others if o not in agents]
    recipient = recipient_options[0] if agent and len(recipient_options) == 1 else None
    place = places[0] if places else None
    confidence = 0.5 + 0.15 * (len(participants) >= 2) + 0.1 * (place is not None) \
        + 0.1 * (when is not None and when.earliest is not None)
    if status == "hedged":
        confidence *= 0.8
    return Event(
        type=type_,
        evidence=Span(article_text[start:end], start, end),
        participants=tuple(participants),
        agent=agent,
        recipient=recipient,
        place=place,
        date=when.value if when else None,
        date_text=when.text if when else None,
        earliest=when.earliest if when else None,
        latest=when.latest if when else None,
        agreement=agreement,
        status=status,
        source=source,
        confidence=round(min(confidence, 0.95), 2),
        trigger=trigger.text,
    )


def _agreement(token, roles: _Roles) -> str | None:
    for node in [token, *token.subtree]:
        iri = roles.token_iris.get(node.i)
        if iri and roles.type_of(iri) == "Agreement":
            return iri
    return None


def _where_clause_place(head, roles: _Roles) -> list[str]:
    # "arrived in Moscow, where she held talks": the relative clause hangs on the place.
    node = head
    while node.dep_ in {"conj", "xcomp"} and node.head is not node:
        node = node.head
    if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
        return roles.places(node.head)
    return []


def _date_for(head, sent, published: date | None):
    # A date belongs to the trigger's clause, or to a clause that governs it ("In late October,
    # she arrived in Moscow, where she held talks": the date hangs on "arrived").
    governing = [head, *head.ancestors]
    best, best_rank = None, len(governing)
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        attach = ent.root.head
        while attach.dep_ in {"prep", "pobj", "npadvmod", "amod"} and attach.head is not attach \
                and attach not in governing:
            attach = attach.head
        if attach in governing and governing.index(attach) < best_rank:
            best, best_rank = ent, governing.index(attach)
    if best is None:
        return None
    return normalise_date(best.text, published=published)


def _modality(trigger, head, sent, roles: _Roles) -> tuple[str, str | None]:
    words = roles.lexicon.modality
    chain = [trigger, head, *head.ancestors]
    status = "asserted"
    if any(c.dep_ == "neg" for node in (trigger, head) for c in node.children) \
            or any(node.lemma_ in words["denial_verbs"] for node in chain[1:]):
        status = "negated"
    elif any(c.lower_ in words["hedge_auxiliaries"] or c.lower_ in words["hedge_adverbs"]
             for node in chain[:3] for c in node.children) \
            or any(node.lemma_ in words["hedge_verbs"] or node.lower_ in words["hedge_adjectives"]
                   for node in chain[2:]):
        status = "hedged"
    source = None
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                for pobj in prep.children:
                    found = roles.actors(pobj)
                    source = source or (found[0] if found else None)
    if source is None:
        for node in head.ancestors:
            if node.lemma_ in words["reporting_verbs"]:
                speakers = [a for c in node.children if c.dep_ == "nsubj" for a in roles.actors(c)]
                if speakers:
                    source = speakers[0]
                    break
    return status, source
