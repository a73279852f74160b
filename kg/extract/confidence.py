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

import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.errors import ModelError
from kg.records import Event

__all__ = ["Calibration", "event_features", "fit", "load_calibration", "with_confidence"]

#: The evidence sentence's length is counted in steps of this many characters, up to the last.
_LENGTH_STEP, _LENGTH_STEPS = 80, 3


@dataclass(frozen=True)
class Calibration:
    """A fitted model: a weight per feature; features it has no weight for count nothing."""

    weights: dict[str, float]
    about: dict[str, object]

    def probability(self, features: Sequence[str]) -> float:
        return 1 / (1 + math.exp(-sum(self.weights.get(f, 0.0) for f in features)))

    def to_json(self) -> dict[str, object]:
        return {"about": self.about, "weights": dict(sorted(self.weights.items()))}


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
    """Fit a logistic model by Newton's method, with an L2 penalty on every weight."""
    import numpy as np

    names = sorted({f for row in features for f in row})
    if not names or len(set(right)) < 2:
        raise ModelError("Calibration needs events that were right and events that were wrong; "
                         "annotate more articles in the gold set.")
    index = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(features), len(names)))
    for n, row in enumerate(features):
        x[n, [index[f] for f in row]] = 1.0
    y = np.asarray(right, dtype=float)
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + l2 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(names))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Calibration(weights={name: round(float(w[k]), 4) for name, k in index.items()},
                       about={"events": len(features), "right": int(y.sum()), "l2": l2, **(about or {})})


def load_calibration(path: str | Path | None = None) -> Calibration:
    """Load a model written by ``kg calibrate``: ``path``, else ``$KG_CONFIDENCE``, else the bundled one."""
    path = path or os.environ.get("KG_CONFIDENCE") or None
    return _load(str(path) if path else None)


@lru_cache(maxsize=4)
def _load(path: str | None) -> Calibration:
    where = path or "kg/data/confidence.json"
    try:
        text = Path(path).read_text(encoding="utf-8") if path else \
            files("kg").joinpath("data/confidence.json").read_text(encoding="utf-8")
        data = json.loads(text)
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        about = dict(data.get("about") or {})
    except OSError as err:
        raise ModelError(f"{where}: cannot read the confidence model ({err.strerror}). "
                         f"Write one with `kg calibrate GOLD_DIR -o FILE`, or unset $KG_CONFIDENCE.") from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ModelError(f"{where}: not a confidence model written by `kg calibrate` "
                         f"({type(err).__name__}: {err}). Write it again with `kg calibrate`.") from None
    return Calibration(weights=weights, about=about)
