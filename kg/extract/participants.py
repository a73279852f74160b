"""Which of a sentence's entities take part in an event, learned from hand-annotated articles.

The rules in ``events.py`` find each event's participants from the parse. Their choice is one
strong fact among others: where each actor the sentence names stands from the trigger (its
dependency, the preposition before it, the path up to the trigger), which role the rules gave it,
whether it is the event's place or source, or the state of a participant, and how it stands
among the others (how often the article names it, how many of its kind stand nearer the
trigger). A logistic model over these facts, fitted with ``kg fit-participants`` on a gold set,
then keeps the candidates it thinks more likely than not to take part. When it keeps none, the
rules' choice stands.

The bundled model, ``kg/data/participants.json``, was fitted on ``tests/fixtures/gold/dev``;
``$KG_PARTICIPANTS`` names another.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from kg.extract.logistic import LogisticModel, read_model
from kg.extract.roles import ACTOR_TYPES, Roles
from kg.records import Event

__all__ = ["CANDIDATE_TYPES", "Chooser", "candidate_features", "choose", "keep", "load_participant_model"]

#: Settles one sentence's events, given as (trigger token, event) pairs, and returns one event for
#: each pair, in order: :func:`choose` with a model, or a recorder while fitting one.
Chooser = Callable[[Sequence[tuple[object, Event]], Roles], list[Event]]

#: Kinds of entity that can take part in an event; a place that is no state does at times
#: ("fighting for Bakhmut").
CANDIDATE_TYPES = ACTOR_TYPES | {"Place"}
#: Token distances and path lengths are counted up to these bounds, and beyond.
_STEPS = (1, 2, 4, 8, 16)
#: Dependencies of the clauses an actor can be named in below or beside the trigger.
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj"})


def load_participant_model(path: str | Path | None = None) -> LogisticModel:
    """Load a model written by ``kg fit-participants``: ``path``, else ``$KG_PARTICIPANTS``, else the bundled one."""
    path = path or os.environ.get("KG_PARTICIPANTS") or None
    return read_model(str(path) if path else None, bundled="participants.json", kind="participant model",
                      command="kg fit-participants", variable="KG_PARTICIPANTS")


def choose(found: Iterable[tuple[object, Event]], roles: Roles, model: LogisticModel) -> list[Event]:
    """Return one sentence's events with the participants ``model`` keeps.

    The rules' participants that are kept come first, in their order, then the new ones in the
    order the sentence names them. An agent or recipient that is dropped is no longer one.
    """
    chosen = []
    for trigger, event in found:
        kept = keep(model, candidate_features(trigger, event, roles))
        if not kept:
            chosen.append(event)
            continue
        participants = [p for p in event.participants if p in kept] + \
            [iri for iri in kept if iri not in event.participants]
        chosen.append(replace(event, participants=tuple(participants),
                              agent=event.agent if event.agent in kept else None,
                              recipient=event.recipient if event.recipient in kept else None))
    return chosen


def keep(model: LogisticModel, candidates: dict[str, list[str]]) -> list[str]:
    """Return the candidates, by their facts, that ``model`` finds more likely than not to take part."""
    return [candidate for candidate, facts in candidates.items() if model.probability(facts) > 0.5]


def candidate_features(trigger, event: Event, roles: Roles) -> dict[str, list[str]]:
    """Return the facts about each candidate participant of one event, by entity IRI.

    The candidates are the entities of :data:`CANDIDATE_TYPES` the sentence names, and the
    event's participants as the rules found them, which may be named before it ("she").
    """
    named: dict[str, list] = {}
    for token in trigger.sent:
        iri = roles.token_iris.get(token.i)
        if iri is not None and roles.type_of(iri) in CANDIDATE_TYPES:
            named.setdefault(iri, []).append(token)
    candidates = {iri: _heads(tokens) for iri, tokens in named.items()}
    for iri in event.participants:
        candidates.setdefault(iri, [])
    # A state the sentence does not name can still be there: it holds a place, or owns an actor.
    holders = {roles.context.entities[iri].state: roles.type_of(iri) for iri in named}
    standing = _standing(candidates, event, trigger, roles)
    return {iri: _facts(event, iri, heads, trigger, roles, holders.get(iri)) + standing[iri]
            for iri, heads in candidates.items()}


def _standing(candidates: dict[str, list], event: Event, trigger, roles: Roles) -> dict[str, list[str]]:
    """Return how each candidate stands among the others: how often the article has named it so
    far, whether it is the state named most, and how many of its kind the sentence names nearer
    the trigger.

    An article about the war in Ukraine names Ukraine often, and a strike in it may be on Ukraine
    though the sentence names only a city; of two people named, the nearer one is more often the
    one met.
    """
    named = Counter(mention.entity for mention in roles.context.mentions)
    most = max((n for iri, n in named.items() if roles.type_of(iri) == "State"), default=0)
    distance = {iri: min(abs(h.i - trigger.i) for h in heads) for iri, heads in candidates.items() if heads}
    standing = {}
    for iri, heads in candidates.items():
        kind, role = roles.type_of(iri), _role(event, iri)
        facts = [f"T={event.type}|ET={kind}|mentioned={_step(named[iri])}|role={role}"]
        if kind == "State":
            facts.append(f"T={event.type}|most_named_state={named[iri] == most}|role={role}|named={bool(heads)}")
        if iri in distance:
            nearer = sum(1 for other, d in distance.items() if d < distance[iri] and roles.type_of(other) == kind)
            facts.append(f"T={event.type}|ET={kind}|nearer_of_kind={min(nearer, 2)}|in={iri in event.participants}")
        standing[iri] = facts
    return standing


def _facts(event: Event, iri: str, heads: list, trigger, roles: Roles, holds: str | None) -> list[str]:
    """Return what the rules made of a candidate, then where the sentence names it."""
    entities = roles.context.entities
    type_, kind = event.type, roles.type_of(iri)
    parts = set(event.participants)
    role = _role(event, iri)
    facts = ["bias", f"ET={kind}", f"role={role}", f"T={type_}", f"T={type_}|ET={kind}", f"T={type_}|role={role}",
             f"T={type_}|ET={kind}|role={role}", f"T={type_}|role={role}|n={min(len(parts), 4)}"]
    tied = [("place", iri == event.place), ("source", iri == event.source),
            ("state_of_participant", iri in {entities[p].state for p in parts if p in entities}),
            ("participant_state", iri in entities and entities[iri].state in parts)]
    facts += [f"T={type_}|{name}|role={role}" for name, true in tied if true]
    if holds:
        facts.append(f"T={type_}|holds_named={holds}|role={role}|named={bool(heads)}")
    if not heads:
        return facts + [f"T={type_}|not_in_sentence|role={role}"]
    kinds = "+".join(sorted({roles.type_of(p) for p in parts if p in entities})) or "none"
    head = min(heads, key=lambda t: abs(t.i - trigger.i))
    placed = _placement(head, trigger, roles, role, kind) + [f"mentions={min(len(heads), 3)}",
                                                            f"kinds={kinds}|in={iri in parts}"]
    partners = {t.i for t in (*head.conjuncts, *(c for c in head.children if c.dep_ == "appos"))}
    if partners:
        # "Russia and Iran", "Choe Son Hui, the foreign minister": one of a pair the rules took.
        joined = {roles.token_iris.get(i) for i in partners} - {None, iri}
        placed.append(f"joined_to_participant={bool(joined & parts)}|role={role}")
    return facts + [f"T={type_}|{fact}" for fact in placed]


def _role(event: Event, iri: str) -> str:
    return "agent" if iri == event.agent else "recipient" if iri == event.recipient else \
        "other" if iri in event.participants else "none"


def _placement(head, trigger, roles: Roles, role: str, kind: str) -> list[str]:
    """Return where a mention stands from the trigger: side, distance, dependency, path, clause."""
    up, top, down = _path(head, trigger)
    facts = [f"side={'before' if head.i < trigger.i else 'after'}|role={role}",
             f"dist={_step(abs(head.i - trigger.i))}", f"dep={head.dep_}", f"dep={head.dep_}|role={role}",
             f"pathlen={_step(len(up) + len(down))}",
             f"path={'/'.join(t.dep_ for t in up[:3])}^{'/'.join(t.dep_ for t in down[:2])}",
             f"gov={_governor(head, trigger)}", f"trig={trigger.lemma_.lower()}|role={role}"]
    if head.dep_ == "pobj":
        prep = head.head.lower_
        facts += [f"prep={prep}", f"prep={prep}|role={role}", f"prep={prep}|ET={kind}",
                  f"prep_on={head.head.head.dep_}|prep={prep}"]
    if head.dep_ in {"poss", "compound", "amod", "nmod"}:
        owner = roles.token_iris.get(head.head.i)
        facts.append(f"mod={head.dep_}|head={roles.type_of(owner) if owner else head.head.pos_}|role={role}")
    if top is not None and top.i == trigger.i:
        facts.append(f"below_trigger|{up[-1].dep_ if up else 'self'}")
    if top is not None and top.i == head.i:
        facts.append("above_trigger")
    clause = next((a for a in (head, *head.ancestors) if a.dep_ in _CLAUSES), None)
    if clause is not None:
        facts.append(f"clause={clause.dep_}|clause_is_trigger={clause.i == trigger.i}"
                     f"|trigger_above={trigger in clause.ancestors}")
    if any(t.lower_ == "according" for t in head.ancestors):
        facts.append("according")
    if head.head.i != trigger.i and head.dep_ != "ROOT":
        facts.append(f"head_word={head.head.lemma_.lower()}|dep={head.dep_}")
    return facts


def _heads(tokens: Sequence) -> list:
    """Return the tokens of a mention, or of several, whose head lies outside them."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i]


def _path(start, end) -> tuple[list, object | None, list]:
    """Return the tokens from ``start`` up to the lowest common ancestor, that ancestor, and the
    tokens from ``end`` up to it."""
    above_end = [end, *end.ancestors]
    depth = {t.i: k for k, t in enumerate(above_end)}
    above_start = [start, *start.ancestors]
    for k, token in enumerate(above_start):
        if token.i in depth:
            return above_start[:k], token, above_end[:depth[token.i]]
    return above_start, None, above_end


def _governor(token, trigger) -> str:
    """Return the lemma of the verb a mention hangs from, or TRIGGER if that is the trigger."""
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        token = token.head
    return "TRIGGER" if token.i == trigger.i else token.lemma_.lower()


def _step(n: int) -> str:
    return next((str(bound) for bound in _STEPS if n <= bound), "far")
