"""`stakecli new KIND`: a commented starter of every kind, valid where it is written."""

from __future__ import annotations

import re

import pytest

from stakecli.kinds import NAMES
from stakecli.scaffold import NEEDS

STARTERS = [k for k in NAMES if k != "decision"]


@pytest.mark.parametrize("kind", STARTERS)
def test_new_writes_a_commented_starter_that_validates_in_an_init_folder(run, tmp_path, kind):
    folder = tmp_path / "p"
    assert run("init", folder).exit_code == 0
    (folder / "stakeholders.yaml").unlink() if kind == "stakeholders" else None
    for need in NEEDS.get(kind, ()):  # a charter names RACI rows, a review a comms ceremony
        assert run("new", need, folder).exit_code == 0
    result = run("new", kind, folder)
    assert result.exit_code == 0, result.stderr
    written = folder / f"{kind}.yaml"
    assert result.stdout == f"{written}\n"
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("# ")  # a comment says what the file is for
    (schema,) = re.findall(r"^# yaml-language-server: \$schema=(\S+)$", text, re.M)
    assert schema == f".stakecli/schemas/{kind}.schema.json"
    assert (folder / schema).is_file()
    check = run("validate", "--strict", folder)
    assert (check.exit_code, check.stdout) == (0, "")


def test_new_never_overwrites(run, tmp_path):
    target = tmp_path / "raci.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = run("new", "raci", target)
    assert result.exit_code == 2
    assert result.stderr == f"stakecli: error: {target} already exists; nothing was written\n"
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_file_in_a_subfolder_points_at_the_project_schemas(run, tmp_path):
    run("init", tmp_path / "p")
    result = run("new", "raci", tmp_path / "p" / "teams" / "launch.yaml")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "p" / "teams" / "launch.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../.stakecli/schemas/raci.schema.json")
    assert (tmp_path / "p" / ".stakecli/schemas/raci.schema.json").is_file()


def test_new_decision_gets_a_working_modeline(run, tmp_path):
    run("init", tmp_path)
    assert run("new", "decision", "Pick a vendor", "--dir", tmp_path).exit_code == 0
    (record,) = (tmp_path / "decisions").glob("0001-*.yaml")
    first = record.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../.stakecli/schemas/decision.schema.json"
    assert (tmp_path / ".stakecli/schemas/decision.schema.json").is_file()


def test_every_kind_has_a_starter_template():
    from stakecli.scaffold import starter

    assert [k for k in NAMES if not starter(k).is_file()] == []


def test_a_decision_uses_the_schemas_beside_the_register(run, tmp_path):
    """No `.stakecli/` yet: the project folder is the one holding the register."""
    (tmp_path / "stakeholders.yaml").write_text(
        "kind: stakeholders\nversion: 1\nstakeholders: []\n", encoding="utf-8"
    )
    assert run("new", "decision", "Pick a vendor", "--dir", tmp_path).exit_code == 0
    (record,) = (tmp_path / "decisions").glob("0001-*.yaml")
    first = record.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../.stakecli/schemas/decision.schema.json"
    assert (tmp_path / ".stakecli/schemas/decision.schema.json").is_file()
    assert not (tmp_path / "decisions/.stakecli").exists()
