"""Plain records that flow from readers through extractors to triples.

They hold no rdflib or spaCy objects, so they can be compared in tests, serialised as JSON and
sent between processes. Entities are referred to by IRI string.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["Article", "Span", "Entity", "Mention", "Event", "PostClaim", "Relation", "Extraction",
           "ENTITY_TYPES", "EVENT_TYPES", "RELATION_PREDICATES"]

#: The entity types kg links or creates, as used in records and JSON output.
ENTITY_TYPES = ("State", "Person", "Organization", "MilitaryUnit", "Agreement", "Place")

#: The event types kg extracts; each is a class of the same name in ``ontology/kg.ttl``.
EVENT_TYPES = ("Meeting", "Visit", "Deployment", "Signing", "Statement", "Pledge", "Combat", "Transfer")

#: The relations kg extracts, as named in JSON output.
RELATION_PREDICATES = ("partyTo", "allyOf", "memberOf", "partOf", "locatedIn", "commands", "supplies", "deployedTo")


@dataclass(frozen=True)
class Article:
    """One news article: its headline, text and metadata.

    ``text`` is the article as read, headline first, without front matter; every character offset
    kg records counts code points into ``text``. ``key`` identifies the article across re-ingests:
    its URL or id when known, else the file it came from.
    """

    key: str
    text: str
    title: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text, ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A state, person, organisation, unit, agreement or place, from the reference KB or new."""

    iri: str
    label: str
    type: str
    wikidata: str | None = None
    in_reference: bool = True
    state: str | None = None


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity."""

    entity: str
    span: Span


@dataclass(frozen=True)
class Event:
    """One event as one article reports it.

    ``participants`` includes the agent and the recipient. ``earliest`` and ``latest`` bound the
    date the text gives; ``date`` carries it at the precision the text supports (YYYY, YYYY-MM or
    YYYY-MM-DD).
    """

    type: str
    evidence: Span
    participants: tuple[str, ...] = ()
    agent: str | None = None
    recipient: str | None = None
    place: str | None = None
    date: str | None = None
    date_text: str | None = None
    earliest: date | None = None
    latest: date | None = None
    quantity: int | None = None
    quantity_qualifier: str | None = None
    agreement: str | None = None
    status: str = "asserted"
    source: str | None = None
    confidence: float = 0.5
    trigger: str = ""


@dataclass(frozen=True)
class PostClaim:
    """An article's statement that a person holds a post: role, state and the date it applies to.

    ``agrees_with_reference`` is None when the person is not in the reference KB.
    """

    person: str
    role: str
    of: str | None
    as_of: date | None
    evidence: Span
    agrees_with_reference: bool | None = None
    role_iri: str | None = None


@dataclass(frozen=True)
class Relation:
    """A relation the text states between two entities, e.g. a state party to an agreement."""

    subject: str
    predicate: str
    object: str
    evidence: Span


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    posts: tuple[PostClaim, ...] = ()
    relations: tuple[Relation, ...] = ()
