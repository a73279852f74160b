"""Relations the text states: parties to agreements, where forces are sent, who supplies whom.

- ``partyTo``: an agreement named in the article binds the parties the reference KB lists for it
  that the article also names, and the actors of a signing of it.
- ``supplies``: a state or organisation sending troops or arms to another, from deployments
  and transfers; ``deployedTo``: a unit, or forces with no receiving state, sent to a place.
- ``locatedIn``: "Korenevo in the Kursk region", a place named inside another.
- ``memberOf``: "NATO member Poland", "Finland joined NATO", and a small bloc the reference KB
  lists members for ("AUKUS") named in one sentence with its members.
- ``allyOf``: "Russia's ally Belarus", "its ally North Korea".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.extract.linking import ArticleContext
from kg.records import Event, Relation, Span

__all__ = ["extract_relations", "located_in", "stated_ties"]

_GROUP_TYPES = ("Organization",)
_SUPPLIERS = ("State", "Organization")
_MEMBER_TYPES = ("State", "Organization")


def _sentence_of(start: int, text: str) -> Span:
    # Evidence for a mention-based relation is the sentence around the mention.
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left += len(text[left:right]) - len(text[left:right].lstrip())
    return Span(text[left:right].rstrip(), left, left + len(text[left:right].rstrip()))


def located_in(doc, token_iris: dict[int, str], context: ArticleContext, offset: int,
               article_text: str) -> Iterator[Relation]:
    """Yield ``locatedIn`` for a place written right before "in"/"of" and another place.

    Adjacency is used rather than the parse, which often hangs "in the Kursk region" on the verb.
    """
    for token in doc[:-2]:
        inner = token_iris.get(token.i)
        if not inner or context.entities[inner].type != "Place" or token_iris.get(token.i + 1) == inner:
            continue
        if doc[token.i + 1].lower_ not in ("in", "of"):
            continue
        after = token.i + 2
        if doc[after].lower_ == "the" and after + 1 < len(doc):
            after += 1
        outer = token_iris.get(after)
        if outer and outer != inner and context.entities[outer].type in ("Place", "State"):
            sent = token.sent
            start, end = offset + sent.start_char, offset + sent.end_char
            yield Relation(inner, "locatedIn", outer, Span(article_text[start:end], start, end))


def stated_ties(doc, token_iris: dict[int, str], context: ArticleContext, offset: int,
                article_text: str) -> Iterator[Relation]:
    """Yield ``memberOf`` and ``allyOf`` relations written out in one paragraph."""
    def entity(token, types):
        iri = token_iris.get(token.i)
        return iri if iri and context.entities[iri].type in types else None

    def evidence(token) -> Span:
        start, end = offset + token.sent.start_char, offset + token.sent.end_char
        return Span(article_text[start:end], start, end)

    for token in doc:
        lemma = token.lemma_.lower()
        if lemma == "member" and token.pos_ == "NOUN":
            # "NATO member Poland" / "Poland, a NATO member"
            group = next((entity(c, _GROUP_TYPES) for c in token.children if c.dep_ in ("compound", "poss")
                          and entity(c, _GROUP_TYPES)), None)
            members = [entity(t, _MEMBER_TYPES) for t in [token.head] + [c for c in token.children if c.dep_ == "appos"]]
            for member in filter(None, members):
                if group and member != group:
                    yield Relation(member, "memberOf", group, evidence(token))
        elif lemma == "join" and token.pos_ == "VERB":
            subjects = [entity(c, ("State",)) for c in token.children if c.dep_ == "nsubj"]
            groups = [entity(c, _GROUP_TYPES) for c in token.children if c.dep_ == "dobj"]
            for member in filter(None, subjects):
                for group in filter(None, groups):
                    yield Relation(member, "memberOf", group, evidence(token))
        elif lemma == "ally" and token.pos_ == "NOUN":
            # "Russia's ally Belarus", "its ally North Korea"
            owners = [entity(c, ("State",)) for c in token.children if c.dep_ == "poss"]
            # The parser often leaves the name beside "ally" unattached: take the next word too.
            beside = [token.doc[token.i + 1]] if token.i + 1 < len(token.doc) else []
            allies = [entity(t, ("State",)) for t in [token.head] + beside +
                      [c for c in token.children if c.dep_ in ("appos", "compound")]]
            for owner in filter(None, owners):
                for ally in filter(None, allies):
                    if owner != ally:
                        yield Relation(owner, "allyOf", ally, evidence(token))


def _listed_in_sentence(context: ArticleContext, listing: dict[str, set[str]], predicate: str,
                        article_text: str) -> Iterator[Relation]:
    """Yield what the KB lists for a name (an agreement's parties, a bloc's members) when the
    sentence that names it names them too."""
    for mention in context.mentions:
        if mention.entity not in listing:
            continue
        evidence = _sentence_of(mention.span.start, article_text)
        in_sentence = {m.entity for m in context.mentions if evidence.start <= m.span.start < evidence.end}
        for other in sorted(listing[mention.entity] & in_sentence):
            yield Relation(other, predicate, mention.entity, evidence)


def extract_relations(context: ArticleContext, events: Iterable[Event], article_text: str) -> Iterator[Relation]:
    """Yield the article-level relations from its mentions and events."""
    seen: set[tuple[str, str, str]] = set()

    def emit(relation: Relation) -> Iterator[Relation]:
        key = (relation.subject, relation.predicate, relation.object)
        if key not in seen:
            seen.add(key)
            yield relation

    gazetteer = context.gazetteer
    for listing, predicate in ((gazetteer.parties, "partyTo"), (gazetteer.members, "memberOf")):
        for relation in _listed_in_sentence(context, listing, predicate, article_text):
            yield from emit(relation)
    for event in events:
        if event.type == "Signing" and event.agreement:
            for actor in event.participants:
                if context.entities[actor].type in ("State", "Organization"):
                    yield from emit(Relation(actor, "partyTo", event.agreement, event.evidence))
        if event.status != "asserted" or not event.agent:
            continue
        kinds = (context.entities[event.agent].type,
                 context.entities[event.recipient].type if event.recipient else None)
        # A state supplies troops or arms to another; a unit is deployed to a place or state.
        if event.type in ("Deployment", "Transfer") and kinds[0] in _SUPPLIERS and kinds[1] in _SUPPLIERS:
            yield from emit(Relation(event.agent, "supplies", event.recipient, event.evidence))
        if event.type == "Deployment" and (kinds[0] == "MilitaryUnit" or not event.recipient) and event.place:
            yield from emit(Relation(event.agent, "deployedTo", event.place, event.evidence))
