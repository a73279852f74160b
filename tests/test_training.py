"""Fitting the participant model to a gold set: the library call, its measures and ``kg fit-participants``."""

from __future__ import annotations

import json
from functools import partial

import pytest
from click.testing import CliRunner

from helpers import DEV_GOLD, SMALL_GOLD, the_rules
from kg.cli import cli
from kg.errors import ModelError
from kg.evaluation import evaluate, extract_for_scoring, load_gold
from kg.extract.participants import choose, load_participant_model
from kg.training import fit_participants


@pytest.mark.slow
def test_fit_pairs_extracted_events_with_gold_events_of_their_sentence(small_gold_dir, extractor):
    gold = load_gold(small_gold_dir)
    seen = []
    report = fit_participants(gold, extractor, on_article=seen.append)
    assert seen == [a.name for a in gold]
    rules = evaluate(gold, lambda a: extract_for_scoring(extractor, a, chooser=the_rules)[1]).overall["events"]
    # A paired event is an extracted one; one the rules got exactly right is right for kg eval too.
    assert report.rules_right <= rules.tp and report.events <= rules.tp + rules.fp
    assert report.candidates > report.events > 0
    assert 0 <= report.model_right <= report.events
    assert report.model.about["articles"] == len(SMALL_GOLD) and report.model.about["events"] == report.events
    assert f"{report.events} extracted events paired" in report.summary() and "cross-validated" in report.summary()


@pytest.mark.slow
def test_fit_without_cross_validation_fits_the_same_model(small_gold_dir, extractor):
    gold = load_gold(small_gold_dir)
    quick = fit_participants(gold, extractor, cross_validate=False)
    assert quick.model_right is None and "cross-validated" not in quick.summary()
    assert quick.model == fit_participants(gold, extractor).model


@pytest.mark.slow
def test_fit_needs_candidates_that_take_part_and_ones_that_do_not(tmp_path, extractor):
    (tmp_path / "a.txt").write_text("Talks\n\nThe weather was mild.\n")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2025-01-02", "entities": [], "positions": [],
                                                       "events": [], "relations": []}))
    with pytest.raises(ModelError, match="annotate more articles"):
        fit_participants(load_gold(tmp_path), extractor)


@pytest.mark.slow
def test_cli_fit_participants_writes_a_model_that_eval_uses(small_gold_dir, tmp_path, monkeypatch, extractor):
    runner = CliRunner()
    path = tmp_path / "participants.json"
    result = runner.invoke(cli, ["fit-participants", str(small_gold_dir), "-o", str(path), "--no-cross-validation"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "extracted events paired with gold events" in result.stderr and result.stdout == ""
    assert load_participant_model(path).about["articles"] == len(SMALL_GOLD)

    monkeypatch.setenv("KG_PARTICIPANTS", str(path))
    report = json.loads(runner.invoke(cli, ["eval", str(small_gold_dir), "--format", "json"],
                                      catch_exceptions=False).stdout)["overall"]["events"]
    fitted = partial(choose, model=load_participant_model(path))
    expected = evaluate(load_gold(small_gold_dir),
                        lambda a: extract_for_scoring(extractor, a, chooser=fitted)[1]).overall["events"]
    assert (report["tp"], report["fp"], report["fn"]) == (expected.tp, expected.fp, expected.fn)


@pytest.mark.slow
def test_bundled_model_is_what_kg_fit_participants_fits_on_the_dev_set(extractor):
    # Changing extraction changes the candidates and their facts; refit with
    # `kg fit-participants tests/fixtures/gold/dev -o kg/data/participants.json`, then `kg calibrate`.
    bundled = load_participant_model()
    fitted = fit_participants(load_gold(DEV_GOLD), extractor, cross_validate=False).model
    assert fitted.about == bundled.about
    assert fitted.weights == pytest.approx(bundled.weights, abs=1e-3)
