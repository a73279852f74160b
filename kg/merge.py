"""Merge the reports of one real-world event across articles into one node.

Two reports are the same event when they have the same type, share most participants (half of
the smaller cast), their time bounds overlap (or one has none), and their places agree (or one
has none). Each group of reports from two or more articles becomes a ``kg:MergedEvent`` in the
graph ``graph:merged``: it links every report (whose evidence stays in its article's graph),
counts the articles, and keeps conflicting values side by side with a ``kg:conflict`` note
instead of choosing one. The merged graph is rebuilt from the article graphs after each ingest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files

import pyoxigraph as ox

from kg.namespaces import GRAPH, ID, KG, RDF, SEM, XSD
from kg.query import compact_iri
from kg.store import Store

__all__ = ["Report", "MERGED_GRAPH", "same_event", "merge_events"]

MERGED_GRAPH = str(GRAPH) + "merged"
_ASSERTED, _NEGATED = str(KG.asserted), str(KG.negated)


@dataclass
class Report:
    """One article's report of an event, as merging sees it."""

    iri: str
    type: str
    article: str
    participants: set[str] = field(default_factory=set)
    place: str | None = None
    earliest: date | None = None
    latest: date | None = None
    quantity: int | None = None
    status: str = ""


#: Reports whose dates are this close still describe one event: sources disagree by a day or two
#: (the 2024 treaty is dated 18 June by some and 19 June by others), and the conflict is flagged.
_DATE_SLACK = timedelta(days=3)


def _overlap(a: Report, b: Report) -> bool:
    if None in (a.earliest, a.latest, b.earliest, b.latest):
        return True
    return a.earliest - _DATE_SLACK <= b.latest and b.earliest - _DATE_SLACK <= a.latest


def same_event(a: Report, b: Report) -> bool:
    """Tell whether two reports from different articles describe the same event.

    The smaller cast must be part of the larger. Both need time bounds that overlap; a report
    without a date matches only one with the same place. A hedged report matches only hedged
    ones; asserted and negated reports match, and the difference is flagged.

    >>> x = Report("e1", "Meeting", "a1", {"choe", "lavrov"}, "moscow", date(2025, 10, 21), date(2025, 10, 31))
    >>> y = Report("e2", "Meeting", "a2", {"choe", "lavrov", "putin"}, None, date(2025, 10, 27), date(2025, 10, 27))
    >>> same_event(x, y), same_event(x, Report("e3", "Meeting", "a3", {"xi", "putin"}))
    (True, False)
    """
    if a.type != b.type or a.article == b.article or not a.participants or not b.participants:
        return False
    # An expected event is not the event that happened; a denial is a conflicting report of it.
    if a.status != b.status and {a.status, b.status} != {_ASSERTED, _NEGATED}:
        return False
    small, large = sorted((a.participants, b.participants), key=len)
    if not small <= large:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    if None in (a.earliest, b.earliest):
        return bool(a.place and a.place == b.place)
    return _overlap(a, b)


@lru_cache(maxsize=1)
def _query() -> str:
    return (files("kg") / "data" / "merge.rq").read_text(encoding="utf-8")


def _reports(store: Store) -> list[Report]:
    reports: dict[str, Report] = {}
    for row in store.oxigraph.query(_query()):
        iri = row["event"].value
        report = reports.get(iri)
        if report is None:
            report = reports[iri] = Report(
                iri=iri, type=row["class"].value, article=row["article"].value,
                place=row["place"].value if row["place"] else None,
                earliest=date.fromisoformat(row["earliest"].value) if row["earliest"] else None,
                latest=date.fromisoformat(row["latest"].value) if row["latest"] else None,
                quantity=int(row["quantity"].value) if row["quantity"] else None,
                status=row["status"].value)
        report.participants.add(row["participant"].value)
    return sorted(reports.values(), key=lambda r: r.iri)


def _groups(reports: list[Report]) -> list[list[Report]]:
    # Every report in a group must match every other: chains of near matches (a meeting in
    # March matching one undated, matching one in June) do not make one event.
    groups: list[list[Report]] = []
    for report in sorted(reports, key=lambda r: (r.type, r.earliest or date.min, r.iri)):
        home = next((g for g in groups if all(same_event(report, other) for other in g)), None)
        if home is None:
            groups.append([report])
        else:
            home.append(report)
    return [g for g in groups if len({r.article for r in g}) >= 2]


def _shown(value) -> str:
    return compact_iri(value) if isinstance(value, str) and value.startswith("http") else str(value)


def _conflicts(group: list[Report]) -> list[str]:
    notes = []
    for name in ("quantity", "place", "status"):
        values = {getattr(r, name) for r in group if getattr(r, name) is not None}
        if len(values) > 1:
            listed = " vs ".join(f"{_shown(getattr(r, name))} ({_shown(r.article)})"
                                 for r in group if getattr(r, name) is not None)
            notes.append(f"{name}: {listed}")
    # Vague and exact dates that overlap agree; two different exact days do not.
    days = [r for r in group if r.earliest is not None and r.earliest == r.latest]
    if len({r.earliest for r in days}) > 1:
        notes.append("date: " + " vs ".join(f"{r.earliest} ({_shown(r.article)})" for r in days))
    return notes


def _merged_triples(group: list[Report]) -> list[ox.Triple]:
    digest = hashlib.sha1("\x1f".join(sorted(r.iri for r in group)).encode()).hexdigest()[:16]
    node = ox.NamedNode(f"{ID}event/merged/{digest}")
    t = lambda p, o: ox.Triple(node, ox.NamedNode(str(p)), o)  # noqa: E731
    triples = [t(RDF.type, ox.NamedNode(str(KG.MergedEvent))),
               t(KG.eventClass, ox.NamedNode(group[0].type)),
               t(KG.sourceCount, ox.Literal(str(len({r.article for r in group})),
                                            datatype=ox.NamedNode(str(XSD.integer))))]
    triples += [t(KG.merges, ox.NamedNode(r.iri)) for r in group]
    triples += [t(KG.participant, ox.NamedNode(p)) for p in sorted(set().union(*(r.participants for r in group)))]
    triples += [t(SEM.hasPlace, ox.NamedNode(p)) for p in sorted({r.place for r in group if r.place})]
    triples += [t(KG.quantity, ox.Literal(str(q), datatype=ox.NamedNode(str(XSD.integer))))
                for q in sorted({r.quantity for r in group if r.quantity is not None})]
    triples += [t(KG.conflict, ox.Literal(note)) for note in _conflicts(group)]
    return triples


def merge_events(store: Store) -> int:
    """Rebuild the merged-event graph from the article graphs; return how many merged events."""
    groups = _groups(_reports(store))
    store.replace_graphs({MERGED_GRAPH: [t for g in groups for t in _merged_triples(g)]})
    return len(groups)
