"""Charters, references across files and the shipped agreement examples, through the pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from stakecli import pipeline
from stakecli.core.config import CharterConfig, Config

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples"

REGISTER = """
kind: stakeholders
version: 1
stakeholders:
  - {id: ann, name: Ann, side: internal, power: 4, legitimacy: 4, urgency: 3, interest: 4,
     owner: ben}
  - {id: ben, name: Ben, side: internal, power: 3, legitimacy: 4, urgency: 3, interest: 4}
  - {id: cy, name: Cy, side: internal, power: 2, legitimacy: 4, urgency: 3, interest: 4}
"""
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
        "the charter has no `ceremonies:`; the project's profile requires it"
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


def test_project_config_regrades_and_comments_suppress(folder, write):
    write("raci.yaml", RACI.replace("ben: R", "ben: C"))
    assert ("raci.yaml", "raci.implied-responsible", 6) in findings(folder)
    config = Config(rules={"raci.implied-responsible": "off"})
    assert "raci.implied-responsible" not in [c for _, c, _ in findings(folder, config)]
    comment = "    # stakecli: disable-next-line=raci.implied-responsible\n    assign:"
    write("raci.yaml", RACI.replace("ben: R", "ben: C").replace("    assign:", comment))
    assert "raci.implied-responsible" not in [c for _, c, _ in findings(folder)]


def test_partnership_example_is_clean_with_a_register(tmp_path):
    for name in ("raci.yaml", "charter.yaml"):
        shutil.copy(EXAMPLES / "partnership" / name, tmp_path / name)
    shutil.copy(EXAMPLES / "partnership" / "stakeholders.yaml", tmp_path / "stakeholders.yaml")
    assert findings(tmp_path) == []


def test_vendor_renewal_team_raci_is_clean_against_its_register():
    # Only the RACI's findings: the folder's other files belong to other checks.
    assert [f for f in findings(EXAMPLES / "vendor-renewal") if f[0] == "raci.yaml"] == []
    assert "raci.yaml" in [p.name for p in pipeline.run([EXAMPLES / "vendor-renewal"]).files]


def test_a_role_held_by_nobody_is_a_schema_error(tmp_path, write):
    write("raci.yaml", RACI + "roles: {owner: []}\n")
    assert ("raci.yaml", "schema.empty", 7) in findings(tmp_path)


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_scorecard_numbers_must_be_finite(folder, write, value):
    write("charter.yaml", CHARTER.replace("threshold: 1}", f"threshold: {value}}}"))
    report = pipeline.run([folder])
    assert [(f.code, f.dotted) for f in report.findings if f.code.startswith("schema")] == [
        ("schema.invalid", "scorecards[0].metrics[0].threshold")
    ]


def test_a_nul_byte_in_a_raci_reference_is_a_finding(folder, write):
    write("charter.yaml", CHARTER.replace('"raci.yaml#launch"', '"raci\\0.yaml#launch"'))
    assert ("charter.yaml", "charter.raci-unresolved", 8) in findings(folder)


@pytest.mark.parametrize("pure", [False, True])
def test_an_impossible_date_under_a_merge_key_is_a_located_finding(tmp_path, pure):
    from stakecli.core.findings import Finding
    from stakecli.core.loading import parse

    # Merge keys go through ruamel's constructor, which builds dates (and fails on this one).
    text = b"kind: charter\nbase: &b {id: a}\nsignatories:\n  - {<<: *b, signed_on: 2026-02-30}\n"
    found = parse(text, tmp_path / "charter.yaml", pure=pure)
    assert isinstance(found, Finding)
    assert (found.code, found.line, found.col) == ("yaml.syntax", 4, 25)
    assert found.message == (
        "'2026-02-30' is not a valid date (day is out of range for month); write YYYY-MM-DD"
    )


def test_an_impossible_date_is_a_schema_finding(folder, write):
    write("charter.yaml", CHARTER.replace("signed_on: 2026-10-01", "signed_on: 2026-02-30"))
    report = pipeline.run([folder])
    (f,) = [f for f in report.findings if f.code.startswith("schema")]
    assert (f.code, f.line, f.dotted) == ("schema.type", 19, "signatories[0].signed_on")


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
