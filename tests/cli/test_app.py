"""The command-line contract of the app itself: help, version, colour, internal errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLES
from stakecli import __version__
from stakecli.cli import app

BAD = """\
kind: stakeholders
version: 1
stakeholders:
  - id: cfo
    name: Dana
    side: internal
    power: 9
    legitimacy: 5
    urgency: 4
    interest: 4
"""


def test_colour_can_be_forced_and_is_off_when_not_a_terminal(run, write):
    path = write("bad.yaml", BAD)
    assert "\x1b[" in run("--color", "always", "validate", path).stdout
    assert "\x1b[" not in run("validate", path).stdout


def commands() -> list[tuple[str, ...]]:
    """Every command path, groups' subcommands included (`stakeholders diff`...)."""
    import typer

    found: list[tuple[str, ...]] = []

    def walk(cmd: typer.core.TyperCommand, path: tuple[str, ...]) -> None:
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(typer.main.get_command(app), ())
    return sorted(found)


@pytest.mark.parametrize("command", commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    # `stakecli stakeholders show PATH` is shown as its shorter form `stakecli stakeholders PATH`
    assert f"Example: stakecli {command[0]}" in " ".join(result.stdout.split())


def test_python_dash_m_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "stakecli", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("stakecli ")


def test_internal_errors_are_one_line_and_exit_2(monkeypatch, capsys):
    from stakecli import cli, pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(pipeline, "run", boom)
    monkeypatch.setattr(sys, "argv", ["stakecli", "validate", str(EXAMPLES / "vendor-renewal")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: kaboom" in err
    assert "Traceback" not in err


def test_version_prints_the_package_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"stakecli {__version__}\n"
