"""Profile one entity: who it is, its posts, its events in time order, its allies and adversaries.

The entity is named by a label, an alias or an IRI. Events and ties come from the projections in
:mod:`kg.analyze`: a state's profile counts the events of its officials, units and bodies too,
and its allies and adversaries are states; anyone else's are actors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from kg.analyze import actor_graph, event_graph, graph_ties, state_graph
from kg.errors import KGError, QueryError
from kg.namespaces import PREFIXES
from kg.query import bind_params
from kg.store import Store

__all__ = ["Post", "ProfileEvent", "Counterpart", "Profile", "resolve_entity", "entity_profile"]


@dataclass(frozen=True)
class Post:
    """A post the person held: a reference tenure, or what one article says."""

    source: str  # "reference" or "article"
    post: str
    state: str | None
    start: str | None
    end: str | None
    agrees_with_reference: bool | None = None
    evidence: str = ""
    headline: str = ""


@dataclass(frozen=True)
class ProfileEvent:
    """One event report the entity (or, for a state, one of its people or bodies) takes part in."""

    iri: str
    type: str
    date: str | None
    first: str | None
    status: str
    role: str
    via: str | None
    others: tuple[str, ...]
    place: str | None
    evidence: str
    headline: str


@dataclass(frozen=True)
class Counterpart:
    """An ally (net cooperative ties) or adversary (net conflictual ties)."""

    iri: str
    label: str
    type: str
    signed_weight: float
    events: int
    evidence_count: int
    ties: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    """Everything kg show prints about one entity."""

    iri: str
    label: str
    type: str
    kind: str
    wikidata: str | None
    state: str | None
    aliases: tuple[str, ...]
    posts: tuple[Post, ...]
    events: tuple[ProfileEvent, ...]
    allies: tuple[Counterpart, ...]
    adversaries: tuple[Counterpart, ...]


@lru_cache(maxsize=None)
def _sparql(name: str) -> str:
    return (files("kg") / "data" / f"analyze-{name}.rq").read_text(encoding="utf-8")


def _select(store: Store, query: str, **params: str) -> list[dict[str, str | None]]:
    try:
        solutions = store.query(bind_params(_sparql(query), params))
    except (SyntaxError, OSError) as err:
        raise QueryError(f"kg/data/analyze-{query}.rq failed on {store.path}: {err}") from err
    variables = [v.value for v in solutions.variables]
    return [{v: (row[v].value if row[v] is not None else None) for v in variables} for row in solutions]


def _expand(name: str) -> str | None:
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    if name.startswith(("http://", "https://")):
        return name
    prefix, sep, rest = name.partition(":")
    if sep and prefix in PREFIXES and " " not in rest:
        return PREFIXES[prefix] + rest
    return None


def resolve_entity(store: Store, name: str) -> str:
    """Return the IRI of the entity whose label or alias is ``name``, or whose IRI it is.

    An IRI may be written in full, in angle brackets, or with a known prefix
    (``person:choe-son-hui``). Raises :class:`KGError` when nothing or several entities match.
    """
    iri = _expand(name.strip())
    if iri is not None:
        if not any(True for _ in store.oxigraph.quads_for_pattern(_named(iri), None, None)):
            raise KGError(f"No entity <{iri}> in {store.path}.")
        return iri
    found: dict[str, str] = {}
    for row in _select(store, "resolve", name=name.strip()):
        found.setdefault(row["entity"], row["label"] or row["entity"])
    if len(found) == 1:
        return next(iter(found))
    if found:
        listed = "; ".join(f"{label} <{iri}>" for iri, label in sorted(found.items()))
        raise KGError(f"{name!r} names {len(found)} entities: {listed}. Pass the IRI instead.")
    suggestions = [row["label"] for row in _select(store, "suggest", name=name.strip())]
    hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise KGError(f"No entity is called {name!r} in {store.path}.{hint} "
                  "Give a label, an alias or an IRI such as person:choe-son-hui.")


def _named(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _posts(rows: list[dict[str, str | None]]) -> tuple[list[str], list[Post]]:
    aliases, posts = [], []
    for row in rows:
        if row["key"] == "alias":
            aliases.append(row["value"])
        elif row["key"] == "tenure":
            posts.append(Post("reference", row["post"] or "", row["state"], row["start"], row["end"]))
        elif row["key"] == "claim":
            agrees = None if row["agrees"] is None else row["agrees"] == "true"
            posts.append(Post("article", row["post"] or "post", row["state"], row["start"], None, agrees,
                              row["sentence"] or "", row["headline"] or ""))
    posts.sort(key=lambda p: (p.start or "", p.source, p.post))
    return sorted(set(aliases)), posts


def _counterparts(graph, node: str) -> tuple[list[Counterpart], list[Counterpart]]:
    by_other: dict[str, list] = defaultdict(list)
    for tie in graph_ties(graph):
        if node in (tie.source, tie.target) and tie.source != tie.target:
            by_other[tie.target if tie.source == node else tie.source].append(tie)
    found = []
    for other, ties in by_other.items():
        data = graph.nodes[other]
        found.append(Counterpart(
            other, data.get("label", other), data.get("type", ""), sum(t.signed_weight for t in ties),
            sum(t.events for t in ties), sum(t.evidence_count for t in ties),
            tuple(f"{t.label} ×{t.events}" for t in sorted(ties, key=lambda t: -t.signed_weight))))
    found.sort(key=lambda c: (-abs(c.signed_weight), -c.evidence_count, c.label))
    return [c for c in found if c.signed_weight > 0], [c for c in found if c.signed_weight < 0]


def entity_profile(store: Store, entity: str) -> Profile:
    """Build the profile of an entity named by label, alias or IRI."""
    iri = resolve_entity(store, entity)
    events = event_graph(store)
    is_state = events.nodes[iri].get("kind") == "State" if iri in events else False
    ties = state_graph(store) if is_state else actor_graph(store)
    base = _select(store, "entity", entity=f"<{iri}>")
    info = dict(events.nodes[iri]) if iri in events else (dict(ties.nodes[iri]) if iri in ties else {})
    if not info:
        classes = sorted(r["class"].rsplit("#", 1)[-1] for r in base if r["class"])
        info = {"label": next((r["label"] for r in base if r["label"]), iri.rsplit("/", 1)[-1]),
                "type": classes[0] if classes else "", "kind": classes[0] if classes else "",
                "wikidata": next((r["wikidata"].rsplit("/", 1)[-1] for r in base if r["wikidata"]), None)}
    aliases, posts = _posts(_select(store, "describe", entity=f"<{iri}>"))

    reports = []
    for event in events:
        data = events.nodes[event]
        if data.get("kind") != "Event":
            continue
        roles = {(target, key) for _, target, key in events.out_edges(event, keys=True)}
        actors = {t for t, role in roles if role in ("agent", "recipient", "participant")}
        direct = [role for t, role in roles if t == iri]
        via = sorted(t for t in actors if is_state and events.nodes[t].get("state") == iri and t != iri)
        if not direct and not via:
            continue
        label = lambda n: events.nodes[n].get("label", n)  # noqa: E731
        role = direct[0] if direct else "via"
        others = tuple(sorted(label(t) for t in actors if t != iri and t not in via))
        places = sorted(label(t) for t, r in roles if r == "place")
        reports.append(ProfileEvent(
            event, data["type"], data.get("date"), data.get("first"), data["status"], role,
            ", ".join(label(t) for t in via) or None, others, places[0] if places else None,
            data.get("evidence") or "", data.get("evidence_article") or ""))
    reports.sort(key=lambda e: (e.first or "9999", e.date or "", e.type, e.iri))
    allies, adversaries = _counterparts(ties, iri) if iri in ties else ([], [])
    state_label = None if is_state else next((r["state"] for r in base if r["state"]), None)
    if state_label is None and info.get("state") in events and info.get("state") != iri:
        state_label = events.nodes[info["state"]]["label"]
    return Profile(iri, info.get("label", iri), info.get("type", ""), info.get("kind", ""),
                   info.get("wikidata"), state_label, tuple(aliases), tuple(posts), tuple(reports),
                   tuple(allies), tuple(adversaries))

