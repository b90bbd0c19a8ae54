"""Charter rules through the pipeline: sections, escalation, signatures, decision rights."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import PEOPLE_REGISTER as REGISTER
from stakecli import pipeline
from stakecli.core.config import CharterConfig, Config

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


def test_consistent_folder_is_clean_but_for_the_metric_without_data(folder):
    assert findings(folder) == [("charter.yaml", "scorecard.no-data", 17)]


def test_charter_decides_someone_the_raci_does_not_make_accountable(folder, write):
    write("charter.yaml", CHARTER.replace("decides: ann", "decides: ben"))
    report = pipeline.run([folder])
    (f,) = [f for f in report.findings if f.code == "charter.decision-conflict"]
    assert f.line == 8
    assert f.message == (
        "the charter says 'ben' decides 'Launch', but the RACI row 'launch' gives A to ann; "
        "make them agree"
    )


@pytest.mark.parametrize(
    "ref", ["launch", "raci#launch", "raci.yaml#launch", "./raci.yaml#launch", "team#launch"]
)
def test_decision_right_references_resolve(folder, write, ref):
    write("raci.yaml", RACI + "id: team\n")
    write("charter.yaml", CHARTER.replace('"raci.yaml#launch"', f'"{ref}"'))
    assert not [c for _, c, _ in findings(folder) if c.startswith("charter.")]


@pytest.mark.parametrize("ref", ["raci.yaml#lunch", "other.yaml#launch", "lunch"])
def test_unresolved_decision_right(folder, write, ref):
    write("charter.yaml", CHARTER.replace('"raci.yaml#launch"', f'"{ref}"'))
    assert ("charter.yaml", "charter.raci-unresolved", 8) in findings(folder)


def test_decision_right_follows_roles_and_daci_approver(folder, write):
    write(
        "raci.yaml",
        "kind: raci\nversion: 1\nvariant: daci\nroles: {approver: ann}\n"
        "rows:\n  - {id: launch, name: L, assign: {ben: D, approver: A, cy: C}}\n",
    )
    assert not [c for _, c, _ in findings(folder) if c.startswith("charter.")]


def test_missing_required_section(folder, write):
    write("charter.yaml", CHARTER.replace("purpose: Ship it together.\n", ""))
    assert ("charter.yaml", "charter.missing-section", 1) in findings(folder)


def test_required_sections_are_configurable(folder, write):
    write("charter.yaml", CHARTER.replace("purpose: Ship it together.\n", ""))
    config = Config(charter=CharterConfig(required_sections=["goals", "ceremonies"]))
    found = [(c, line) for _, c, line in findings(folder, config) if c == "charter.missing-section"]
    assert found == [("charter.missing-section", 1)]
    report = pipeline.run([folder], config)
    assert [f.message for f in report.findings if f.code == "charter.missing-section"] == [
        "the charter has no `ceremonies:` (ceremonies); the custom profile requires it"
    ]


def test_escalation_levels_must_count_up_from_one(folder, write):
    write("charter.yaml", CHARTER.replace("level: 2", "level: 3"))
    assert ("charter.yaml", "charter.escalation-order", 11) in findings(folder)


def test_active_charter_with_an_unsigned_signatory(folder, write):
    write("charter.yaml", CHARTER.replace("{id: ann, signed_on: 2026-10-01}", "{id: ann}"))
    assert ("charter.yaml", "charter.unsigned", 19) in findings(folder)
    write("charter.yaml", CHARTER.replace("signed_on: 2026-10-01", "signed_on: null").replace(
        "status: active", "status: draft"))  # fmt: skip
    assert "charter.unsigned" not in [c for _, c, _ in findings(folder)]


def test_a_nul_byte_in_a_raci_reference_is_a_finding(folder, write):
    write("charter.yaml", CHARTER.replace('"raci.yaml#launch"', '"raci\\0.yaml#launch"'))
    assert ("charter.yaml", "charter.raci-unresolved", 8) in findings(folder)
