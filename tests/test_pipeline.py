"""One run over files: kinds, project config, suppressions; one bad file never stops the others."""

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


def test_project_config_regrades_and_comments_suppress(folder, write):
    write("raci.yaml", RACI.replace("ben: R", "ben: C"))
    assert ("raci.yaml", "raci.implied-responsible", 6) in findings(folder)
    config = Config(rules={"raci.implied-responsible": "off"})
    assert "raci.implied-responsible" not in [c for _, c, _ in findings(folder, config)]
    comment = "    # stakecli: disable-next-line=raci.implied-responsible\n    assign:"
    write("raci.yaml", RACI.replace("ben: R", "ben: C").replace("    assign:", comment))
    assert "raci.implied-responsible" not in [c for _, c, _ in findings(folder)]


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


def only(run, path: Path) -> dict[str, object]:
    found = findings_for(run, path)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "file.empty"),
        ("# only a comment\n", "file.empty"),
        ("- a\n- b\n", "file.not-mapping"),
        ("just text\n", "file.not-mapping"),
        ("kind: stakeholder\nversion: 1\n", "kind.unknown"),
        ("version: 1\n", "kind.missing"),
        ("kind: stakeholders\nversion: 7\n", "kind.version"),
    ],
    ids=["empty", "comment-only", "list", "scalar", "unknown-kind", "no-kind", "bad-version"],
)
def test_documents_that_are_not_stakecli_files(run, write, text, code):
    assert only(run, write("f.yaml", text))["code"] == code


def test_unknown_kind_suggests_the_closest(run, write):
    finding = only(run, write("f.yaml", "kind: stakeholder\nversion: 1\n"))
    assert finding["message"] == "unknown kind 'stakeholder'; did you mean 'stakeholders'?"
    assert (finding["line"], finding["col"]) == (1, 7)


def test_one_bad_file_never_stops_the_others(run, write, tmp_path):
    write("a.yaml", "kind: stakeholders\nversion: 1\nstakeholders: [\n")
    write("b.yaml", GOOD.replace("power: 5", "power: 0"))
    write("c.yaml", GOOD)
    result = run("validate", "--format", "json", tmp_path)
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 3
    assert sorted(Path(f["path"]).name for f in data["findings"]) == ["a.yaml", "b.yaml"]


def test_project_is_the_checked_workspace_of_a_folder_and_its_as_of_date(tmp_path):
    import datetime as dt

    from conftest import EXAMPLES
    from stakecli.core.errors import UsageError

    workspace, as_of = pipeline.project(EXAMPLES / "product-team", today=dt.date(2026, 10, 30))
    assert as_of == dt.date(2026, 10, 30)
    assert workspace.root.resolve() == (EXAMPLES / "product-team").resolve()
    with pytest.raises(UsageError, match="is not a folder; pass the project folder"):
        pipeline.project(EXAMPLES / "product-team" / "stakeholders.yaml")
    with pytest.raises(UsageError, match="holds no project"):
        pipeline.project(tmp_path)


def test_one_is_the_only_file_of_its_kind_that_a_path_names(folder, write):
    from stakecli.core.errors import UsageError

    parsed, workspace = pipeline.one(folder, "raci")
    assert parsed.path.name == "raci.yaml"
    assert parsed in workspace.files
    with pytest.raises(UsageError, match=r"^no negotiation file \(kind: negotiation\) in "):
        pipeline.one(folder, "negotiation")
    write("more.yaml", RACI.replace("id: launch", "id: land"))
    with pytest.raises(UsageError, match=r"^2 raci files in .*; name one: "):
        pipeline.one(folder, "raci")


def test_shown_keeps_the_findings_of_its_files_apart_and_stops_on_the_others(folder, write):
    from stakecli.core.errors import FindingsStop

    write("broken.yaml", "kind: raci\nversion: 1\nrows: 3\n")  # a RACI file that does not parse
    found = pipeline.shown(folder, ["raci"])
    assert [p.path.name for p in found.files] == ["raci.yaml"]
    assert {Path(f.path).name for f in found.findings} == {"broken.yaml"}
    assert found.workspaces() == found.report.workspaces
    write("charter.yaml", "kind: charter\nversion: 1\n")  # an error outside the RACI files
    with pytest.raises(FindingsStop):
        pipeline.shown(folder, ["raci"])


def test_people_names_the_ids_of_every_register_under_a_folder(folder, tmp_path):
    assert pipeline.people(folder) == {"ann": "Ann", "ben": "Ben", "cy": "Cy"}
    assert pipeline.people(tmp_path / "nowhere") == {}
