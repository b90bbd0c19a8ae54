"""One project model (docs/projects.md): which files form a project, and every command agrees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from stakecli.core import projects
from stakecli.core.loading import declares_kind

ROOT = Path(__file__).resolve().parents[2]
PARTNERSHIP = ROOT / "examples" / "partnership"

REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: ann, name: Ann, side: internal, power: 2, legitimacy: 2, urgency: 2, interest: 2}
"""
RACI = """\
kind: raci
version: 1
rows:
  - {id: go, name: Go, assign: {bob: AR}}
"""
DECISION = """\
kind: decision
version: 1
number: 1
title: Go
status: proposed
date: 2026-11-20
deciders: [bob]
context: Why.
"""


def validate_json(run, *paths):
    result = run("validate", *paths, "--format", "json")
    found = [f for f in json.loads(result.stdout)["findings"] if f["severity"] != "info"]
    return result.exit_code, sorted((Path(f["path"]).name, f["code"]) for f in found)


def test_a_folder_without_a_register_never_borrows_its_siblings(run, write, tmp_path):
    write("p1/stakeholders.yaml", REGISTER)
    write("p2/raci.yaml", RACI)
    alone = validate_json(run, tmp_path / "p2")
    together = validate_json(run, tmp_path / "p1", tmp_path / "p2")
    assert alone == together == (0, [("raci.yaml", "refs.no-register")])


def test_decisions_without_a_register_say_so_alone_and_together(run, write, tmp_path):
    write("p1/stakeholders.yaml", REGISTER)
    write("p2/decisions/0001-go.yaml", DECISION)
    alone = validate_json(run, tmp_path / "p2")
    together = validate_json(run, tmp_path / "p1", tmp_path / "p2")
    assert alone == together == (0, [("0001-go.yaml", "refs.no-register")])


def test_every_command_stops_on_what_validate_calls_an_error(run, tmp_path):
    folder = tmp_path / "p"
    shutil.copytree(PARTNERSHIP, folder)
    register = folder / "stakeholders.yaml"
    text = register.read_text(encoding="utf-8")
    head, first = text.split("stakeholders:\n", 1)
    entry = first.split("\n  - ", 1)[0]
    register.write_text(head + "stakeholders:\n" + entry + "\n" + first, encoding="utf-8")
    validate = run("--color", "never", "validate", folder)
    assert validate.exit_code == 1
    lines = validate.stdout.splitlines()
    assert any("[stakeholders.duplicate-id]" in line for line in lines)
    for command in (
        ["stakeholders", register],
        ["raci", folder],
        ["render", folder, "-o", tmp_path / "out"],
    ):
        result = run("--color", "never", *command)
        assert result.exit_code == 1, command
        assert result.stdout == "", command
        assert all(line in result.stderr for line in lines), command
    assert not (tmp_path / "out").exists()


def test_a_row_reference_resolves_the_same_in_a_charter_and_a_decision(run, tmp_path):
    folder = tmp_path / "p"
    shutil.copytree(PARTNERSHIP, folder)
    charter = (folder / "charter.yaml").read_text(encoding="utf-8")
    assert "raci: raci.yaml#go-no-go" in charter
    decision = folder / "decisions" / "0001-go.yaml"
    decision.parent.mkdir()
    text = DECISION.replace("[bob]", "[exec-sponsor]") + "raci: raci.yaml#go-no-go\n"
    decision.write_text(text, encoding="utf-8")
    assert validate_json(run, folder) == (0, [])
    decision.write_text(text.replace("[exec-sponsor]", "[eng-lead]"), encoding="utf-8")
    assert validate_json(run, folder) == (1, [("0001-go.yaml", "decision.raci-mismatch")])


def test_each_folder_is_served_by_its_own_config(run, write, tmp_path):
    bad = REGISTER.replace("power: 2", "power: 9")
    write("a/stakeholders.yaml", bad)
    write("a/.stakecli.yaml", "rules: {schema.out-of-range: off}\n")
    write("b/stakeholders.yaml", bad)
    assert validate_json(run, tmp_path / "a") == (0, [])
    assert validate_json(run, tmp_path / "a", tmp_path / "b") == (
        1,
        [("stakeholders.yaml", "schema.out-of-range")],
    )
    assert validate_json(run, tmp_path / "b", tmp_path / "a")[1] == [
        ("stakeholders.yaml", "schema.out-of-range")
    ]


def test_a_project_is_the_register_folder_down_to_the_next_one(write, tmp_path):
    write("top/stakeholders.yaml", REGISTER)
    write("top/raci.yaml", RACI)
    write("top/decisions/0001-go.yaml", DECISION)
    write("top/sub/stakeholders.yaml", REGISTER)
    write("top/sub/raci.yaml", RACI)
    write("loose/raci.yaml", RACI)
    found = projects.group([tmp_path], "stakeholders", declares_kind)
    shape = {
        (p.root.name, p.anchored): sorted(str(f.relative_to(tmp_path)) for f in p.files)
        for p in found
    }
    assert shape == {
        ("top", True): ["top/decisions/0001-go.yaml", "top/raci.yaml", "top/stakeholders.yaml"],
        ("sub", True): ["top/sub/raci.yaml", "top/sub/stakeholders.yaml"],
        (tmp_path.name, False): ["loose/raci.yaml"],
    }


def test_a_named_file_brings_its_project_as_context(write, tmp_path):
    write("top/stakeholders.yaml", REGISTER)
    decision = write("top/decisions/0001-go.yaml", DECISION)
    (found,) = projects.group([decision], "stakeholders", declares_kind)
    assert found.root.resolve() == (tmp_path / "top").resolve()
    assert found.named == {decision}
    assert {f.name for f in found.files} == {"0001-go.yaml", "stakeholders.yaml"}
