"""Register ids used across files: unknown ids, duplicates, and files without a register."""

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


def test_unknown_id_is_an_error_where_it_is_used(folder, write):
    write("raci.yaml", RACI.replace("cy: I", "cyy: I"))
    report = pipeline.run([folder])
    (f,) = [f for f in report.findings if f.code == "refs.unknown-id"]
    assert (Path(f.path).name, f.line, f.col) == ("raci.yaml", 6, 30)
    assert f.message == "'cyy' is in no register; did you mean 'cy'?"


def test_role_names_resolve_through_the_roles_mapping(folder, write):
    write("raci.yaml", RACI.replace("ann: A", "owner: A") + "roles: {owner: ann}\n")
    assert ("raci.yaml", "refs.unknown-id", 6) not in findings(folder)
    write("raci.yaml", RACI.replace("ann: A", "owner: A") + "roles: {owner: anne}\n")
    assert ("raci.yaml", "refs.unknown-id", 7) in findings(folder)


def test_charter_ids_are_checked_everywhere(folder, write):
    write("charter.yaml", CHARTER.replace("who: [ben]", "who: [bob]"))
    assert ("charter.yaml", "refs.unknown-id", 10) in findings(folder)


def test_without_a_register_each_referencing_file_gets_one_warning(tmp_path, write):
    write("raci.yaml", RACI)
    assert findings(tmp_path) == [("raci.yaml", "refs.no-register", 1)]


def test_ids_must_be_unique_across_registers(folder, write):
    write("people.yaml", REGISTER.replace("id: ben", "id: dan").replace("id: cy", "id: eve"))
    report = pipeline.run([folder])
    (f,) = [f for f in report.findings if f.code == "ids.duplicate"]
    # Discovery is in path order: more/people.yaml defines ann first.
    assert (Path(f.path).name, f.line) == ("stakeholders.yaml", 4)
    assert f.message.startswith("id 'ann' is already defined in ")


def test_any_model_with_a_references_method_takes_part(tmp_path):
    from stakecli.core.project import Parsed, Workspace
    from stakecli.stakeholders import references

    class Memo:
        links = ["https://example.org"]

        def references(self):
            yield ("deciders", 0), "ghost"

    class Linked:
        references = ["not", "a", "method"]

    (tmp_path / "s.yaml").write_text(REGISTER.lstrip())
    register = pipeline.parse_file(tmp_path / "s.yaml")
    assert isinstance(register, Parsed)
    doc = register.document
    files = [
        register,
        Parsed(tmp_path / "memo.yaml", "decision", doc, Memo()),
        Parsed(tmp_path / "l.yaml", "decision", doc, Linked()),
    ]
    found = list(references.check(Workspace(Config(), files)))
    assert [(Path(f.path).name, f.code, f.loc) for f in found] == [
        ("memo.yaml", "refs.unknown-id", ("deciders", 0))
    ]
