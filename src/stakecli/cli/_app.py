"""The Typer application, global options, and the one place errors become exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer

from stakecli import __version__

app = typer.Typer(
    name="stakecli",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Stakeholder maps, negotiation plans and agreements as code: YAML in git, "
    "checked like source, rendered to Markdown.",
)


ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        help="Config file (default: the nearest .stakecli.yaml, stakecli.yaml or pyproject.toml "
        "[tool.stakecli] from PATH up to the git root).",
    ),
]
"""The `--config` option every command that reads a project shares."""


class Color(StrEnum):
    """When to colour terminal output."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class State:
    """Global options, set by the root callback."""

    color: Color = Color.AUTO
    debug: bool = False


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"stakecli {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    color: Annotated[
        Color,
        typer.Option(help="Colour: auto (a terminal, unless NO_COLOR is set), always, never."),
    ] = Color.AUTO,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Stakeholder maps, negotiation plans and agreements as code."""
    State.color = color
    State.debug = debug


P = ParamSpec("P")
R = TypeVar("R")


def reports_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a StakeError into `error: ...` on stderr and exit code 2.

    Findings that stop a command (`FindingsStop`) are printed as `validate` prints them, exit 1.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from stakecli.core.errors import FindingsStop, StakeError

        try:
            return func(*args, **kwargs)
        except FindingsStop as exc:
            stopped(exc)
        except StakeError as exc:
            fail(str(exc))

    return wrapper


def stopped(exc: Any) -> NoReturn:
    """The findings that stop a command, on stderr as `validate` prints them; exit 1."""
    print_findings(exc.findings, stderr=True)
    sys.stderr.write(f"stakecli: {exc}\n")
    raise typer.Exit(1)


def print_findings(findings: Any, *, stderr: bool = False) -> None:
    """Finding lines as `validate` prints them: coloured on a terminal, plain text otherwise."""
    from stakecli.core.reporting import finding_line, styled_line

    if colour(stderr=stderr):
        out = console(stderr=stderr)
        for finding in findings:
            out.print(styled_line(finding))
        return
    stream = sys.stderr if stderr else sys.stdout
    stream.write("".join(finding_line(f) + "\n" for f in findings))


def colour(*, stderr: bool = False) -> bool:
    """Whether output is coloured: --color, then NO_COLOR, FORCE_COLOR, a terminal (not dumb).

    Plain output needs no rich at all, which keeps a pre-commit or CI run fast.
    """
    if State.color is not Color.AUTO:
        return State.color is Color.ALWAYS
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = sys.stderr if stderr else sys.stdout
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def fail(message: str) -> NoReturn:
    """Print `error: message` to stderr and exit 2 (the tool could not do its job)."""
    sys.stderr.write(f"stakecli: error: {message}\n")
    raise typer.Exit(2)


def console(*, stderr: bool = False) -> Any:
    """A rich Console honouring --color, NO_COLOR and whether the stream is a terminal."""
    from rich.console import Console

    if State.color is Color.ALWAYS:
        return Console(stderr=stderr, force_terminal=True, highlight=False, soft_wrap=True)
    if State.color is Color.NEVER:
        return Console(
            stderr=stderr, no_color=True, highlight=False, soft_wrap=True, force_terminal=False
        )
    return Console(stderr=stderr, highlight=False, soft_wrap=True)
