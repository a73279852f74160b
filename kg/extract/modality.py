"""When an event happened, whether the article asserts, denies or hedges it, and who says so."""

from __future__ import annotations

from datetime import date

from kg.extract.clauses import path_up
from kg.extract.dates import TimeBounds, normalise_date
from kg.extract.roles import Roles

__all__ = ["date_for", "modality", "negated"]

_TIME_PREPS = {"since", "until", "before", "after", "from"}


def date_for(head, sent, published: date | None, *, future: bool = False,
             reporting: frozenset[str] = frozenset(), same_day: date | None = None) -> TimeBounds | None:
    """Return the date expression that governs the event's clause, normalised.

    A verb in ``reporting`` ends the clauses that govern the event: "Putin said on Friday that
    Russia had delivered the warheads" does not date the delivery. ``same_day`` is the day
    "later the same day" means.
    """
    # A date belongs to the trigger's clause, or to a clause that governs it ("In late October,
    # she arrived in Moscow, where she held talks": the date hangs on "arrived").
    governing, child = [head], head
    for node in head.ancestors:
        if node.lemma_ in reporting or child.dep_ == "relcl" \
                and not any(c.lower_ in {"where", "when"} for c in child.children):
            # "held talks with Wang Yi, who said …": a relative clause tells its own time,
            # but "arrived in Moscow, where she held talks" is dated by the arrival.
            break
        governing.append(node)
        child = node
    ranked = []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        attach = ent.root.head
        while attach.dep_ in {"prep", "pobj", "npadvmod", "amod"} and attach.head is not attach \
                and attach not in governing:
            attach = attach.head
        if attach in governing:
            ranked.append((governing.index(attach), ent.start, ent, attach))
    candidates = [(ent, attach) for _, _, ent, attach in sorted(ranked, key=lambda r: r[:2])]
    if not candidates:
        # The parser often hangs "on Monday" on the object ("received Araghchi in Moscow on
        # Monday"): a date inside the trigger's own clause still belongs to it.
        clause = {t.i for t in head.subtree}
        candidates = [(ent, head) for ent in sent.ents if ent.label_ == "DATE" and ent.root.i in clause
                      and not _in_own_clause(ent.root, head)]
    # A hedged event still to come reads "on Friday" ahead, unless the date hangs on a verb in
    # the past: "approved the sale on Friday".
    found = [_normalised(ent, published, future and attach.tag_ not in {"VBD", "VBN"}, same_day)
             for ent, attach in candidates]
    # A duration ("the first in more than four decades") is no date; a date beside it wins.
    return next((when for when in found if when.earliest is not None), found[0] if found else None)


def _normalised(ent, published: date | None, future: bool, same_day: date | None) -> TimeBounds:
    text = ent.text
    if ent.root.head.lower_ in _TIME_PREPS and ent.root.dep_ == "pobj":
        text = f"{ent.root.head.text} {text}"
    return normalise_date(text, published=published, future=future, same_day=same_day)


def negated(verb) -> bool:
    """Tell whether a verb is negated: "did not meet", "Neither Moscow nor Pyongyang has confirmed",
    "is no longer supplying", "there were no troops"."""
    return any(c.dep_ == "neg" or c.dep_ == "preconj" and c.lower_ == "neither" or
               c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) or
               c.dep_ == "nsubj" and any(g.dep_ in {"preconj", "det"} and g.lower_ == "neither" for g in c.children)
               # "there were no Ugandan troops in Juba"
               or c.dep_ == "attr" and verb.lemma_ == "be" and any(g.dep_ == "det" and g.lower_ == "no"
                                                                  for g in c.children)
               for c in verb.children)


def _in_own_clause(token, head) -> bool:
    # "Erdoğan, who brokered the deal in July 2022, said …": the date is the brokering's. "…
    # sent 3,000 troops, and the total is expected to reach 10,000 by December": the date is the
    # second clause's, which has a subject of its own.
    return any(node.dep_ == "relcl" or node.dep_ == "conj" and node.head.i == head.i
               and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
               for node in path_up(token, head) or [])


def _particle(verb) -> str:
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")


def _governing_words(head) -> list:
    """Return the words above the trigger that govern it as a complement.

    A verb governs what it takes as a complement, not a clause joined to it by "and": in "rejected
    the claim and accused the US of arming Ukraine", or "urged talks and said India was ready",
    the second verb is no part of the first.
    """
    governing, child = [], head
    for node in _scope(head):
        if child.dep_ != "conj":
            governing.append(node)
        child = node
    return governing


def _governing_clause(head, words) -> list:
    """Return the words above the trigger up to, not including, a verb that reports it."""
    chain = []
    for node in _scope(head):
        if node.lemma_ in words["reporting_verbs"]:
            break
        chain.append(node)
    return chain


def _scope(head) -> list:
    """Return the words above the trigger whose hedges and denials reach it.

    A relative or adverbial clause states its own fact: "would expand ties under the treaty they
    signed in June" does not hedge the signing, nor "urged a ceasefire as he held talks" the talks;
    nor does a clause hedge the saying set inside it ("the ties, Katz added, would outlast him").
    """
    chain, node = [], head
    while node.head.i != node.i and not (node.dep_ in {"relcl", "parataxis"} or node.dep_ == "advcl" and any(
            c.dep_ == "mark" for c in node.children) or node.dep_ == "acl" and node.tag_ in {"VBN", "VBD"}):
        node = node.head
        chain.append(node)
    return chain


def modality(trigger, head, sent, roles: Roles, *, modal_hedges: bool = True) -> tuple[str, str | None]:
    """Return the event's status (asserted, negated, hedged) and the actor cited as its source."""
    words = roles.lexicon.modality
    auxiliaries = words["hedge_auxiliaries"] if modal_hedges else frozenset()
    status = "asserted"
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in trigger.children) or trigger.dep_ == "pobj" and trigger.head.lower_ == "without" \
            or trigger.dep_ == "pobj" and trigger.head.head.dep_ == "relcl" \
            and trigger.head.head.head.lower_ in words["disowning_pronouns"]:
        # "reached no agreement", "ended without a joint statement", "had nothing to do with the
        # offensive"
        status = "negated"
    elif negated(trigger) or negated(head) or trigger.dep_ == "pobj" and negated(trigger.head.head) \
            or any(node.lemma_ in words["denial_verbs"] or node.lemma_ in words["stopping_verbs"]
                   or f"{node.lemma_} {_particle(node)}" in words["stopping_verbs"]
                   for node in _governing_words(head)):
        # "did not meet", "denied sending", "had not taken part in the operation"
        status = "negated"
    elif any(c.lower_ in auxiliaries or c.lower_ in words["hedge_adverbs"]
             for node in (trigger, head, *_governing_clause(head, words)) for c in node.children) \
            or any(c.dep_ == "amod" and c.lower_ in words["hedge_adjectives"] for c in trigger.children) \
            or any(c.dep_ == "mark" and c.lower_ in words["condition_marks"] for node in (head, *_scope(head))
                   for c in node.children) \
            or any(node.lemma_ in words["hedge_verbs"] or node.lower_ in words["hedge_adjectives"]
                   or node.pos_ == "NOUN" and node.lemma_ in words["hedge_nouns"]
                   # "is due in New Delhi for talks": the parser hangs the talks on "is".
                   or node.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in words["hedge_adjectives"]
                                                  for c in node.children)
                   for node in _governing_words(head)):
        status = "hedged"
    source = None
    for token in sent:
        if token.lemma_.lower() == "cite" and token.dep_ in {"advcl", "xcomp", "conj", "acl"}:
            # "…, lawmakers said, citing the NIS"
            for obj in (c for c in token.children if c.dep_ == "dobj"):
                found = roles.actors(obj)
                source = source or (found[0] if found else None)
        if token.lower_ == "according":
            for prep in token.children:
                for pobj in prep.children:
                    found = roles.actors(pobj)
                    source = source or (found[0] if found else None)
    if source is None:
        reporters = list(head.ancestors) + [c for c in head.children if c.dep_ in {"ccomp", "parataxis"}
                                            or c.dep_ == "conj" and c.i > head.i]
        # "Turkey, the ministry added, was ready to take every step": the aside hangs on the verb above.
        reporters += [c for a in head.ancestors for c in a.children if c.dep_ == "parataxis"]
        for node in reporters:
            if node.lemma_ in words["reporting_verbs"] or node.lemma_ in words["charging_verbs"]:
                speakers = [a for c in node.children if c.dep_ == "nsubj" for a in roles.actors(c)]
                if speakers:
                    source = speakers[0]
                    break
    return status, source
