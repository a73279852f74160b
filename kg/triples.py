"""Turn extraction records into RDF quads in the article's named graph.

Everything one article yields goes into one named graph, which describes itself with PROV
metadata: the article it was derived from, when, by which kg version and model, and a hash of
the input. Each event gets an ``oa:Annotation`` pointing at the sentence it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pyoxigraph as ox

from kg.iris import annotation_iri, article_iri, claim_iri, event_iri, graph_iri
from kg.namespaces import KG, OA, ORG, PROV, RDF, SCHEMA, SEM, SKOS, WD, XSD
from kg.records import Extraction

__all__ = ["extraction_quads", "term", "event_node"]

_STATUS = {"asserted": KG.asserted, "negated": KG.negated, "hedged": KG.hedged}
_QUALIFIER = {"exactly": KG.exactly, "approximately": KG.approximately, "atLeast": KG.atLeast,
              "atMost": KG.atMost}
_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
#: How each relation of the JSON output is written in RDF: (predicate, whether it is inverted).
RELATION_PREDICATES = {
    "partyTo": (KG.party, True),
    "allyOf": (KG.allyOf, False),
    "memberOf": (ORG.memberOf, False),
    "partOf": (ORG.subOrganizationOf, False),
    "locatedIn": (SCHEMA.containedInPlace, False),
    "commands": (KG.commands, False),
    "supplies": (KG.supplies, False),
    "deployedTo": (KG.deployedTo, False),
}


def term(iri: str) -> ox.NamedNode:
    """Return a pyoxigraph IRI node for an IRI string or rdflib URIRef."""
    return ox.NamedNode(str(iri))


def _literal(value, datatype=None) -> ox.Literal:
    return ox.Literal(str(value), datatype=term(datatype)) if datatype else ox.Literal(str(value))


def extraction_quads(extraction: Extraction, *, version: str, model: str, content_hash: str,
                     generated: datetime | None = None) -> list[ox.Quad]:
    """Return the quads of one article's extraction, all in its named graph."""
    article = extraction.article
    graph = term(graph_iri(article.key))
    doc = term(article_iri(article.key))
    generated = generated or datetime.now(timezone.utc)
    triples: list[tuple] = [
        (graph, term(RDF.type), term(KG.Extraction)),
        (graph, term(PROV.wasDerivedFrom), doc),
        (graph, term(PROV.generatedAtTime), _literal(generated.isoformat(timespec="seconds"), XSD.dateTime)),
        (graph, term(KG.extractorVersion), _literal(version)),
        (graph, term(KG.model), _literal(model)),
        (graph, term(KG.contentHash), _literal(content_hash)),
        (doc, term(RDF.type), term(SCHEMA.NewsArticle)),
        (doc, term(SCHEMA.headline), _literal(article.title)),
    ]
    if article.published:
        triples.append((doc, term(SCHEMA.datePublished), _literal(article.published.isoformat(), XSD.date)))
    if article.url:
        triples.append((doc, term(SCHEMA.url), _literal(article.url, XSD.anyURI)))
    if article.source:
        triples.append((doc, term(SCHEMA.publisher), _literal(article.source)))
    if article.path:
        triples.append((doc, term(KG.sourcePath), _literal(article.path)))
    triples += _entity_triples(extraction, doc)
    for event in extraction.events:
        triples += _event_triples(event, article.key, doc)
    for claim in extraction.posts:
        triples += _post_triples(claim, article.key, doc)
    for relation in extraction.relations:
        triples += _relation_triples(relation, article.key, doc)
    return [ox.Quad(s, p, o, graph) for s, p, o in dict.fromkeys(triples)]


def _entity_triples(extraction: Extraction, doc: ox.NamedNode) -> Iterator[tuple]:
    for entity in extraction.entities:
        node = term(entity.iri)
        yield (doc, term(SCHEMA.mentions), node)
        if not entity.in_reference:
            # New entities are typed and labelled in the article that names them; the same IRI
            # in several articles merges them.
            yield (node, term(RDF.type), term(getattr(KG, entity.type)))
            yield (node, term(SKOS.prefLabel), ox.Literal(entity.label, language="en"))
            if entity.wikidata:
                yield (node, term(SKOS.exactMatch), term(WD[entity.wikidata]))


def event_node(event, article_key: str) -> str:
    """Return the IRI of an event record as reported by the article ``article_key``."""
    return event_iri(article_key, event.type, event.participants, event.evidence.start,
                     f"{event.quantity}|{event.trigger}|{event.status}")


def _event_triples(event, article_key: str, doc: ox.NamedNode) -> Iterator[tuple]:
    node = term(event_node(event, article_key))
    yield (node, term(RDF.type), term(getattr(KG, event.type)))
    for iri in event.participants:
        yield (node, term(KG.participant), term(iri))
    if event.agent:
        yield (node, term(KG.agent), term(event.agent))
    if event.recipient:
        yield (node, term(KG.recipient), term(event.recipient))
    if event.place:
        yield (node, term(SEM.hasPlace), term(event.place))
    if event.date_text:
        yield (node, term(KG.timeExpression), _literal(event.date_text))
    if event.date:
        yield (node, term(KG.date), _literal(event.date, _DATE_TYPES[len(event.date)]))
    if event.earliest:
        yield (node, term(SEM.hasEarliestBeginTimeStamp), _literal(event.earliest.isoformat(), XSD.date))
    if event.latest:
        yield (node, term(SEM.hasLatestEndTimeStamp), _literal(event.latest.isoformat(), XSD.date))
    if event.quantity is not None:
        yield (node, term(KG.quantity), _literal(event.quantity, XSD.integer))
        if event.quantity_qualifier:
            yield (node, term(KG.quantityQualifier), term(_QUALIFIER[event.quantity_qualifier]))
    if event.agreement:
        yield (node, term(KG.underAgreement), term(event.agreement))
    if event.source:
        yield (node, term(KG.accordingTo), term(event.source))
    yield (node, term(KG.status), term(_STATUS[event.status]))
    yield (node, term(KG.confidence), _literal(f"{event.confidence:.2f}", XSD.decimal))
    yield from _evidence_triples(node, event.evidence, doc)


def _post_triples(claim, article_key: str, doc: ox.NamedNode) -> Iterator[tuple]:
    node = term(claim_iri(article_key, "post", claim.person, claim.role, claim.of or "", str(claim.evidence.start)))
    yield (node, term(RDF.type), term(KG.PostClaim))
    yield (node, term(KG.holder), term(claim.person))
    if claim.role_iri:
        yield (node, term(ORG.role), term(claim.role_iri))
    if claim.of:
        yield (node, term(KG.ofState), term(claim.of))
    if claim.as_of:
        yield (node, term(KG.asOf), _literal(claim.as_of.isoformat(), XSD.date))
    if claim.agrees_with_reference is not None:
        yield (node, term(KG.agreesWithReference), _literal(str(claim.agrees_with_reference).lower(), XSD.boolean))
    yield from _evidence_triples(node, claim.evidence, doc)


def _relation_triples(relation, article_key: str, doc: ox.NamedNode) -> Iterator[tuple]:
    predicate, inverted = RELATION_PREDICATES[relation.predicate]
    subject, object_ = (relation.object, relation.subject) if inverted else (relation.subject, relation.object)
    yield (term(subject), term(predicate), term(object_))
    # An RDF statement node carries the evidence of the direct triple above.
    node = term(claim_iri(article_key, "relation", subject, str(predicate), object_))
    yield (node, term(RDF.type), term(RDF.Statement))
    yield (node, term(RDF.subject), term(subject))
    yield (node, term(RDF.predicate), term(predicate))
    yield (node, term(RDF.object), term(object_))
    yield from _evidence_triples(node, relation.evidence, doc)


def _evidence_triples(fact: ox.NamedNode, span, doc: ox.NamedNode) -> Iterator[tuple]:
    annotation = annotation_iri(fact.value, span.start, span.end)
    ann, target = term(annotation), term(annotation + "/target")
    position, quote = term(annotation + "/position"), term(annotation + "/quote")
    yield (ann, term(RDF.type), term(OA.Annotation))
    yield (ann, term(OA.motivatedBy), term(OA.describing))
    yield (ann, term(OA.hasBody), fact)
    yield (ann, term(OA.hasTarget), target)
    yield (ann, term(KG.sentence), _literal(span.text))
    yield (target, term(RDF.type), term(OA.SpecificResource))
    yield (target, term(OA.hasSource), doc)
    yield (target, term(OA.hasSelector), position)
    yield (target, term(OA.hasSelector), quote)
    yield (position, term(RDF.type), term(OA.TextPositionSelector))
    yield (position, term(OA.start), _literal(span.start, XSD.integer))
    yield (position, term(OA.end), _literal(span.end, XSD.integer))
    yield (quote, term(RDF.type), term(OA.TextQuoteSelector))
    yield (quote, term(OA.exact), _literal(span.text))
