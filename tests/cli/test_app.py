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


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--color", "always"),
        ("validate", "--color=always"),
        ("--color", "always", "validate"),
    ],
)
def test_color_is_accepted_before_and_after_the_command(run, write, args):
    path = write("bad.yaml", BAD)
    result = run(*args, path)
    assert result.exit_code == 1
    assert "\x1b[" in result.stdout


def test_global_options_are_moved_only_from_after_the_command():
    from stakecli.cli._app import hoist_globals

    assert hoist_globals(["raci", "x", "--color", "never"]) == ["--color", "never", "raci", "x"]
    assert hoist_globals(["--debug", "validate", "--debug"]) == ["--debug", "--debug", "validate"]
    assert hoist_globals(["render", "--", "--color"]) == ["render", "--", "--color"]


def test_force_is_spelled_the_same_on_every_command(run):
    for command in commands():
        out = " ".join(run(*command, "--help").stdout.split())
        if "--force" in out:
            assert "--no-force" not in out, command
            assert "--force Overwrite files" in out, command


@pytest.mark.parametrize("command", commands(), ids=" ".join)
def test_help_shows_words_not_python_types(run, command):
    out = run(*command, "--help").stdout
    for python in ("<list[", "<str>", "<int>", "<Path>", "<float>"):
        assert python not in out


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "nope"),
        ("render", "nope"),
        ("raci", "nope"),
        ("negotiation", "nope"),
        ("frontier", "nope"),
        ("scorecard", "nope"),
        ("stakeholders", "nope"),
        ("stakeholders", "import", "nope"),
    ],
)
def test_a_missing_path_is_reported_the_same_way_everywhere(run, tmp_path, args):
    missing = tmp_path / "nope"
    result = run(*args[:-1], missing)
    assert result.exit_code == 2
    assert result.stderr == f"stakecli: error: {missing} does not exist\n"


def test_an_error_line_says_error_once(run, write):
    write(".stakecli.yaml", "charter: {profile: custom}\n")
    path = write("s.yaml", BAD.replace("power: 9", "power: 2"))
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.stderr.replace(str(path.parent), "").count("error") == 1, result.stderr
