"""Write one article's extraction as the JSON object documented in README and the JSON Schema.

The object is built from the same records that become RDF, so the two never disagree. Its
shape is described by ``kg/data/extraction.schema.json``.
"""

from __future__ import annotations

from kg.extract.gazetteer import Gazetteer
from kg.records import Extraction, Span

__all__ = ["extraction_json", "SCHEMA_PATH"]

#: Where the JSON Schema lives inside the package.
SCHEMA_PATH = ("data", "extraction.schema.json")


def _span(span: Span) -> dict:
    return {"text": span.text, "start": span.start, "end": span.end}


def _day(value) -> str | None:
    return value.isoformat() if value else None


def extraction_json(extraction: Extraction, *, gazetteer: Gazetteer, event_ids: list[str]) -> dict:
    """Return the JSON object for one extraction; ``event_ids`` are the events' IRIs, in order."""
    article = extraction.article
    mentions: dict[str, list[dict]] = {}
    for mention in extraction.mentions:
        mentions.setdefault(mention.entity, []).append(_span(mention.span))
    return {
        "article": {"id": article.key, "title": article.title, "published": _day(article.published),
                    "source": article.source, "url": article.url},
        "entities": [
            {"id": e.iri, "label": e.label, "type": e.type, "wikidata": e.wikidata,
             "aliases": sorted(gazetteer.aliases.get(e.iri, ())), "in_reference": e.in_reference,
             "mentions": mentions.get(e.iri, [])}
            for e in extraction.entities
        ],
        "posts": [
            {"person": p.person, "role": p.role, "of": p.of, "as_of": _day(p.as_of),
             "matches_reference": p.agrees_with_reference, "evidence": _span(p.evidence)}
            for p in extraction.posts
        ],
        "events": [
            {"id": iri, "type": e.type, "participants": list(e.participants), "agent": e.agent,
             "target": e.recipient, "place": e.place, "date": e.date, "date_text": e.date_text,
             "earliest": _day(e.earliest), "latest": _day(e.latest), "quantity": e.quantity,
             "quantity_qualifier": e.quantity_qualifier, "agreement": e.agreement, "status": e.status,
             "source": e.source, "confidence": e.confidence, "evidence": _span(e.evidence)}
            for iri, e in zip(event_ids, extraction.events)
        ],
        "relations": [
            {"subject": r.subject, "predicate": r.predicate, "object": r.object, "evidence": _span(r.evidence)}
            for r in extraction.relations
        ],
    }
