"""A run imports only what the command it invokes needs (start-up is paid on every run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stakecli.cli import command_table, invoked, modules_for

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
sys.argv = ["stakecli", *sys.argv[1:]]
from stakecli.cli import main
try:
    main()
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.startswith(("stakecli.", "rich", "pydantic", "jinja2")))
sys.stderr.write("\\nLOADED " + json.dumps(loaded) + "\\n")
"""


def loaded(*args: str, env: dict[str, str] | None = None) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    line = proc.stderr.rsplit("LOADED ", 1)[1]
    return set(json.loads(line))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["validate", "x"], "validate"),
        (["--color", "never", "raci", "."], "raci"),
        (["--debug", "negotiation", "packages"], "negotiation"),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_invoked_command_is_the_first_word_that_is_not_a_root_option(words, expected):
    assert invoked(words) == expected


def test_unknown_commands_load_everything_and_help_nothing():
    assert modules_for(["nonsense"], completing=False) is None
    assert modules_for(["--help"], completing=False) == []  # listed from the command table
    assert modules_for(["val"], completing=True) is None  # completing a command's name
    assert modules_for(["raci", "."], completing=False) == ["agreements"]


def test_every_command_of_the_table_is_registered_by_its_modules():
    from typer.main import get_command

    from stakecli.cli import app

    group = get_command(app)
    assert sorted(group.commands) == sorted(command_table())


def test_validate_loads_neither_other_commands_nor_rich_when_output_is_plain():
    found = loaded("validate", "-q", "examples/partnership")
    commands = {m for m in found if m.startswith("stakecli.cli.")}
    # cli.completion holds the completion callbacks of the options, cli.progress decides that
    # a pipe shows no bar: both small and without rich
    assert commands == {
        "stakecli.cli._app",
        "stakecli.cli.validate",
        "stakecli.cli.completion",
        "stakecli.cli.progress",
    }
    assert not any(m.startswith("rich") for m in found)
    assert not any(m.startswith("jinja2") for m in found)  # validate renders nothing
    assert "stakecli.negotiation.frontier" not in found  # no negotiation file in partnership


def test_command_modules_keep_real_annotations():
    """Typer reads every parameter's annotation when it builds a command: with postponed
    annotations (`from __future__ import annotations`) that is an `eval` of each string on
    every run (a sixth of the CPU time of `--help` when measured)."""
    postponed = [
        p.name
        for p in sorted((ROOT / "src" / "stakecli" / "cli").glob("*.py"))
        if "from __future__ import annotations" in p.read_text(encoding="utf-8")
    ]
    assert postponed == []


def test_help_loads_no_model_and_no_command():
    found = loaded("--help")
    assert not any(m.startswith("pydantic") for m in found)
    assert not any(m.endswith(".model") for m in found)
    assert {m for m in found if m.startswith("stakecli.cli.")} <= {
        "stakecli.cli._app",
        "stakecli.cli.fastcomplete",
    }


@pytest.mark.parametrize("columns", ["60", "80", "120"])
@pytest.mark.parametrize("args", [["--help"], ["-h"], [], ["--color", "always", "--help"]])
def test_help_from_the_command_table_is_the_help_typer_builds(args, columns):
    """`stakecli --help` lists the commands from the table without building them: the same
    text, at any width, with and without colour, as when every command is built."""

    def run(**extra: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "COLUMNS": columns, "TERM": "xterm-256color", **extra}
        return subprocess.run(
            [sys.executable, "-m", "stakecli", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=False,
        )

    fast, built = run(), run(STAKECLI_COMMAND_TABLE="0")
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        built.returncode,
        built.stdout,
        built.stderr,
    )
    assert "validate" in fast.stdout + fast.stderr
    assert "stakeholders" in fast.stdout + fast.stderr


def test_a_closed_stderr_keeps_the_exit_code_and_a_full_disk_is_one_clear_line():
    def status(*redirect: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                "bash",
                "-c",
                f"{sys.executable} -m stakecli validate examples/partnership " + " ".join(redirect),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )

    assert status("2>&-").returncode == 0
    full = status("> /dev/full")
    assert full.returncode == 2
    assert full.stderr.endswith("stakecli: cannot write the output: No space left on device\n")


def test_each_command_run_alone_has_every_subcommand_the_whole_app_has():
    # A subcommand registered by another kind's module (`stakeholders history`) must be
    # there when only the invoked command's modules are loaded, as in a real run.
    from typer.main import get_command

    from stakecli.cli import app

    group = get_command(app)
    for name, command in group.commands.items():
        subcommands = sorted(getattr(command, "commands", {}))
        if not subcommands:
            continue
        proc = subprocess.run(
            [sys.executable, "-m", "stakecli", name, "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        listed = proc.stdout.split("Commands:", 1)[1]
        shown = sorted(line.split()[0] for line in listed.splitlines() if line.strip())
        assert shown == sorted(s for s in subcommands if not command.commands[s].hidden), name
