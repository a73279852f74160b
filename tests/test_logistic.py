"""The logistic model both learned parts of extraction use: fitting, reading, and its errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import ModelError
from kg.extract.confidence import load_calibration
from kg.extract.logistic import LogisticModel, fit_weights
from kg.extract.participants import load_participant_model

# Each model: how it is loaded, the variable that names another file, what it is called, and
# the command that writes it.
MODELS = [
    pytest.param(load_calibration, "KG_CONFIDENCE", "confidence model", "kg calibrate", id="confidence"),
    pytest.param(load_participant_model, "KG_PARTICIPANTS", "participant model", "kg fit-participants",
                 id="participants"),
]


def test_fit_weights_gives_no_weight_to_facts_seen_too_rarely():
    rows = [["bias", "common"]] * 8 + [["bias", "common", "rare"]] * 2
    labels = [True] * 4 + [False] * 4 + [True] * 2
    assert set(fit_weights(rows, labels, l2=1.0)) == {"bias", "common", "rare"}
    weights = fit_weights(rows, labels, l2=1.0, min_count=3)
    assert set(weights) == {"bias", "common"}
    assert LogisticModel(weights=weights, about={}).probability(["bias", "common", "rare"]) == \
        LogisticModel(weights=weights, about={}).probability(["bias", "common"])


@pytest.mark.parametrize("load, variable, kind, command", MODELS)
def test_load_reads_a_file_and_the_environment(tmp_path, monkeypatch, load, variable, kind, command):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(LogisticModel(weights={"bias": 1.5}, about={"events": 2}).to_json()))
    assert load(path).weights == {"bias": 1.5}
    monkeypatch.setenv(variable, str(path))
    assert load().about == {"events": 2}


@pytest.mark.parametrize("load, variable, kind, command", MODELS)
@pytest.mark.parametrize("content, message", [
    (None, "cannot read the {kind}"),
    ("{not json", "not a {kind} written by `{command}`"),
    ('{"about": {}}', "not a {kind}"),
    ('{"weights": {"bias": "high"}}', "not a {kind}"),
])
def test_load_bad_file_names_it_and_the_fix(tmp_path, load, variable, kind, command, content, message):
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ModelError, match=message.format(kind=kind, command=command)) as err:
        load(path)
    assert str(path) in str(err.value) and command in str(err.value)


@pytest.mark.slow
@pytest.mark.parametrize("load, variable, kind, command", MODELS)
def test_cli_bad_model_file_in_the_environment_is_a_clear_error(small_gold_dir, tmp_path, monkeypatch,
                                                                 load, variable, kind, command):
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    monkeypatch.setenv(variable, str(bad))
    result = CliRunner().invoke(cli, ["eval", str(small_gold_dir)])
    assert result.exit_code == 1
    assert f"Error: {bad}: not a {kind} written by `{command}`" in result.stderr
