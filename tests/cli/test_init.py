from __future__ import annotations

from conftest import EXAMPLES


def test_blank_init_creates_a_register_that_validates(run, tmp_path):
    target = tmp_path / "initiative"
    result = run("init", target)
    assert result.exit_code == 0
    assert result.stdout == f"created {target / 'stakeholders.yaml'}\n"
    assert run("validate", "--strict", target).exit_code == 0


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
    assert copied == shipped


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
