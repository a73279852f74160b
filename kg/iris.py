"""Mint the IRIs of articles, graphs, new entities, events and evidence: the one place that does.

IRIs are deterministic, so the same input gives the same graph, and an entity missing from the
reference KB gets the same IRI in every article that names it.

>>> entity_iri("Person", "Alexander  Kots")
'https://w3id.org/kg/id/person/alexander-kots-0a41eed8'
>>> entity_iri("Person", "alexander kots") == entity_iri("Person", "Alexander Kots")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kg.namespaces import GRAPH, ID

__all__ = ["normalise_name", "slug", "entity_iri", "article_iri", "graph_iri", "event_iri",
           "annotation_iri", "claim_iri", "TYPE_PATHS"]

#: The IRI path segment for each entity type.
TYPE_PATHS = {"State": "state", "Person": "person", "Organization": "org", "MilitaryUnit": "unit",
              "Agreement": "agreement", "Place": "place"}


def _hash(*parts: str, length: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def normalise_name(name: str) -> str:
    """Fold case, accents, apostrophes and spacing so that variants of a name compare equal."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", folded.lower()).strip()


def slug(name: str) -> str:
    """Return a readable IRI path segment for ``name``."""
    return normalise_name(name).replace(" ", "-")[:60] or "x"


def entity_iri(type_: str, name: str) -> str:
    """Return the IRI for an entity not in the reference KB, from its type and normalised name."""
    return f"{ID}{TYPE_PATHS[type_]}/{slug(name)}-{_hash(type_, normalise_name(name), length=8)}"


def article_iri(key: str) -> str:
    """Return the IRI of the article identified by ``key`` (its URL, id or file path)."""
    return f"{ID}article/{_hash(key)}"


def graph_iri(key: str) -> str:
    """Return the IRI of the named graph holding the extraction of the article ``key``."""
    return f"{GRAPH}article/{_hash(key)}"


def event_iri(article_key: str, type_: str, participants: tuple[str, ...], start: int, detail: str = "") -> str:
    """Return the IRI of one event reported by one article at one sentence.

    ``detail`` tells apart two events of one type and cast in one sentence (10,000 troops sent,
    5,000 more expected).
    """
    return f"{ID}event/{_hash(article_key, type_, *sorted(participants), str(start), detail)}"


def claim_iri(article_key: str, *parts: str) -> str:
    """Return the IRI of a post claim or relation statement made by one article."""
    return f"{ID}claim/{_hash(article_key, *parts)}"


def annotation_iri(fact_iri: str, start: int, end: int) -> str:
    """Return the IRI of the evidence annotation tying a fact to a span of its article."""
    return f"{ID}annotation/{_hash(fact_iri, str(start), str(end))}"
