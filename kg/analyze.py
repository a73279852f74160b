"""Project the store onto networkx graphs, and find the alliance blocs in them.

Three projections, each built from a handful of SPARQL queries (``kg/data/analyze-*.rq``):

- :func:`event_graph`: events and the entities in their roles (agent, recipient, participant,
  place, agreement, source), one edge per role;
- :func:`actor_graph`: states, persons, organisations and military units, one edge per pair of
  actors and tie type (an event class, an agreement, or a relation stated in the text);
- :func:`state_graph`: the actor graph with persons, units and organisations rolled up to
  their state (``kg:ofState`` in the reference KB, else the articles' post claims).

An edge counts its distinct events (reports of one event merged across articles count once),
its distinct source articles and its evidence reports. Its signed weight follows PLOVER: each
event class maps to a PLOVER category (``kg:ploverCategory`` in ``graph:ontology``) and each
category to a quad class (``skos:broader`` in ``ontology/plover.ttl``). Cooperation counts +1
and conflict -1, verbal ties half as much as material ones, once per distinct event. An
agreement ties each pair of its parties like a signing does (PLOVER AGREE); relations use the
categories in :data:`RELATION_CATEGORIES`. Negated events are left out; hedged ones are kept and
counted in ``hedged_events``, and an edge resting on hedged reports only has ``hedged=True``.

Time windows (``since``/``until``) keep events whose time bounds overlap the window; an event
without a date is placed at its article's publication date, an agreement between its signing
and the article that mentions it.

:func:`alliance_blocs` runs Louvain community detection (fixed seed) on the cooperative ties;
:func:`centrality`, :func:`strongest_ties` and :func:`newest_ties` complete the picture.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files

import networkx as nx

from kg.errors import QueryError
from kg.namespaces import KG, PLOVER, WD
from kg.store import Store

__all__ = [
    "Entity", "Evidence", "Tie", "Bloc", "QUAD_WEIGHTS", "RELATION_CATEGORIES", "BLOC_SEED",
    "quad_weight", "event_graph", "actor_graph", "state_graph", "cooperation_graph",
    "alliance_blocs", "centrality", "graph_ties", "strongest_ties", "newest_ties",
]

#: The signed weight of one event in each PLOVER quad class.
QUAD_WEIGHTS: dict[str, float] = {
    str(PLOVER) + "VerbalCooperation": 0.5,
    str(PLOVER) + "MaterialCooperation": 1.0,
    str(PLOVER) + "VerbalConflict": -0.5,
    str(PLOVER) + "MaterialConflict": -1.0,
}

#: The PLOVER category of each relation the text can state between two actors. kg:commands is
#: left out: it says who leads a unit, not whether two sides cooperate.
RELATION_CATEGORIES: dict[str, str] = {
    str(KG.allyOf): str(PLOVER) + "COOPERATE",
    str(KG.supplies): str(PLOVER) + "AID",
    str(KG.deployedTo): str(PLOVER) + "AID",
}

#: Louvain's seed: the same store always gives the same blocs.
BLOC_SEED = 20251104

#: The broad kinds of entity, most specific first, and the kg class each kind descends from.
_KINDS = (("State", KG.State), ("Person", KG.Person), ("MilitaryUnit", KG.MilitaryUnit),
          ("Organization", KG.Organization), ("Agreement", KG.Agreement), ("Place", KG.Place),
          ("Event", KG.Event))
_ACTOR_KINDS = frozenset({"State", "Person", "MilitaryUnit", "Organization"})
#: Event classes whose place names the other side when the text names only one actor: a
#: visit to Moscow is a visit to Russia, a deployment to Kursk one to Russia. A battle in Kursk
#: is not a tie with Russia, so Combat is not listed.
_HOST_FROM_PLACE = frozenset({"Visit", "Deployment"})
#: Which role an entity shows in the event graph when it fills several.
_ROLES = {str(KG.agent): "agent", str(KG.recipient): "recipient", str(KG.participant): "participant",
          "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace": "place",
          str(KG.underAgreement): "agreement", str(KG.accordingTo): "source"}
_ASSERTED, _NEGATED, _HEDGED = str(KG.asserted), str(KG.negated), str(KG.hedged)


# ---------------------------------------------------------------------------------- records

@dataclass(frozen=True)
class Entity:
    """A node of the projections: an entity with its label, class, kind, Wikidata ID and state."""

    iri: str
    label: str
    type: str
    kind: str
    wikidata: str | None = None
    state: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One report behind a tie: its sentence, article, date and status."""

    sentence: str
    headline: str
    article: str
    date: str | None
    status: str
    report: str
    confidence: float | None = None


@dataclass(frozen=True)
class Tie:
    """One edge of an actor or state graph, read back as a record."""

    source: str
    target: str
    source_label: str
    target_label: str
    key: str
    type: str
    label: str
    quad: str
    events: int
    sources: int
    evidence_count: int
    signed_weight: float
    hedged: bool
    first: str | None
    last: str | None
    evidence: str
    evidence_article: str


@dataclass(frozen=True)
class Bloc:
    """A community of actors bound by cooperative ties, most central member first."""

    members: tuple[str, ...]
    labels: tuple[str, ...]
    ties: tuple[Tie, ...]
    strength: float


def quad_weight(quad: str | None) -> float:
    """Return the signed weight of one event in a PLOVER quad class (0 when it has none).

    >>> quad_weight("https://w3id.org/kg/plover/MaterialConflict"), quad_weight(None)
    (-1.0, 0.0)
    """
    return QUAD_WEIGHTS.get(quad or "", 0.0)


# ---------------------------------------------------------------------------------- loading

@lru_cache(maxsize=None)
def _sparql(name: str) -> str:
    return (files("kg") / "data" / f"analyze-{name}.rq").read_text(encoding="utf-8")


def _rows(store: Store, name: str) -> list[dict[str, str | None]]:
    try:
        solutions = store.query(_sparql(name))
    except (SyntaxError, OSError) as err:
        raise QueryError(f"kg/data/analyze-{name}.rq failed on {store.path}: {err}") from err
    variables = [v.value for v in solutions.variables]
    return [{v: (row[v].value if row[v] is not None else None) for v in variables} for row in solutions]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class _Report:
    iri: str
    type: str
    category: str | None
    quad: str | None
    status: str
    date: str | None
    when: str | None
    earliest: date | None
    latest: date | None
    confidence: float | None
    identity: str
    article: str
    headline: str
    published: date | None
    sentence: str
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def span(self) -> tuple[date | None, date | None]:
        return self.earliest or self.published, self.latest or self.published

    @property
    def actors(self) -> set[str]:
        return self.roles["agent"] | self.roles["recipient"] | self.roles["participant"]

    def evidence(self) -> Evidence:
        start, end = self.span
        when = self.date or (start.isoformat() if start else None)
        return Evidence(self.sentence, self.headline, self.article, when, _local(self.status),
                        self.iri, self.confidence)


@dataclass
class _Mention:
    """An agreement as one article mentions it, or a relation one article states."""

    subject: str
    key: str
    parties: set[str]
    article: str
    headline: str
    published: date | None
    signed: date | None
    sentence: str

    @property
    def span(self) -> tuple[date | None, date | None]:
        return self.signed or self.published, self.published or self.signed


@dataclass
class _Corpus:
    entities: dict[str, Entity]
    reports: list[_Report]
    agreements: list[_Mention]
    relations: list[_Mention]
    labels: dict[str, str]
    categories: dict[str, str]
    quads: dict[str, str]


def _ontology(store: Store) -> tuple[dict[str, set[str]], dict[str, str], dict[str, str], dict[str, str]]:
    supers: dict[str, set[str]] = defaultdict(set)
    labels, categories, quads = {}, {}, {}
    for row in _rows(store, "classes"):
        key, subject, obj = row["key"], row["subject"], row["object"]
        if key == "subClassOf":
            supers[subject].add(obj)
        elif key == "ploverCategory":
            categories[subject] = obj
        elif key == "broader":
            quads[subject] = obj
        elif key == "label":
            labels[subject] = obj
    return supers, labels, categories, quads


def _entities(store: Store, supers: dict[str, set[str]]) -> dict[str, Entity]:
    facts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for row in _rows(store, "entities"):
        facts[row["entity"]][row["key"]][row["value"]] += 1
    entities = {}
    for iri, found in facts.items():
        classes = {c for c in found["class"] if c.startswith(str(KG._NS))}
        # The most specific class: none of the entity's other classes is below it.
        specific = sorted(c for c in classes if not any(c in supers.get(o, ()) for o in classes if o != c))
        kind = next((name for name, root in _KINDS
                     if any(c == str(root) or str(root) in supers.get(c, ()) for c in classes)), None)
        if kind is None:
            continue
        label = _most_common(found["label"]) or _local(iri)
        wikidata = next((w[len(str(WD)):] for w in sorted(found["wikidata"]) if w.startswith(str(WD))), None)
        if kind == "State":
            state = iri
        else:
            state = (_most_common(found["state"]) or _most_common(found["claimed-state"])
                     or _most_common(found["post-state"]))
        entities[iri] = Entity(iri, label, _local(specific[0]) if specific else kind, kind, wikidata, state)
    return entities


def _most_common(counts: Counter) -> str | None:
    if not counts:
        return None
    return min(counts, key=lambda value: (-counts[value], value))


def _reports(store: Store, categories: dict[str, str], quads: dict[str, str]) -> list[_Report]:
    reports: dict[str, _Report] = {}
    for row in _rows(store, "events"):
        iri = row["event"]
        if iri in reports:
            continue
        category = row["category"]
        reports[iri] = _Report(
            iri=iri, type=_local(row["class"]), category=category,
            quad=row["quad"] or quads.get(category or ""), status=row["status"], date=row["date"],
            when=row["when"], earliest=_day(row["earliest"]), latest=_day(row["latest"]),
            confidence=float(row["confidence"]) if row["confidence"] else None,
            identity=row["merged"] or iri, article=row["article"], headline=row["headline"] or "",
            published=_day(row["published"]), sentence=row["sentence"] or "")
    for row in _rows(store, "roles"):
        report = reports.get(row["event"])
        if report is not None:
            report.roles[_ROLES[row["role"]]].add(row["entity"])
    return sorted(reports.values(), key=lambda r: r.iri)


def _agreements(store: Store) -> list[_Mention]:
    mentions: dict[tuple[str, str], _Mention] = {}
    for row in _rows(store, "agreements"):
        key = (row["agreement"], row["article"])
        mention = mentions.get(key)
        if mention is None:
            mention = mentions[key] = _Mention(
                row["agreement"], f"Agreement {row['agreement']}", set(), row["article"],
                row["headline"] or "", _day(row["published"]), _day(row["signed"]), row["sentence"] or "")
        mention.parties.add(row["party"])
    return list(mentions.values())


def _relations(store: Store) -> list[_Mention]:
    mentions: dict[str, _Mention] = {}
    for row in _rows(store, "relations"):
        if row["claim"] in mentions:
            continue
        mentions[row["claim"]] = _Mention(
            f"{row['subject']} {row['predicate']} {row['object']}", row["predicate"],
            {row["subject"], row["object"]}, row["article"], row["headline"] or "",
            _day(row["published"]), None, row["sentence"] or "")
    return list(mentions.values())


def _corpus(store: Store) -> _Corpus:
    supers, labels, categories, quads = _ontology(store)
    return _Corpus(_entities(store, supers), _reports(store, categories, quads), _agreements(store),
                   _relations(store), labels, categories, quads)


def _in_window(span: tuple[date | None, date | None], since: date | None, until: date | None) -> bool:
    start, end = span
    if since is None and until is None:
        return True
    if start is None and end is None:
        return False
    return (since is None or (end or start) >= since) and (until is None or (start or end) <= until)


# ---------------------------------------------------------------------------------- ties

@dataclass
class _TieBuilder:
    type: str
    label: str
    category: str | None
    quad: str | None
    events: set[str] = field(default_factory=set)
    certain: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    starts: list[date] = field(default_factory=list)
    ends: list[date] = field(default_factory=list)
    reports: dict[tuple[str, str], Evidence] = field(default_factory=dict)

    def add(self, identity: str, article: str, span, evidence: Evidence) -> None:
        self.events.add(identity)
        if evidence.status != "hedged":
            self.certain.add(identity)
        self.articles.add(article)
        start, end = span
        if start:
            self.starts.append(start)
        if end:
            self.ends.append(end)
        self.reports.setdefault((article, evidence.sentence or evidence.report), evidence)

    def attributes(self) -> dict:
        reports = _best_first(self.reports.values())
        top = reports[0] if reports else None
        return {
            "type": self.type, "label": self.label,
            "category": _local(self.category) if self.category else None,
            "quad": _local(self.quad) if self.quad else None,
            "events": len(self.events), "sources": len(self.articles), "evidence_count": len(reports),
            "weight": float(len(self.events)),
            "signed_weight": len(self.events) * quad_weight(self.quad),
            "hedged_events": len(self.events - self.certain), "hedged": not self.certain,
            "first": min(self.starts).isoformat() if self.starts else None,
            "last": max(self.ends).isoformat() if self.ends else None,
            "evidence": top.sentence if top else "", "evidence_article": top.headline if top else "",
            "reports": sorted(reports, key=lambda e: (e.date or "", e.article, e.sentence)),
        }


def _best_first(reports: Iterable[Evidence]) -> list[Evidence]:
    # The best sentence to show: asserted before hedged, surest first, then newest.
    newest = sorted(sorted(reports, key=lambda e: e.sentence), key=lambda e: e.date or "", reverse=True)
    return sorted(newest, key=lambda e: (e.status != "asserted", -(e.confidence or 0.0)))


def _projection(corpus: _Corpus, *, since: date | None, until: date | None,
                node_of: Callable[[str], str | None]) -> nx.MultiGraph:
    # node_of maps an entity to its node, or to None when it is no actor; several entities
    # mapping to one node (a state's officials) make one member, so no tie loops back.
    ties: dict[tuple[str, str, str], _TieBuilder] = {}
    node_events: dict[str, set[str]] = defaultdict(set)

    def tie(a: str, b: str, key: str, make: Callable[[], _TieBuilder]) -> _TieBuilder:
        pair = (a, b) if a <= b else (b, a)
        if (*pair, key) not in ties:
            ties[(*pair, key)] = make()
        return ties[(*pair, key)]

    for report in corpus.reports:
        if report.status == _NEGATED or not _in_window(report.span, since, until):
            continue
        members = {n for n in (node_of(e) for e in report.actors) if n}
        if len(members) == 1 and report.type in _HOST_FROM_PLACE:
            # A trip or deployment at home ties no one to anyone.
            own = {corpus.entities[a].state for a in report.actors if a in corpus.entities}
            hosts = {corpus.entities[p].state for p in report.roles["place"] if p in corpus.entities} - own
            members |= {n for n in (node_of(h) for h in hosts if h) if n}
        for member in members:
            node_events[member].add(report.identity)
        evidence = report.evidence()
        for a, b in itertools.combinations(sorted(members), 2):
            builder = tie(a, b, report.type, lambda: _TieBuilder(
                report.type, corpus.labels.get(str(KG._NS) + report.type, report.type),
                report.category, report.quad))
            builder.add(report.identity, report.article, report.span, evidence)

    signing = corpus.categories.get(str(KG.Signing))
    for mention in corpus.agreements + corpus.relations:
        if not _in_window(mention.span, since, until):
            continue
        members = {n for n in (node_of(p) for p in mention.parties) if n}
        is_agreement = mention.key.startswith("Agreement ")
        category = signing if is_agreement else RELATION_CATEGORIES.get(mention.key)
        if is_agreement:
            entity = corpus.entities.get(mention.subject)
            kind, label = "Agreement", entity.label if entity else _local(mention.subject)
        else:
            kind = _local(mention.key)
            label = corpus.labels.get(mention.key, kind)
        seen = mention.published or mention.signed
        evidence = Evidence(mention.sentence, mention.headline, mention.article,
                            seen.isoformat() if seen else None, "asserted", mention.subject)
        for a, b in itertools.combinations(sorted(members), 2):
            builder = tie(a, b, mention.key, lambda: _TieBuilder(
                kind, label, category, corpus.quads.get(category or "")))
            builder.add(mention.subject, mention.article, mention.span, evidence)

    graph = nx.MultiGraph()
    nodes = set(node_events) | {n for a, b, _ in ties for n in (a, b)}
    for node in sorted(nodes):
        graph.add_node(node, **_node_attributes(corpus.entities.get(node), node), events=len(node_events[node]))
    for (a, b, key), builder in sorted(ties.items()):
        graph.add_edge(a, b, key=key, **builder.attributes())
    return graph


def _node_attributes(entity: Entity | None, iri: str) -> dict:
    if entity is None:
        return {"label": _local(iri), "type": "Entity", "kind": "Entity", "iri": iri,
                "wikidata": None, "state": None}
    return {"label": entity.label, "type": entity.type, "kind": entity.kind, "iri": entity.iri,
            "wikidata": entity.wikidata, "state": entity.state}


# ---------------------------------------------------------------------------------- projections

def event_graph(store: Store, *, since: date | None = None, until: date | None = None) -> nx.MultiDiGraph:
    """Build the event graph: events and entities as nodes, one edge per role, keyed by role.

    Negated events are kept, with ``status`` "negated". An actor that is the agent or recipient
    gets no separate participant edge.
    """
    corpus = _corpus(store)
    graph = nx.MultiDiGraph()
    for report in corpus.reports:
        if not _in_window(report.span, since, until):
            continue
        start, end = report.span
        cast = sorted(corpus.entities[e].label if e in corpus.entities else _local(e) for e in report.actors)
        type_label = corpus.labels.get(str(KG._NS) + report.type, report.type)
        graph.add_node(report.iri, label=f"{type_label}{' ' + report.date if report.date else ''}: "
                                         f"{', '.join(cast) or '(no actor)'}",
                       type=report.type, kind="Event", iri=report.iri, wikidata=None, state=None,
                       category=_local(report.category) if report.category else None,
                       quad=_local(report.quad) if report.quad else None, status=_local(report.status),
                       date=report.date, when=report.when, first=start.isoformat() if start else None,
                       last=end.isoformat() if end else None, signed_weight=quad_weight(report.quad),
                       confidence=report.confidence, merged=report.identity if report.identity != report.iri else None,
                       evidence=report.sentence, evidence_article=report.headline, article=report.article)
        for role in ("agent", "recipient", "participant", "place", "agreement", "source"):
            for entity in sorted(report.roles[role]):
                if role == "participant" and entity in report.roles["agent"] | report.roles["recipient"]:
                    continue
                if entity not in graph:
                    graph.add_node(entity, **_node_attributes(corpus.entities.get(entity), entity))
                graph.add_edge(report.iri, entity, key=role, type=role, label=role,
                               first=start.isoformat() if start else None, last=end.isoformat() if end else None,
                               evidence=report.sentence, evidence_article=report.headline,
                               evidence_count=1 if report.sentence else 0, status=_local(report.status))
    return graph


def actor_graph(store: Store, *, since: date | None = None, until: date | None = None) -> nx.MultiGraph:
    """Build the actor graph: states, persons, organisations and units tied by events.

    Edges are keyed by tie type: the event class name ("Meeting"), ``"Agreement <iri>"`` for
    the parties of an agreement, or the relation's IRI. Each edge carries ``type``, ``label``,
    ``category``, ``quad``, ``events``, ``sources``, ``evidence_count``, ``weight`` (distinct
    events), ``signed_weight``, ``hedged``, ``hedged_events``, ``first``, ``last``, ``evidence``
    (the best sentence), ``evidence_article`` and ``reports`` (every :class:`Evidence`).

    >>> import pathlib, tempfile
    >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "s", write=True) as store:
    ...     graph = actor_graph(store, since=date(2024, 1, 1))
    >>> graph.number_of_nodes(), graph.number_of_edges()
    (0, 0)
    """
    corpus = _corpus(store)

    def node_of(iri: str) -> str | None:
        entity = corpus.entities.get(iri)
        return iri if entity and entity.kind in _ACTOR_KINDS else None

    return _projection(corpus, since=since, until=until, node_of=node_of)


def state_graph(store: Store, *, since: date | None = None, until: date | None = None) -> nx.MultiGraph:
    """Build the state graph: the actor graph with each actor rolled up to its state.

    An actor's state is its ``kg:ofState`` (reference KB or article), else the state the
    articles' post claims give it, else the state of a post it held. Actors with no state
    (alliances, international organisations, unknown people) stay as they are. Ties inside one
    state are dropped. Edges carry the same attributes as in :func:`actor_graph`.
    """
    corpus = _corpus(store)

    def node_of(iri: str) -> str | None:
        entity = corpus.entities.get(iri)
        if entity is None or entity.kind not in _ACTOR_KINDS:
            return None
        return entity.state if entity.state in corpus.entities else iri

    return _projection(corpus, since=since, until=until, node_of=node_of)


# ---------------------------------------------------------------------------------- analytics

def graph_ties(graph: nx.MultiGraph) -> list[Tie]:
    """Return every edge of an actor or state graph as a :class:`Tie`, in a stable order."""
    out = []
    for a, b, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        out.append(Tie(
            source=a, target=b, source_label=graph.nodes[a].get("label", a),
            target_label=graph.nodes[b].get("label", b), key=key, type=data.get("type", key),
            label=data.get("label", key), quad=data.get("quad") or "", events=data.get("events", 1),
            sources=data.get("sources", 0), evidence_count=data.get("evidence_count", 0),
            signed_weight=float(data.get("signed_weight", 0.0)), hedged=bool(data.get("hedged", False)),
            first=data.get("first"), last=data.get("last"), evidence=data.get("evidence", ""),
            evidence_article=data.get("evidence_article", "")))
    return out


def cooperation_graph(graph: nx.MultiGraph) -> nx.Graph:
    """Return the simple graph of pairs whose ties sum to a positive signed weight.

    >>> g = nx.MultiGraph()
    >>> g.add_edge("a", "b", key="Meeting", signed_weight=1.0)
    'Meeting'
    >>> g.add_edge("a", "b", key="Combat", signed_weight=-2.0)
    'Combat'
    >>> g.add_edge("b", "c", key="Meeting", signed_weight=0.5)
    'Meeting'
    >>> sorted(cooperation_graph(g).edges(data="weight"))
    [('b', 'c', 0.5)]
    """
    net: dict[tuple[str, str], float] = defaultdict(float)
    for a, b, weight in graph.edges(data="signed_weight", default=0.0):
        net[(a, b) if a <= b else (b, a)] += weight
    positive = nx.Graph()
    positive.add_nodes_from(graph.nodes)
    positive.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(net.items()) if w > 0 and a != b)
    return positive


def centrality(graph: nx.MultiGraph) -> dict[str, float]:
    """Return each node's degree centrality among cooperative ties: the share of others it is tied to.

    >>> g = nx.MultiGraph()
    >>> g.add_edges_from([("a", "b", {"signed_weight": 1.0}), ("a", "c", {"signed_weight": 0.5})])
    [0, 0]
    >>> centrality(g)
    {'a': 1.0, 'b': 0.5, 'c': 0.5}
    """
    positive = cooperation_graph(graph)
    if positive.number_of_nodes() < 2:
        return {node: 0.0 for node in positive}
    return dict(sorted(nx.degree_centrality(positive).items()))


def alliance_blocs(graph: nx.MultiGraph, *, seed: int = BLOC_SEED, resolution: float = 1.0) -> list[Bloc]:
    """Find blocs: Louvain communities of the cooperative ties, largest and strongest first.

    Members are ordered by centrality; a bloc's ties are its members' cooperative edges.
    Actors with no cooperative tie form no bloc.

    >>> g = nx.MultiGraph()
    >>> for a, b in [("rus", "prk"), ("rus", "irn"), ("usa", "kor"), ("usa", "jpn"), ("kor", "jpn")]:
    ...     _ = g.add_edge(a, b, key="Meeting", signed_weight=1.0, label="Meeting")
    >>> _ = g.add_edge("rus", "usa", key="Combat", signed_weight=-1.0, label="Combat")
    >>> [bloc.members for bloc in alliance_blocs(g)]
    [('jpn', 'kor', 'usa'), ('rus', 'irn', 'prk')]
    """
    positive = cooperation_graph(graph)
    if positive.number_of_edges() == 0:
        return []
    scores = centrality(graph)
    communities = nx.community.louvain_communities(positive, weight="weight", seed=seed, resolution=resolution)
    ties = [t for t in graph_ties(graph) if t.signed_weight > 0]
    blocs = []
    for community in communities:
        if len(community) < 2:
            continue
        members = sorted(community, key=lambda n: (-scores.get(n, 0.0), graph.nodes[n].get("label", n), n))
        inside = tuple(sorted((t for t in ties if t.source in community and t.target in community),
                              key=lambda t: (-t.signed_weight, -t.evidence_count, t.source_label, t.target_label, t.key)))
        strength = positive.subgraph(community).size(weight="weight")
        blocs.append(Bloc(tuple(members), tuple(graph.nodes[n].get("label", n) for n in members), inside, strength))
    return sorted(blocs, key=lambda b: (-len(b.members), -b.strength, b.labels))


def strongest_ties(graph: nx.MultiGraph, *, n: int = 10) -> list[Tie]:
    """Return the ``n`` ties with the largest signed weight either way, most evidence first on ties.

    >>> g = nx.MultiGraph()
    >>> _ = g.add_edge("a", "b", key="Meeting", signed_weight=0.5, evidence_count=3)
    >>> _ = g.add_edge("a", "c", key="Combat", signed_weight=-2.0, evidence_count=1)
    >>> [t.key for t in strongest_ties(g)]
    ['Combat', 'Meeting']
    """
    return sorted(graph_ties(graph), key=lambda t: (-abs(t.signed_weight), -t.evidence_count,
                                                     t.source_label, t.target_label, t.key))[:n]


def newest_ties(graph: nx.MultiGraph, *, n: int = 10, since: date | None = None) -> list[Tie]:
    """Return the ``n`` ties first seen most recently (on or after ``since``); undated ties last.

    >>> g = nx.MultiGraph()
    >>> _ = g.add_edge("a", "b", key="Meeting", first="2024-06-19")
    >>> _ = g.add_edge("a", "c", key="Visit", first="2025-10-27")
    >>> [t.key for t in newest_ties(g, since=date(2025, 1, 1))]
    ['Visit']
    """
    found = [t for t in graph_ties(graph) if since is None or (t.first and t.first >= since.isoformat())]
    found.sort(key=lambda t: (t.source_label, t.target_label, t.key))
    found.sort(key=lambda t: t.first or "", reverse=True)
    return found[:n]

