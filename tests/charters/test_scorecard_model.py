"""The scorecard model: numbers must be finite."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import PEOPLE_REGISTER as REGISTER
from stakecli import pipeline
from stakecli.core.config import Config

RACI = """
kind: raci
version: 1
rows:
  - id: launch
    name: Launch
    assign: {ann: A, ben: R, cy: I}
"""
CHARTER = """
kind: charter
version: 1
title: T
status: active
purpose: Ship it together.
goals: [{statement: Ship, owners: [ann]}]
decision_rights:
  - {decision: Launch, raci: "raci.yaml#launch", decides: ann}
escalation:
  - {level: 1, who: [ben], time_limit_days: 2}
  - {level: 2, who: [ann], time_limit_days: 3}
scorecards:
  - id: s
    name: S
    type: gate
    metrics:
      - {id: m, name: M, owner: cy, unit: "%", comparator: ">=", threshold: 1}
signatories:
  - {id: ann, signed_on: 2026-10-01}
"""


def findings(folder: Path, config: Config | None = None) -> list[tuple[str, str, int | None]]:
    report = pipeline.run([folder], config)
    return [(Path(f.path).name, f.code, f.line) for f in report.findings]


@pytest.fixture
def folder(write):
    write("stakeholders.yaml", REGISTER)
    write("raci.yaml", RACI)
    return write("charter.yaml", CHARTER).parent


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_scorecard_numbers_must_be_finite(folder, write, value):
    write("charter.yaml", CHARTER.replace("threshold: 1}", f"threshold: {value}}}"))
    report = pipeline.run([folder])
    assert [(f.code, f.dotted) for f in report.findings if f.code.startswith("schema")] == [
        ("schema.invalid", "scorecards[0].metrics[0].threshold")
    ]
