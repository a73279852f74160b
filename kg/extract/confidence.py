"""How likely an extracted event is to be right, learned from hand-annotated articles.

Each event is described by a few plain facts, each tied to its type: its status, the kinds of
its participants, which roles it filled, what other events its sentence holds, how long the
sentence is, and whether the article reported it before. A logistic model over these facts,
fitted with ``kg calibrate`` on a gold set (:mod:`kg.evaluation`), turns them into the
probability that the event's type and participants are right. The bundled model,
``kg/data/confidence.json``, was fitted on ``tests/fixtures/gold/dev``; ``$KG_CONFIDENCE`` names
another.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from kg.errors import ModelError
from kg.extract.logistic import LogisticModel, fit_weights, read_model
from kg.records import Event

__all__ = ["Calibration", "event_features", "fit", "load_calibration", "with_confidence"]

#: The evidence sentence's length is counted in steps of this many characters, up to the last.
_LENGTH_STEP, _LENGTH_STEPS = 80, 3


#: The confidence model is a logistic model over each event's facts.
Calibration = LogisticModel


def event_features(events: Sequence[Event], type_of: Callable[[str], str]) -> list[list[str]]:
    """Return the features of each of one article's events, in order."""
    features = []
    for i, event in enumerate(events):
        kinds = "+".join(sorted(type_of(p) for p in event.participants)) or "none"
        neighbours = "+".join(sorted({e.type for j, e in enumerate(events)
                                      if j != i and e.evidence.start == event.evidence.start})) or "none"
        repeated = any(e.type == event.type and set(e.participants) == set(event.participants)
                       for e in events[:i])
        length = min(len(event.evidence.text) // _LENGTH_STEP, _LENGTH_STEPS)
        facts = [f"status={event.status}", f"participants={kinds}", f"neighbours={neighbours}",
                 f"length={length}", f"repeated={repeated}", f"place={event.place is not None}",
                 f"date={event.date is not None}", f"source={event.source is not None}",
                 f"quantity={event.quantity is not None}", f"agent={event.agent is not None}",
                 f"recipient={event.recipient is not None}"]
        features.append(["bias", f"type={event.type}", *(f"type={event.type}|{fact}" for fact in facts)])
    return features


def with_confidence(events: Sequence[Event], type_of: Callable[[str], str],
                    calibration: Calibration) -> list[Event]:
    """Return the events with the calibrated confidence, to two decimals."""
    return [replace(event, confidence=round(calibration.probability(features), 2))
            for event, features in zip(events, event_features(events, type_of))]


def fit(features: Sequence[Sequence[str]], right: Sequence[bool], *, l2: float = 3.0,
        about: dict[str, object] | None = None) -> Calibration:
    """Fit the model to events marked right or wrong."""
    if not any(features) or len(set(right)) < 2:
        raise ModelError("Calibration needs events that were right and events that were wrong; "
                         "annotate more articles in the gold set.")
    return Calibration(weights=fit_weights(features, right, l2=l2),
                       about={"events": len(features), "right": sum(map(bool, right)), "l2": l2, **(about or {})})


def load_calibration(path: str | Path | None = None) -> Calibration:
    """Load a model written by ``kg calibrate``: ``path``, else ``$KG_CONFIDENCE``, else the bundled one."""
    path = path or os.environ.get("KG_CONFIDENCE") or None
    return read_model(str(path) if path else None, bundled="confidence.json", kind="confidence model",
                      command="kg calibrate", variable="KG_CONFIDENCE")
