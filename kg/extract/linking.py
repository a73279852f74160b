"""Link mentions in a parsed paragraph to entities: reference ones first, new ones otherwise.

The entity ruler marks every reference name with the entity's IRI. On top of that this module
resolves a capital used for its state ("Pyongyang denied", "Moscow's policies"), a surname or
family name used alone for a person named earlier in the article ("Lavrov", "Choe"), and creates
entities for people, organisations and places that the reference KB lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.gazetteer import DEMONYM_LABEL, RULER_LABEL, Gazetteer
from kg.iris import entity_iri, normalise_name
from kg.records import Entity, Mention, Span

__all__ = ["ArticleContext", "link_paragraph"]

#: spaCy NER labels that become new entities, and the kg type they become.
_NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
#: Dependencies under which a capital's name stands for its state.
_STATE_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
_STATE_PREPS = {"between", "with", "and", "against"}
_TITLE_WORDS = {"president", "minister", "leader", "secretary", "chief", "general", "spokesman",
                "spokeswoman", "chairman", "king", "prince", "premier", "chancellor", "ambassador"}


@dataclass
class ArticleContext:
    """What linking has learnt so far about one article: its entities and mentions."""

    gazetteer: Gazetteer
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    name_parts: dict[str, set[str]] = field(default_factory=dict)  # single name token → person IRIs

    def add(self, iri: str, text: str, start: int) -> None:
        entity = self.entities.get(iri) or self.gazetteer.entities[iri]
        self.entities[iri] = entity
        self.mentions.append(Mention(entity=iri, span=Span(text, start, start + len(text))))
        if entity.type == "Person":
            for part in entity.label.split():
                self.name_parts.setdefault(part, set()).add(iri)

    def person_by_name_part(self, text: str) -> str | None:
        # Only a name part that points at one person in this article is safe to resolve.
        options = self.name_parts.get(text, set())
        return next(iter(options)) if len(options) == 1 else None


def _stands_for_state(span) -> bool:
    root = span.root
    if root.dep_ in _STATE_DEPS:
        return True
    if root.dep_ == "conj" and root.head.dep_ in _STATE_DEPS:
        return True
    head = root.head if root.dep_ != "conj" else root.head.head
    return root.dep_ in {"pobj", "conj"} and head.lower_ in _STATE_PREPS


def link_paragraph(doc, offset: int, context: ArticleContext) -> dict[int, str]:
    """Link the entities of one parsed paragraph; return the entity IRI for each linked token.

    ``offset`` is where the paragraph starts in the article text; mentions are recorded in
    ``context`` with article offsets.
    """
    gazetteer = context.gazetteer
    token_iris: dict[int, str] = {}
    for ent in doc.ents:
        iri = None
        if ent.label_ in (RULER_LABEL, DEMONYM_LABEL):
            iri = ent.ent_id_
            capital_of = gazetteer.capital_of.get(iri)
            if capital_of and _stands_for_state(ent):
                iri = capital_of
        elif ent.label_ in _NER_TYPES:
            # The statistical model sometimes takes in a neighbouring word ("Later Lavrov").
            ent = _trim(ent)
            if ent is not None:
                iri = _new_entity(ent, _NER_TYPES[ent.label_], context)
        if iri is None:
            continue
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        context.add(iri, text, offset + ent.start_char)
        for token in ent:
            token_iris[token.i] = iri
    for token in doc:
        if token.i in token_iris or token.pos_ != "PROPN":
            continue
        iri = context.person_by_name_part(token.text)
        if iri:
            context.add(iri, token.text, offset + token.idx)
            token_iris[token.i] = iri
    return token_iris


def _trim(ent):
    """Drop leading and trailing words that are not proper nouns; None if nothing is left."""
    tokens = [t for t in ent]
    while tokens and tokens[0].pos_ != "PROPN":
        tokens.pop(0)
    while tokens and tokens[-1].pos_ != "PROPN":
        tokens.pop()
    if not tokens:
        return None
    span = ent.doc[tokens[0].i:tokens[-1].i + 1]
    span.label_ = ent.label_
    return span


def _new_entity(ent, type_: str, context: ArticleContext) -> str | None:
    words = [t for t in ent if not (t.is_punct or t.lower_ in {"the", "'s", "’s"})]
    if not words or not words[0].text[:1].isupper():
        return None
    name = " ".join(t.text for t in words)
    # A name part of a person already named in the article is that person, whatever NER says.
    if len(words) == 1 and context.person_by_name_part(name):
        return context.person_by_name_part(name)
    known = {normalise_name(e.label): iri for iri, e in context.entities.items() if e.type == "Person"}
    if normalise_name(name) in known:
        return known[normalise_name(name)]
    if type_ == "Person" and (len(words) == 1 or any(t.lower_ in _TITLE_WORDS for t in words)):
        return None
    iri = entity_iri(type_, name)
    if iri not in context.entities:
        context.entities[iri] = Entity(iri=iri, label=name, type=type_, in_reference=False)
    return iri
