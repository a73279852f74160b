"""Which state stands behind an actor, and which state hosts a place.

A person or a state body acts for its state ("Lavrov" for Russia, "Iran's Foreign Ministry" for
Iran); an armed group or an alliance has none. A trip or a deployment to a city is hosted by the
city's state, unless the one who goes is from that state.
"""

from __future__ import annotations

from kg.extract.roles import Roles

__all__ = ["firm_state", "host_state", "named_in", "own_state", "person_state", "state_body_owner"]


def own_state(actor: str, roles: Roles) -> str:
    """Return the state a person or a state body acts for, if known, else the actor itself."""
    if roles.type_of(actor) not in {"Person", "Organization"}:
        return actor
    state = roles.context.entities[actor].state
    if state:
        roles.context.register(state)
    return state or actor


def person_state(actor: str, roles: Roles) -> str:
    return own_state(actor, roles) if roles.type_of(actor) == "Person" else actor


def state_body_owner(actor: str, roles: Roles) -> str:
    # A ministry or army of a state, not an armed group or alliance, which have no state.
    if roles.type_of(actor) != "Organization":
        return actor
    return own_state(actor, roles)


def firm_state(actor: str, sent, roles: Roles) -> str:
    """Return the state a firm is named as belonging to in the sentence, else the actor: "South
    Korea's Hanwha", "the Turkish manufacturer Baykar" (a maker sells for its state).

    A body of the reference KB counts only beside a maker noun: "Yemen's Houthis" are no firm.
    """
    entity = roles.context.entities.get(actor)
    if entity is None or entity.type != "Organization":
        return actor
    heads = [t for t in sent if roles.token_iris.get(t.i) == actor and roles.token_iris.get(t.head.i) != actor]
    # The noun a name stands beside or names: "the manufacturer Baykar", "Baykar, the maker".
    beside = [t.head for t in heads if t.dep_ in {"appos", "compound"}] + \
        [c for t in heads for c in t.children if c.dep_ in {"appos", "compound"}]
    makers = [n for n in beside if n.lemma_.lower() in roles.lexicon.modality["maker_nouns"]]
    nouns = makers + ([] if entity.in_reference else heads)
    states = {roles.token_iris.get(m.i) for n in nouns for c in n.children if c.dep_ in {"poss", "amod", "compound"}
              for m in c.subtree} - {None, actor}
    states = {s for s in states if roles.type_of(s) == "State"}
    if len(states) != 1:
        return actor
    state = states.pop()
    roles.context.register(state)
    return state


def named_in(sent, iri: str, roles: Roles) -> bool:
    return any(roles.token_iris.get(token.i) == iri for token in sent)


def host_state(visitor: str, place: str, roles: Roles) -> list[str]:
    """Return the state a visit to ``place`` is hosted by, when it is not the visitor's own."""
    entities = roles.context.entities
    host = place if entities[place].type == "State" else entities[place].state
    own = visitor if entities[visitor].type == "State" else entities[visitor].state
    if not host or host == own:
        return []
    roles.context.register(host)
    return [host]
