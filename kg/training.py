"""Fit the participant model to a gold set, and tell how well it chooses on unseen articles.

The model itself is in :mod:`kg.extract.participants`. Here each gold article is extracted with
the participants the rules find, and each extracted event is paired with the gold event of its
type that its sentence tells (the one it shares most participants with). Each candidate of a
paired event is marked by whether the gold event has it, and the model is fitted to those marks.
Events the gold set has no counterpart for teach nothing: their participants have no right
answer. Five-fold cross-validation over articles measures how often the model gets a paired
event's participants exactly right, beside the rules alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.calibration import FOLDS
from kg.errors import ModelError
from kg.evaluation import GoldArticle, entity_names, extract_for_scoring, normalise
from kg.extract import Extractor
from kg.extract.logistic import LogisticModel, fit_weights
from kg.extract.participants import candidate_features, keep
from kg.records import Event

__all__ = ["ParticipantReport", "fit_participants"]

#: Facts seen for fewer candidates than this get no weight.
MIN_COUNT = 3


@dataclass(frozen=True)
class _Event:
    article: int
    candidates: dict[str, list[str]]  # facts by candidate name
    rules: frozenset[str]  # the participants the rules chose, by name
    gold: frozenset[str]


@dataclass(frozen=True)
class ParticipantReport:
    """The model fitted on every article, and its cross-validated quality (None if not measured)."""

    model: LogisticModel
    events: int
    candidates: int
    rules_right: int
    model_right: int | None

    def summary(self) -> str:
        text = (f"{self.events} extracted events paired with gold events, {self.candidates} candidate "
                f"participants. The rules alone get {self.rules_right} events' participants exactly "
                f"right ({self.rules_right / self.events:.1%})")
        if self.model_right is None:
            return text + "."
        return text + (f"; cross-validated over {FOLDS} folds of articles, the model gets {self.model_right} "
                       f"({self.model_right / self.events:.1%}).")


def fit_participants(gold: Sequence[GoldArticle], extractor: Extractor, *, l2: float = 2.0,
                     cross_validate: bool = True,
                     on_article: Callable[[str], None] | None = None) -> ParticipantReport:
    """Extract every gold article with the rules' participants, then fit the model to the gold's."""
    events: list[_Event] = []
    for n, article in enumerate(gold):
        events += _paired_events(n, article, extractor)
        if on_article:
            on_article(article.name)
    if not any(name in e.gold for e in events for name in e.candidates) \
            or all(name in e.gold for e in events for name in e.candidates):
        raise ModelError("Fitting the participant model needs extracted events with candidates that take "
                         "part and candidates that do not; annotate more articles in the gold set.")
    model_right = None
    if cross_validate:
        model_right = 0
        for fold in range(FOLDS):
            model = _fit([e for e in events if e.article % FOLDS != fold], l2)
            model_right += sum(_choice(model, e) == e.gold for e in events if e.article % FOLDS == fold)
    fitted = _fit(events, l2)
    about = {**fitted.about, "articles": len(gold)}
    return ParticipantReport(model=LogisticModel(weights=fitted.weights, about=about), events=len(events),
                             candidates=sum(len(e.candidates) for e in events),
                             rules_right=sum(e.rules == e.gold for e in events), model_right=model_right)


def _fit(events: Sequence[_Event], l2: float) -> LogisticModel:
    rows = [(facts, name in e.gold) for e in events for name, facts in e.candidates.items()]
    weights = fit_weights([facts for facts, _ in rows], [label for _, label in rows], l2=l2, min_count=MIN_COUNT)
    return LogisticModel(weights=weights, about={"events": len(events), "candidates": len(rows),
                                                 "taking_part": sum(label for _, label in rows), "l2": l2,
                                                 "min_count": MIN_COUNT})


def _choice(model: LogisticModel, event: _Event) -> frozenset[str]:
    # As participants.choose decides: when the model keeps no one, the rules' choice stands.
    return frozenset(keep(model, event.candidates)) or event.rules


def _paired_events(n: int, article: GoldArticle, extractor: Extractor) -> list[_Event]:
    recorded: list[tuple[Event, dict[str, list[str]]]] = []

    def record(found, roles):
        recorded.extend((event, candidate_features(trigger, event, roles)) for trigger, event in found)
        return [event for _, event in found]

    # The events are paired as the rules found them, not as the extraction keeps them: it drops
    # those the rules left without a side (a transfer with no receiver) that the model may add.
    _, predicted = extract_for_scoring(extractor, article, chooser=record)
    names, _ = entity_names(article, predicted.get("entities") or [])

    def name(iri: str) -> str:
        return names.get(iri, iri)

    gold = [(e.type, frozenset(map(normalise, e.participants)), e.evidence.strip()) for e in article.events]
    keys = [(e.type, frozenset(map(name, e.participants)), e.evidence.text.strip()) for e, _ in recorded]
    pairs: dict[int, tuple] = {}
    for k, key in enumerate(keys):
        if key in gold:
            gold.remove(key)
            pairs[k] = key
    for k, key in enumerate(keys):
        options = [g for g in gold if k not in pairs and g[0] == key[0] and g[2] == key[2]]
        if options:
            best = max(options, key=lambda g: len(g[1] & key[1]) / max(1, len(g[1] | key[1])))
            gold.remove(best)
            pairs[k] = best
    return [_Event(article=n, candidates={name(iri): facts for iri, facts in recorded[k][1].items()},
                   rules=keys[k][1], gold=pairs[k][1]) for k in sorted(pairs)]
