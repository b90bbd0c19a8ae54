"""`stakecli scorecard` and the `scorecard` document: each evaluation, with exact values."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from stakecli.charters.scorecard import evaluate, normalise
from stakecli.charters.scorecard_model import Scorecard

REGISTER = """
kind: stakeholders
version: 1
stakeholders:
  - {id: sre, name: Sam Reyes, side: internal, power: 2, legitimacy: 3, urgency: 2, interest: 2}
  - {id: data, name: Dana Kim, side: internal, power: 2, legitimacy: 3, urgency: 2, interest: 2}
"""
SCORECARDS = """
kind: scorecard
version: 1
title: Adoption
scorecards:
  - id: gate
    name: Successful adoption
    type: gate
    as_of: 2026-11-24
    metrics:
      - {id: uptime, name: Uptime, owner: sre, unit: "%", comparator: ">=", threshold: 99.0,
         current: {value: 99.5, as_of: 2026-11-23}}
      - {id: engagement, name: Engagement, owner: data, unit: "%", comparator: ">=",
         threshold: 60, current: {value: 55, as_of: 2026-11-23}}
  - id: index
    name: Adoption index
    type: composite
    as_of: 2026-11-24
    threshold: 0.5
    metrics:
      - {id: uptime, name: Uptime, owner: sre, unit: "%", weight: 0.5, min: 98, max: 100,
         polarity: higher-is-better, current: {value: 99.5, as_of: 2026-11-23}}
      - {id: engagement, name: Engagement, owner: data, unit: "%", weight: 0.5, min: 40,
         max: 80, polarity: higher-is-better, current: {value: 55, as_of: 2026-11-23}}
"""


def folder(tmp_path: Path, scorecards: str = SCORECARDS) -> Path:
    (tmp_path / "stakeholders.yaml").write_text(textwrap.dedent(REGISTER).lstrip())
    (tmp_path / "scorecard.yaml").write_text(textwrap.dedent(scorecards).lstrip())
    return tmp_path


def test_json_gives_the_domain_8_6_gate_and_the_weighted_sum_exactly(run, tmp_path):
    result = run("scorecard", folder(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    gate, index = json.loads(result.stdout)["scorecards"]
    assert (gate["type"], gate["status"], gate["score"]) == ("gate", "fail", None)
    assert [(m["id"], m["value"], m["normalised"], m["verdict"]) for m in gate["metrics"]] == [
        ("uptime", 99.5, None, "pass"),
        ("engagement", 55, None, "fail"),
    ]
    assert (index["type"], index["status"], index["score"]) == ("composite", "pass", 0.5625)
    assert [
        (m["id"], m["normalised"], m["contribution"], m["verdict"]) for m in index["metrics"]
    ] == [("uptime", 0.75, 0.375, None), ("engagement", 0.375, 0.1875, None)]


def test_table_prints_each_result_and_the_score_unrounded(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    result = run("--color", "never", "scorecard", folder(tmp_path) / "scorecard.yaml")
    assert "Successful adoption (gate, " in result.stdout
    assert "): fail (all must pass)" in result.stdout
    assert "Adoption index (composite, " in result.stdout
    assert "): pass: score 0.5625 against 0.5" in result.stdout
    assert "0.1875" in result.stdout
    assert "info [scorecard.failing] 'Successful adoption' is fail (not met: engagement)" in (
        result.stdout
    )


def test_scorecards_of_a_charter_are_evaluated_too(run):
    root = Path(__file__).resolve().parents[2]
    result = run("scorecard", root / "examples" / "partnership", "-f", "json")
    (card,) = json.loads(result.stdout)["scorecards"]
    assert (card["source"], card["id"], card["status"]) == (
        "charter",
        "successful-adoption",
        "pass",
    )


def test_a_broken_scorecard_is_not_evaluated_and_exits_1(run, tmp_path):
    broken = SCORECARDS.replace("    threshold: 0.5\n", "")
    result = run("scorecard", folder(tmp_path, broken), "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(c["id"], c["evaluated"], c["status"]) for c in data["scorecards"]] == [
        ("gate", True, "fail"),
        ("index", False, None),
    ]
    assert ("scorecard.composite-incomplete", 14) in [
        (f["code"], f["line"]) for f in data["findings"]
    ]


def test_no_scorecard_is_a_usage_error(run, tmp_path):
    (tmp_path / "stakeholders.yaml").write_text(textwrap.dedent(REGISTER).lstrip())
    result = run("scorecard", tmp_path)
    assert result.exit_code == 2
    assert "no scorecard" in result.stderr


def test_the_scorecard_document_renders_a_scorecard_file(run, tmp_path):
    result = run("render", folder(tmp_path), "-d", "scorecard")
    assert result.exit_code == 0, result.stderr
    assert "Passes when the weighted score is at least 0.5. Result: **pass** (score 0.5625)." in (
        result.stdout
    )
    assert "| Engagement | Dana Kim | at least 60% | 55% | 2026-11-23 | fail |" in result.stdout
    assert "normalised 0.375, contributes 0.1875" in result.stdout


def test_composite_arithmetic_is_exact_on_the_decimals_written():
    card = Scorecard.model_validate(
        {
            "id": "c",
            "name": "C",
            "type": "composite",
            "threshold": 0.6,
            "metrics": [
                {"id": "u", "name": "U", "owner": "o", "unit": "%", "weight": 1, "min": 98,
                 "max": 100, "polarity": "higher-is-better",
                 "current": {"value": 99.2, "as_of": "2026-11-23"}},
            ],
        }
    )  # fmt: skip
    assert (
        normalise(card.metrics[0], 99.2) == 0.6
    )  # (99.2 - 98) / 2 in floats is 0.6000000000000014
    result = evaluate(card)
    assert (result.score, result.status) == (0.6, "pass")
