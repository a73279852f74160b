"""What a cargo trigger ("send", "supply", "deliver") moves: troops or arms, how many, and
whether several givers each give.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from kg.extract.clauses import described
from kg.extract.lexicon import NEUTRAL_CARGO, Lexicon, parse_quantity, qualifier
from kg.extract.roles import Roles
from kg.records import Event

__all__ = ["cargo_quantity", "cargo_type", "coordinated_cargo", "each_gives", "follow_on", "offered", "says_each"]


def cargo_quantity(token, lexicon: Lexicon) -> tuple[int | None, str | None]:
    """Return the number and qualifier of the troops or items a token names."""
    for child in token.children:
        if child.dep_ in {"nummod", "quantmod"} and child.like_num:
            words = " ".join(t.lower_ for t in child.subtree if t.i < child.i)
            words = words or " ".join(t.lower_ for t in token.children if t.dep_ in {"advmod", "quantmod"})
            tail = " ".join(t.text for t in child.subtree)
            return parse_quantity(tail, lexicon.modality["scales"]), qualifier(words, lexicon)
    if token.like_num:
        return parse_quantity(token.text, lexicon.modality["scales"]), None
    return None, None


def cargo_type(trigger, type_: str, head, lexicon: Lexicon) -> str | None:
    """Return the event type that what is sent makes of a cargo trigger, or None for no event.

    What is sent, or what a number counts ("49 of its tanks"), gives the type; otherwise a number
    or a name as the object ("sent 10,000 to Russia", "supplied Russia with …") keeps the
    trigger's type, and an object that is neither people nor arms ("sent good wishes") makes none.
    """
    if trigger.lemma_.lower() in lexicon.no_cargo | lexicon.receiver_objects:
        # "patrol" sends nothing; "arm" names who receives, not what.
        return type_
    # "has given Ukraine all of its Caesar howitzers": a pronoun counts what follows "of".
    # "buys most of its weapons from Russia": so does a word of quantity.
    nouns = [c for node in (head, trigger) for c in node.children
             if c.dep_ in {"dobj", "nsubjpass"} and (c.pos_ in {"NOUN", "PROPN", "NUM"} or c.pos_ in {"PRON", "ADJ"}
                                                     and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children))
             ] + described(trigger)
    if trigger.lemma_.lower() in lexicon.fixed_type and trigger.pos_ == "VERB" \
            and (trigger.tag_ != "VBN" or any(c.dep_ == "aux" for c in trigger.children)) \
            and not any(c.dep_ in {"dobj", "auxpass"} for c in trigger.children):
        # "US service members would deploy to the Dominican Republic": what moves is the subject.
        nouns += [c for c in trigger.children if c.dep_ == "nsubj"]
    if trigger.dep_ == "relcl" and not any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in trigger.children):
        # "the 14 Gripen fighters that it has leased from Sweden": what the clause describes is sent.
        nouns.append(trigger.head)
    # "supplied Russia with shells"; "the transfer of F-16 jets"
    carriers = {"with", "of"} if trigger.pos_ == "NOUN" else {"with"}
    # "provide the five countries with 26 billion yuan": the parser may hang "with" on the receiver.
    receivers = [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}]
    preps = [prep for node in (head, trigger, *receivers) for prep in node.children if prep.dep_ == "prep"
             and (node in (head, trigger) or prep.lower_ == "with")]
    # "will send a THAAD battery to Israel, along with about 100 American soldiers"
    preps += [c for prep in preps if prep.lower_ == "along" for c in prep.children if c.dep_ == "prep"]
    nouns += [p for prep in preps if prep.lower_ in carriers for p in prep.children if p.dep_ == "pobj"]
    # "containers of munitions", "$100 million in aid": what the container or sum holds says what it is.
    nouns += [p for n in nouns for prep in n.children if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}
              for p in prep.children if p.dep_ == "pobj"]
    # "warplanes and troops"; "arms transfers", "Pakistan's arms imports"
    nouns += [c for n in nouns for c in n.children if c.dep_ == "conj" or c.dep_ == "compound" and c.pos_ == "NOUN"
              and n.dep_ == "pobj" and lexicon.cargo_type(n) is None]
    if trigger.pos_ == "NOUN":
        nouns += [c for c in trigger.children if c.dep_ == "compound"]
    kinds = {lexicon.cargo_type(n) for n in nouns}
    kinds.discard(None)
    kept = type_ == "Deployment" and trigger.lemma_.lower() in lexicon.presence | lexicon.sightings
    if kept and not kinds and any(n.lemma_.lower() in lexicon.presence_nouns for n in nouns):
        # "hosts a Russian military base in Gyumri": the base stands for the force it holds.
        return type_
    if kinds == {NEUTRAL_CARGO}:
        return type_
    kinds.discard(NEUTRAL_CARGO)
    if kinds and (trigger.lemma_.lower() in lexicon.fixed_type or kept):
        # "deploy missiles" is still a deployment, and so are aircraft kept at a base; only
        # "send" and its like follow the cargo.
        return type_
    if kinds == {"Pledge"}:
        # "would give Argentina $40 million": money alone is promised, whoever receives it.
        return "Pledge"
    if kinds:
        # "will send 49 of its Abrams tanks": what the number counts says what is sent.
        return type_ if type_ in kinds else kinds.pop()
    if any(n.pos_ in {"PROPN", "NUM"} and n.dep_ in {"dobj", "nsubjpass"} for n in nouns):
        return type_
    return None


def each_gives(type_: str, trigger, agents: list[str], recipients: list[str], objects: list, roles: Roles) -> bool:
    """Whether two or more states each give something, rather than commit to each other ("Moscow
    and Kyiv undertook not to attack ships") or move together ("held a joint patrol")."""
    lexicon = roles.lexicon
    if type_ not in {"Pledge", "Transfer", "Deployment"} \
            or trigger.lemma_.lower() in lexicon.no_cargo | lexicon.rescue_verbs \
            or len(agents) < 2 or not all(roles.type_of(a) == "State" for a in agents):
        return False
    each = says_each(trigger)
    gives = any(lexicon.cargo_type(o) for o in objects)
    return each or bool(recipients) or gives


def says_each(trigger, *, on_subject: bool = False) -> bool:
    """Whether "each" sits on the trigger ("have each promised"), or with ``on_subject`` on its
    subject ("Lithuania, Latvia and Estonia each summoned"). A pledge keeps the second as one:
    "Russia and Iran each undertook not to help an aggressor" commits them to each other."""
    return any(t.lower_ == "each" and (t.head.i in {trigger.i, trigger.head.i}
                                       or on_subject and t.head.dep_ == "nsubj" and t.head.head.i == trigger.i)
               for t in trigger.sent)


def offered(trigger, lexicon: Lexicon) -> bool:
    # "ready to keep supplying gas": climb the verbs the trigger completes to the adjective.
    node = trigger
    while node.dep_ == "xcomp" and node.head.pos_ == "VERB":
        node = node.head
    return node.dep_ == "xcomp" and node.head.pos_ == "ADJ" \
        and node.head.lemma_.lower() in lexicon.modality["offer_adjectives"]


def follow_on(event: Event, head, lexicon: Lexicon) -> Iterator[Event]:
    """Yield a hedged copy for "with another 5,000 expected to follow"."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for pobj in prep.children:
            if not pobj.like_num or not any(t.lower_ in {"another", "more", "further", "additional"}
                                            for t in pobj.subtree):
                continue
            hedged = any(t.lemma_ in lexicon.modality["hedge_verbs"] or
                         t.lower_ in lexicon.modality["hedge_adjectives"] for t in pobj.subtree)
            yield replace(event, quantity=parse_quantity(pobj.text), quantity_qualifier="exactly",
                          status="hedged" if hedged else event.status, trigger=pobj.text)


def coordinated_cargo(event: Event, objects: list, lexicon: Lexicon) -> Iterator[Event]:
    """Yield one more event per coordinated cargo with its own number.

    "will send 1,000 mine clearance specialists and 5,000 construction workers" is two
    deployments of 1,000 and 5,000.
    """
    for obj in objects:
        for conj in (c for c in obj.children if c.dep_ == "conj"):
            quantity, qualifier_ = cargo_quantity(conj, lexicon)
            if quantity is not None and quantity != event.quantity:
                yield replace(event, quantity=quantity, quantity_qualifier=qualifier_, trigger=conj.text)
