from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES


def test_blank_init_creates_a_register_that_validates(run, tmp_path):
    target = tmp_path / "initiative"
    result = run("init", target)
    assert result.exit_code == 0
    assert result.stdout == (
        f"created {target / 'stakeholders.yaml'}\n"
        f"created {target / '.stakecli/schemas/stakeholders.schema.json'}\n"
    )
    assert run("validate", "--strict", target).exit_code == 0


def test_init_with_writes_the_chosen_starters_and_they_validate_cleanly(run, tmp_path):
    target = tmp_path / "p"
    result = run("init", target, "--with", "comms,charter", "--with", "scorecard")
    assert result.exit_code == 0, result.stderr
    written = {p.relative_to(target).as_posix() for p in target.rglob("*.yaml")}
    # a charter's decision rights name RACI rows, so its RACI starter comes along
    assert written == {
        "stakeholders.yaml",
        "raci.yaml",
        "charter.yaml",
        "scorecard.yaml",
        "comms.yaml",
    }
    check = run("validate", "--strict", target)
    assert (check.exit_code, check.stdout) == (0, "")


def test_init_with_all_writes_a_starter_of_every_kind(run, tmp_path):
    from stakecli.kinds import NAMES

    assert run("init", tmp_path / "p", "--with", "all").exit_code == 0
    check = run("validate", "--strict", tmp_path / "p")
    assert (check.exit_code, check.stdout) == (0, "")
    assert check.stderr == f"{len(NAMES)} files checked, no findings\n"


def test_init_with_an_unknown_kind_is_a_usage_error(run, tmp_path):
    result = run("init", tmp_path, "--with", "racy")
    assert result.exit_code == 2
    assert "unknown kind 'racy' for --with; choose from stakeholders, " in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_modelines_point_at_the_schemas_copied_into_the_new_folder(run, tmp_path):
    import re

    run("init", tmp_path / "v", "--example", "conflicting-kpis")
    for path in (tmp_path / "v").rglob("*.yaml"):
        (target,) = re.findall(r"^# yaml-language-server: \$schema=(\S+)$", path.read_text(), re.M)
        assert (path.parent / target).resolve().is_file(), (path, target)
        assert ".stakecli/schemas/" in target


def test_init_from_an_example_copies_every_file(run, tmp_path):
    result = run("init", tmp_path / "v", "--example", "vendor-renewal")
    assert result.exit_code == 0
    copied = sorted(
        p.relative_to(tmp_path / "v") for p in (tmp_path / "v").rglob("*") if p.is_file()
    )
    shipped = sorted(
        p.relative_to(EXAMPLES / "vendor-renewal")
        for p in (EXAMPLES / "vendor-renewal").rglob("*")
        if p.is_file()
    )
    schemas = {Path(".stakecli/schemas") / f"{k}.schema.json" for k in ("negotiation", "raci")}
    schemas.add(Path(".stakecli/schemas/stakeholders.schema.json"))
    assert copied == sorted([*shipped, *schemas])


def test_init_never_overwrites_without_force(run, tmp_path):
    register = tmp_path / "stakeholders.yaml"
    register.write_text("kind: stakeholders  # mine\n")
    result = run("init", tmp_path)
    assert result.exit_code == 2
    assert "already exists; nothing was written (use --force to overwrite)" in result.stderr
    assert register.read_text() == "kind: stakeholders  # mine\n"
    assert run("init", tmp_path, "--force").exit_code == 0
    assert "kind: stakeholders\n" in register.read_text()


def test_unknown_example_is_a_usage_error(run, tmp_path):
    result = run("init", tmp_path, "--example", "vendor")
    assert result.exit_code == 2
    assert (
        "unknown example 'vendor'; choose one of: conflicting-kpis, partnership, product-team, "
        "vendor-renewal" in (result.stderr)
    )
