"""`stakecli raci`: matrix, load across files, findings; table, json and markdown."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT

PARTNERSHIP = ROOT / "examples" / "partnership"
REGISTER = ROOT / "examples" / "partnership" / "stakeholders.yaml"


@pytest.fixture
def folder(tmp_path):
    shutil.copy(PARTNERSHIP / "raci.yaml", tmp_path / "raci.yaml")
    shutil.copy(PARTNERSHIP / "charter.yaml", tmp_path / "charter.yaml")
    shutil.copy(REGISTER, tmp_path / "stakeholders.yaml")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "launch.yaml").write_text(
        "kind: raci\nversion: 1\ntitle: Launch day\nrows:\n"
        "  - {id: comms, name: Announce, assign: {mkt-lead: AR, eng-lead: I}}\n"
    )
    return tmp_path


def test_table_shows_matrix_load_and_no_findings(run, folder):
    result = run("--color", "never", "raci", str(folder))
    assert result.exit_code == 0
    assert "Onboarding rollout, key decisions (RACI," in result.stdout
    assert "Load per person across 2 RACI files" in result.stdout
    tom = next(line for line in result.stdout.splitlines() if line.startswith("Tomás Ferreira"))
    # mkt-lead across both files: R 2+1, A 1+1, C 2, I 2.
    assert tom.split()[-5:] == ["3", "2", "2", "2", "9"]
    assert result.stdout.rstrip().endswith("no findings")


def test_json_has_matrices_load_and_findings(run, folder):
    result = run("raci", str(folder), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [m["title"] for m in data["matrices"]] == [
        "Launch day",
        "Onboarding rollout, key decisions",
    ]
    first = data["matrices"][1]["rows"][0]
    assert first == {
        "id": "go-no-go",
        "name": "Go/no-go for general availability",
        "cells": ["A", "R", "C", "C", "C", "", "I", "I"],
        "implied_responsible": [],
    }
    load = {p["id"]: p["counts"] for p in data["load"]["people"]}
    assert load["mkt-lead"] == {"responsible": 3, "accountable": 2, "consulted": 2, "informed": 2}
    assert data["load"]["people"][0]["id"] == "mkt-lead"
    assert data["findings"] == []


def test_findings_make_it_exit_1(run, folder):
    text = (folder / "raci.yaml").read_text().replace("{exec-sponsor: A,", "{exec-sponsor: C,")
    (folder / "raci.yaml").write_text(text)
    (folder / "charter.yaml").unlink()  # its decision rights would disagree: an error elsewhere
    result = run("raci", str(folder), "-f", "json")
    assert result.exit_code == 1
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("raci.column-idle", 10), ("raci.one-accountable", 15)]


def test_markdown_chart(run, folder, golden):
    result = run("raci", str(folder / "raci.yaml"), "-f", "markdown")
    assert result.exit_code == 0
    golden("partnership-raci-chart.md", result.stdout)


def test_no_raci_file_is_a_usage_error(run, tmp_path):
    (tmp_path / "stakeholders.yaml").write_text(REGISTER.read_text())
    result = run("raci", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"stakecli: error: no RACI file (kind: raci) under {tmp_path}\n"


def test_a_raci_file_that_cannot_be_parsed_shows_its_findings(run, folder):
    (folder / "raci.yaml").write_text("kind: raci\nversion: 1\nrows:\n  - {id: x, name: X}\n")
    (folder / "more" / "launch.yaml").unlink()
    (folder / "charter.yaml").unlink()
    result = run("--color", "never", "raci", str(folder / "raci.yaml"))
    assert result.exit_code == 1
    assert f"{folder / 'raci.yaml'}:4:5: error [schema.missing] rows[0].assign: required" in (
        result.stdout
    )


def test_errors_in_the_projects_other_files_stop_it_as_validate_shows_them(run, folder):
    text = (folder / "raci.yaml").read_text().replace("{exec-sponsor: A,", "{exec-sponsor: C,")
    (folder / "raci.yaml").write_text(text)
    result = run("--color", "never", "raci", str(folder))
    assert result.exit_code == 1
    assert result.stdout == ""
    validate = run("--color", "never", "validate", str(folder))
    charter = [line for line in validate.stdout.splitlines() if "charter.yaml" in line]
    assert charter
    assert all(line in result.stderr for line in charter)
    assert "nothing analysed" in result.stderr
