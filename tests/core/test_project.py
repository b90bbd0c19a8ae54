"""One run over several project folders keeps each project's references to itself."""

from __future__ import annotations

from pathlib import Path

from stakecli import pipeline

REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - id: {who}
    name: Someone
    side: internal
    power: 2
    legitimacy: 2
    urgency: 2
    interest: 2
"""

RACI = """\
kind: raci
version: 1
id: {name}-raci
rows:
  - id: {row}
    name: A decision
    assign: {{{who}: AR}}
"""


def codes(folder: Path) -> list[tuple[str, str]]:
    findings = pipeline.run([folder]).findings
    return [(Path(f.path).parent.name, f.code) for f in findings if f.severity != "info"]


def test_each_project_resolves_ids_against_its_own_register(write, tmp_path):
    write("a/stakeholders.yaml", REGISTER.format(who="ann"))
    write("a/raci.yaml", RACI.format(name="a", row="go", who="bob"))
    write("b/stakeholders.yaml", REGISTER.format(who="bob"))
    assert codes(tmp_path) == [("a", "refs.unknown-id")]


def test_the_same_id_in_two_projects_is_not_a_duplicate(write, tmp_path):
    write("a/stakeholders.yaml", REGISTER.format(who="ann"))
    write("b/stakeholders.yaml", REGISTER.format(who="ann"))
    assert codes(tmp_path) == []


def test_a_folder_holding_registers_is_its_own_project(write, tmp_path):
    # docs/projects.md: a project is the folder that holds the register and what lies below
    # it; a RACI file above that folder is not in the project and sees no register.
    write("p/people/internal.yaml", REGISTER.format(who="ann"))
    write("p/people/vendor.yaml", REGISTER.format(who="ann"))
    write("p/raci.yaml", RACI.format(name="p", row="go", who="ann"))
    assert codes(tmp_path) == [("people", "ids.duplicate"), ("p", "refs.no-register")]


def test_two_registers_of_one_folder_form_one_project(write, tmp_path):
    write("p/internal.yaml", REGISTER.format(who="ann"))
    write("p/vendor.yaml", REGISTER.format(who="ann"))
    write("p/raci.yaml", RACI.format(name="p", row="go", who="ann"))
    assert codes(tmp_path) == [("p", "ids.duplicate")]


def test_a_decision_finds_only_its_own_projects_raci_row(write, tmp_path):
    write("a/stakeholders.yaml", REGISTER.format(who="ann"))
    write("a/raci.yaml", RACI.format(name="a", row="go", who="ann"))
    write(
        "a/decisions/0001-go.yaml",
        "kind: decision\nversion: 1\nnumber: 1\ntitle: Go\nstatus: proposed\n"
        "date: 2026-11-20\ndeciders: [ann]\ncontext: Why.\nraci: elsewhere\n",
    )
    write("b/stakeholders.yaml", REGISTER.format(who="ann"))
    write("b/raci.yaml", RACI.format(name="b", row="elsewhere", who="ann"))
    assert ("decisions", "decision.raci-unknown") in codes(tmp_path)
