"""Fitting the confidence model to a gold set: the library call, its measures and ``kg calibrate``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from helpers import DEV_GOLD, SMALL_GOLD
from kg.calibration import _auc, _brier, calibrate
from kg.cli import cli
from kg.evaluation import load_gold
from kg.extract.confidence import load_calibration


@pytest.mark.parametrize("predicted, right, expected", [
    ([0.1, 0.4, 0.35, 0.8], [False, False, True, True], 0.75),
    ([0.2, 0.9], [False, True], 1.0),
    ([0.5, 0.5, 0.5], [True, False, True], 0.5),
    ([0.3, 0.3], [True, True], 0.5),
])
def test_auc_is_the_chance_a_right_event_outranks_a_wrong_one(predicted, right, expected):
    assert _auc(predicted, right) == pytest.approx(expected)


def test_brier_is_the_mean_squared_gap():
    assert _brier([1.0, 0.0, 0.5], [True, True, False]) == pytest.approx((0 + 1 + 0.25) / 3)


@pytest.mark.slow
def test_calibrate_marks_events_as_kg_eval_scores_them(small_gold_dir, extractor):
    from kg.evaluation import evaluate, extract_for_scoring

    gold = load_gold(small_gold_dir)
    seen = []
    report = calibrate(gold, extractor, on_article=seen.append)
    assert seen == [a.name for a in gold]
    events = evaluate(gold, lambda article: extract_for_scoring(extractor, article)[1]).overall["events"]
    assert (report.events, report.right) == (events.tp + events.fp, events.tp)
    assert report.calibration.about == {"events": report.events, "right": report.right, "l2": 3.0,
                                        "articles": len(SMALL_GOLD)}
    assert 0 < report.brier < 1 and 0 <= report.auc <= 1
    assert f"{report.events} events, {report.right} right" in report.summary()


@pytest.mark.slow
def test_cli_calibrate_writes_a_model_that_eval_can_use(small_gold_dir, tmp_path, monkeypatch):
    runner = CliRunner()
    path = tmp_path / "confidence.json"
    result = runner.invoke(cli, ["calibrate", str(small_gold_dir), "-o", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Cross-validated over 5 folds" in result.stderr and result.stdout == ""
    model = load_calibration(path)
    assert model.about["articles"] == len(SMALL_GOLD) and "type=Meeting" in model.weights

    monkeypatch.setenv("KG_CONFIDENCE", str(path))
    report = json.loads(runner.invoke(cli, ["eval", str(small_gold_dir), "--format", "json"],
                                      catch_exceptions=False).stdout)
    assert sum(band["events"] for band in report["confidence"]) == \
        report["overall"]["events"]["tp"] + report["overall"]["events"]["fp"]


@pytest.mark.slow
def test_bundled_model_is_what_kg_calibrate_fits_on_the_dev_set(extractor):
    # Changing extraction, or the participant model, changes which events are right; refit with
    # `kg calibrate tests/fixtures/gold/dev -o kg/data/confidence.json`.
    bundled = load_calibration()
    fitted = calibrate(load_gold(DEV_GOLD), extractor).calibration
    assert fitted.about == bundled.about
    assert fitted.weights == pytest.approx(bundled.weights, abs=1e-3)
