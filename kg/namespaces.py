"""Closed namespaces for kg's own terms and for the vocabularies it reuses.

Accessing a term that is not listed raises ``AttributeError`` at import or call time, so a typo
never reaches the store. ``tests/test_namespaces.py`` checks that ``KG`` lists exactly the terms
that ``ontology/kg.ttl`` defines. This module does no I/O.

rdflib's own ``SDO`` uses ``https://schema.org/`` and its ``WGS`` uses an https IRI; schema.org's
JSON-LD context and the W3C geo vocabulary use http, so both are defined here.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

__all__ = [
    "BASE", "KG", "ID", "GRAPH", "ROLE", "PLOVER", "SCHEMA", "SEM", "OA", "WGS", "WD",
    "ORG", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD", "DCTERMS", "PREFIXES", "ID_TYPES",
]

BASE = "https://w3id.org/kg/"


class KG(DefinedNamespace):
    """kg's ontology terms (``ontology/kg.ttl``)."""

    _NS = Namespace(BASE + "ont#")
    _fail = True

    # actors
    State: URIRef
    Person: URIRef
    Organization: URIRef
    Alliance: URIRef
    InternationalOrganization: URIRef
    GovernmentBody: URIRef
    IntelligenceAgency: URIRef
    ArmedForces: URIRef
    ArmedGroup: URIRef
    MediaOrganization: URIRef
    MilitaryUnit: URIRef
    ofState: URIRef
    # states
    iso2: URIRef
    iso3: URIRef
    capital: URIRef
    demonym: URIRef
    metonym: URIRef
    genericName: URIRef
    # posts
    Tenure: URIRef
    post: URIRef
    title: URIRef
    PostClaim: URIRef
    holder: URIRef
    asOf: URIRef
    agreesWithReference: URIRef
    # agreements
    Agreement: URIRef
    party: URIRef
    dateSigned: URIRef
    dateInForce: URIRef
    signedAt: URIRef
    # places
    Place: URIRef
    City: URIRef
    Region: URIRef
    Settlement: URIRef
    Site: URIRef
    # events
    Event: URIRef
    Meeting: URIRef
    Visit: URIRef
    Deployment: URIRef
    Signing: URIRef
    Statement: URIRef
    Pledge: URIRef
    Combat: URIRef
    Transfer: URIRef
    ploverCategory: URIRef
    agent: URIRef
    recipient: URIRef
    participant: URIRef
    timeExpression: URIRef
    date: URIRef
    quantity: URIRef
    quantityQualifier: URIRef
    underAgreement: URIRef
    status: URIRef
    accordingTo: URIRef
    confidence: URIRef
    Status: URIRef
    asserted: URIRef
    negated: URIRef
    hedged: URIRef
    QuantityQualifier: URIRef
    exactly: URIRef
    approximately: URIRef
    atLeast: URIRef
    atMost: URIRef
    # merged events
    MergedEvent: URIRef
    merges: URIRef
    eventClass: URIRef
    sourceCount: URIRef
    conflict: URIRef
    # relations
    allyOf: URIRef
    commands: URIRef
    supplies: URIRef
    deployedTo: URIRef
    # provenance
    Extraction: URIRef
    extractorVersion: URIRef
    model: URIRef
    contentHash: URIRef
    sourcePath: URIRef
    sentence: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms kg uses, in schema.org's http namespace."""

    _NS = Namespace("http://schema.org/")
    _fail = True

    Country: URIRef
    Person: URIRef
    Organization: URIRef
    GovernmentOrganization: URIRef
    Place: URIRef
    City: URIRef
    AdministrativeArea: URIRef
    Event: URIRef
    NewsArticle: URIRef
    headline: URIRef
    datePublished: URIRef
    publisher: URIRef
    url: URIRef
    mentions: URIRef
    startDate: URIRef
    endDate: URIRef
    containedInPlace: URIRef


class SEM(DefinedNamespace):
    """The Simple Event Model terms kg uses."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    accordingTo: URIRef
    hasEarliestBeginTimeStamp: URIRef
    hasLatestEndTimeStamp: URIRef


class OA(DefinedNamespace):
    """The Web Annotation terms kg uses for evidence."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    motivatedBy: URIRef
    describing: URIRef


class WGS(DefinedNamespace):
    """W3C Basic Geo (WGS84) coordinates."""

    _NS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    _fail = True

    lat: URIRef
    long: URIRef


ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
ROLE = Namespace(BASE + "role/")
PLOVER = Namespace(BASE + "plover/")
WD = Namespace("http://www.wikidata.org/entity/")

#: The entity kinds that have their own IRI path segment under ``ID``.
ID_TYPES = ("state", "person", "org", "unit", "agreement", "place", "post", "tenure",
            "event", "article", "annotation", "claim")

#: Prefixes known to every query and used when printing terms.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "id": str(ID),
    "graph": str(GRAPH),
    "role": str(ROLE),
    "plover": str(PLOVER),
    "state": str(ID) + "state/",
    "person": str(ID) + "person/",
    "place": str(ID) + "place/",
    "orgn": str(ID) + "org/",
    "agreement": str(ID) + "agreement/",
    "schema": str(SCHEMA._NS),
    "sem": str(SEM._NS),
    "oa": str(OA._NS),
    "wgs": str(WGS._NS),
    "wd": str(WD),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
}
