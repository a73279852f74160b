"""A logistic model over named facts, fitted to hand-annotated articles and kept as JSON.

Two models use it: how likely an event is to be right (:mod:`kg.extract.confidence`) and which
of a sentence's entities take part in an event (:mod:`kg.extract.participants`). A fact is a
string such as ``"type=Meeting|status=hedged"``; the model gives each fact it knows a weight, and
facts it has no weight for count nothing.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.errors import ModelError

__all__ = ["LogisticModel", "fit_weights", "read_model"]


@dataclass(frozen=True)
class LogisticModel:
    """A fitted model: a weight per fact, and what it was fitted on."""

    weights: dict[str, float]
    about: dict[str, object]

    def probability(self, features: Sequence[str]) -> float:
        return 1 / (1 + math.exp(-sum(self.weights.get(f, 0.0) for f in features)))

    def to_json(self) -> dict[str, object]:
        return {"about": self.about, "weights": dict(sorted(self.weights.items()))}


def fit_weights(features: Sequence[Sequence[str]], labels: Sequence[bool], *, l2: float,
                min_count: int = 1) -> dict[str, float]:
    """Fit the weights by Newton's method, with an L2 penalty on every weight.

    Facts seen in fewer than ``min_count`` rows get no weight: they would only learn noise, and
    every fact kept makes each step of the fit slower by its square.
    """
    import numpy as np

    counts = Counter(f for row in features for f in set(row))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(features), len(names)))
    for n, row in enumerate(features):
        x[n, [index[f] for f in row if f in index]] = 1.0
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + l2 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(names))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(w[k]), 4) for name, k in index.items()}


def read_model(path: str | None, *, bundled: str, kind: str, command: str, variable: str) -> LogisticModel:
    """Read a model from ``path``, or the bundled ``kg/data/<bundled>`` when ``path`` is None.

    ``kind``, ``command`` and ``variable`` name the model, the command that writes it and the
    environment variable that points at it, for the error messages.
    """
    return _read(path, bundled, kind, command, variable)


@lru_cache(maxsize=8)
def _read(path: str | None, bundled: str, kind: str, command: str, variable: str) -> LogisticModel:
    where = path or f"kg/data/{bundled}"
    try:
        text = Path(path).read_text(encoding="utf-8") if path else \
            files("kg").joinpath("data", bundled).read_text(encoding="utf-8")
        data = json.loads(text)
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        about = dict(data.get("about") or {})
    except OSError as err:
        raise ModelError(f"{where}: cannot read the {kind} ({err.strerror}). "
                         f"Write one with `{command} GOLD_DIR -o FILE`, or unset ${variable}.") from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ModelError(f"{where}: not a {kind} written by `{command}` "
                         f"({type(err).__name__}: {err}). Write it again with `{command}`.") from None
    return LogisticModel(weights=weights, about=about)
