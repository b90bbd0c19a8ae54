"""Schema violations are located findings with stable codes and did-you-mean hints."""

from __future__ import annotations

import json
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


def test_an_impossible_date_is_a_schema_finding(folder, write):
    write("charter.yaml", CHARTER.replace("signed_on: 2026-10-01", "signed_on: 2026-02-30"))
    report = pipeline.run([folder])
    (f,) = [f for f in report.findings if f.code.startswith("schema")]
    assert (f.code, f.line, f.dotted) == ("schema.type", 19, "signatories[0].signed_on")


GOOD = """\
kind: stakeholders
version: 1
stakeholders:
  - id: cfo
    name: Dana Whitfield
    side: internal
    power: 5
    legitimacy: 5
    urgency: 4
    interest: 4
    owner: cfo
"""


def findings_for(run, path: Path) -> list[dict[str, object]]:
    result = run("validate", "--format", "json", path)
    assert result.exit_code == 1, result.stdout + result.stderr
    return [
        {k: f[k] for k in ("line", "col", "code")} | {"message": f["message"]}
        for f in json.loads(result.stdout)["findings"]
    ]


@pytest.mark.parametrize(
    ("line", "replacement", "code", "col"),
    [
        ("    power: 5", "    power: high", "schema.type", 12),
        ("    power: 5", "    power: 9", "schema.out-of-range", 12),
        ("    side: internal", "    side: inside", "schema.invalid-choice", 11),
        ("    urgency: 4", "    urgncy: 4", "schema.unknown-key", 5),
    ],
    ids=["wrong-type", "out-of-range", "invalid-choice", "unknown-key"],
)
def test_schema_errors_are_located(run, write, line, replacement, code, col):
    path = write("x.yaml", GOOD.replace(line, replacement))
    found = findings_for(run, path)
    assert any(
        f["code"] == code and f["line"] == GOOD.splitlines().index(line) + 1 and f["col"] == col
        for f in found
    ), found


def test_unknown_key_suggests_the_closest_key(run, write):
    path = write("x.yaml", GOOD.replace("    urgency: 4", "    urgncy: 4"))
    messages = [f["message"] for f in findings_for(run, path)]
    assert "unknown key 'urgncy' in stakeholders[0]; did you mean 'urgency'?" in messages


@pytest.mark.parametrize(
    ("entry", "code", "col", "message"),
    [
        (
            "{id: dee, name: Dee, side: internal, legitimacy: 2, urgency: 2, interest: 2}",
            "schema.missing",
            5,
            "stakeholders[0].power: required key is missing; add it",
        ),
        (
            "{id: Dee Moss, name: Dee, side: internal, power: 2, legitimacy: 2, urgency: 2,"
            " interest: 2}",
            "schema.pattern",
            10,
            "stakeholders[0].id: string should match pattern '^[A-Za-z0-9][A-Za-z0-9_.-]*$';"
            " got 'Dee Moss'",
        ),
    ],
)
def test_a_missing_key_and_a_bad_id_are_located(write, entry, code, col, message):
    path = write("people.yaml", f"kind: stakeholders\nversion: 1\nstakeholders:\n  - {entry}\n")
    found = [(f.code, f.line, f.col, f.message) for f in pipeline.run([path]).findings]
    assert found == [(code, 4, col, message)]
