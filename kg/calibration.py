"""Fit the event-confidence model to a gold set, and tell how well it ranks unseen articles.

The model itself is in :mod:`kg.extract.confidence`. Here each gold article is extracted, each
extracted event is marked right or wrong the way ``kg eval`` scores events (type and
participants), and the model is fitted to those marks. Five-fold cross-validation over articles
measures it on articles it was not fitted on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.evaluation import GoldArticle, extract_for_scoring, score_article
from kg.extract import Extractor
from kg.extract.confidence import Calibration, event_features, fit

__all__ = ["CalibrationReport", "calibrate", "FOLDS"]

#: Cross-validation folds; article i is tested in fold i mod FOLDS.
FOLDS = 5


@dataclass(frozen=True)
class CalibrationReport:
    """The model fitted on every article, and its cross-validated quality."""

    calibration: Calibration
    events: int
    right: int
    brier: float
    base_brier: float
    auc: float

    def summary(self) -> str:
        return (f"{self.events} events, {self.right} right ({self.right / self.events:.1%}). "
                f"Cross-validated over {FOLDS} folds of articles: Brier score {self.brier:.3f} "
                f"(a constant {self.right / self.events:.2f} scores {self.base_brier:.3f}; lower is "
                f"better), AUC {self.auc:.3f} (0.5 is chance).")


def calibrate(gold: Sequence[GoldArticle], extractor: Extractor, *, l2: float = 3.0,
              on_article: Callable[[str], None] | None = None) -> CalibrationReport:
    """Extract every gold article, then fit the model and cross-validate it."""
    rows: list[tuple[int, list[str], bool]] = []
    for n, article in enumerate(gold):
        extraction, predicted_json = extract_for_scoring(extractor, article)
        hits = score_article(article, predicted_json).event_hits
        types = {e.iri: e.type for e in extraction.entities}
        features = event_features(extraction.events, lambda iri: types.get(iri, "unknown"))
        rows += [(n, f, hit) for f, hit in zip(features, hits)]
        if on_article:
            on_article(article.name)
    right = [hit for _, _, hit in rows]
    predicted = [0.0] * len(rows)
    for fold in range(FOLDS):
        train = [(f, hit) for n, f, hit in rows if n % FOLDS != fold]
        model = fit([f for f, _ in train], [hit for _, hit in train], l2=l2)
        for k, (n, f, _) in enumerate(rows):
            if n % FOLDS == fold:
                predicted[k] = model.probability(f)
    base = sum(right) / len(right)
    return CalibrationReport(
        calibration=fit([f for _, f, _ in rows], right, l2=l2, about={"articles": len(gold)}),
        events=len(rows), right=sum(right), brier=_brier(predicted, right),
        base_brier=_brier([base] * len(rows), right), auc=_auc(predicted, right))


def _brier(predicted: Sequence[float], right: Sequence[bool]) -> float:
    return sum((p - r) ** 2 for p, r in zip(predicted, right)) / len(right)


def _auc(predicted: Sequence[float], right: Sequence[bool]) -> float:
    """Return the chance that a right event scores above a wrong one (ties count half)."""
    order = sorted(range(len(predicted)), key=predicted.__getitem__)
    ranks = [0.0] * len(order)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and predicted[order[j + 1]] == predicted[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(right)
    negatives = len(right) - positives
    if not positives or not negatives:
        return 0.5
    rank_sum = sum(r for r, hit in zip(ranks, right) if hit)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
