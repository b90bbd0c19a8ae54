"""The Typer application, global options, and the one place errors become exit codes."""

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ClassVar, NoReturn, ParamSpec, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from stakecli import __version__

GLOBAL_VALUE_OPTIONS = ("--color",)
GLOBAL_FLAGS = ("--debug",)


def hoist_globals(args: list[str]) -> list[str]:
    """Global options moved before the command: `validate --color never x` works as well.

    Only words after the command move, up to a `--`; a value of another option is never taken
    for one (`--color` takes one value, `--debug` none).
    """
    front: list[str] = []
    rest: list[str] = []
    seen_command = False
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            rest.extend(args[i:])
            break
        if seen_command and word in GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 2
            continue
        if seen_command and (word.split("=", 1)[0] in GLOBAL_VALUE_OPTIONS or word in GLOBAL_FLAGS):
            front.append(word)
        else:
            if not word.startswith("-"):
                seen_command = True
            elif word in GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
                rest.extend(args[i : i + 2])
                i += 2
                continue
            rest.append(word)
        i += 1
    return front + rest


class _Root(TyperGroup):
    """The root command: global options are accepted after the subcommand too.

    A run that names no command (`stakecli --help`) imports no command module: with
    `from_table` set, the commands it lists are read from the completion table
    (`stakecli.cli.completion_index`), which holds each command's help as Typer has it.
    """

    from_table: ClassVar[bool] = False

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_globals(args))

    def list_commands(self, ctx: Any) -> list[str]:
        listed = _listed() if self.from_table and not self.commands else None
        return list(listed) if listed is not None else super().list_commands(ctx)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        listed = _listed() if self.from_table and not self.commands else None
        if listed is None:
            return super().get_command(ctx, cmd_name)
        node = listed.get(cmd_name)
        if node is None:
            return None
        return TyperCommand(
            cmd_name,
            help=node["help_text"],
            short_help=node["short_help"],
            hidden=node["hidden"],
            deprecated=node["deprecated"],
            rich_help_panel=node["panel"],
        )


def _listed() -> dict[str, Any] | None:
    """The root's commands as the completion table holds them (None if it cannot be read)."""
    from stakecli.cli.fastcomplete import table

    root = table()
    return None if root is None else dict(root["commands"])


class DefaultCommandGroup(TyperGroup):
    """A group whose first word may be a path: `stakecli negotiation PATH` runs `summary`.

    Subclasses name the subcommand in `default`; completion offers the subcommands and paths
    (what the default subcommand takes). `stakecli.cli.fastcomplete` reads both from the
    completion table.
    """

    default: ClassVar[str]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.resilient_parsing and not args:  # completing: offer the subcommands
            return super().parse_args(ctx, args)
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = [self.default, *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """The subcommands, and paths (the default subcommand takes one)."""
        from typer._click.shell_completion import CompletionItem

        from stakecli.cli.completion import complete_paths

        paths = [CompletionItem(p) for p in complete_paths(incomplete)]
        return [*super().shell_complete(ctx, incomplete), *paths]


TYPE_WORDS = {"str": "text", "int": "number", "float": "number", "Path": "path", "bool": "flag"}
"""Python type names that help text shows as words."""


def _in_words(label: str) -> str:
    """`<list[Path]>` -> `<path>`, `<str>` -> `<text>`: help shows words, not Python types."""
    inner = label.strip("<>")
    if inner.startswith("list[") and inner.endswith("]"):
        inner = inner[5:-1]
    inner = "|".join(TYPE_WORDS.get(part, part) for part in inner.split("|"))
    return f"<{inner}>"


def _worded(method: Any) -> Any:
    def display_type(self: Any, ctx: Any) -> str:
        return _in_words(method(self, ctx))

    return display_type


# Typer 0.29 labels help with the Python annotation; users read words.
TyperArgument.display_type = _worded(TyperArgument.display_type)  # type: ignore[method-assign]
TyperOption.display_type = _worded(TyperOption.display_type)  # type: ignore[method-assign]

app = typer.Typer(
    name="stakecli",
    cls=_Root,
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
    from stakecli.cli.progress import enable

    enable(sys.argv[1:])


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


def existing(value: Any) -> Any:
    """Callback of path arguments: a path that does not exist is one clear error line, exit 2.

    Every command says it the same way: `stakecli: error: PATH does not exist`.
    """
    for path in value if isinstance(value, list) else [value]:
        if path is not None and not Path(path).exists() and not Path(path).is_symlink():
            fail(f"{path} does not exist")
    return value


def require_files(paths: list[Path] | None, found: list[Path]) -> None:
    """A folder named on the command line that holds no stakecli file is an error (exit 2).

    A mistyped path must not pass CI silently; the current folder by default may be empty.
    """
    have = [f.resolve() for f in found]
    for path in paths or ():
        root = path.resolve()
        if path.is_dir() and not any(root == f or root in f.parents for f in have):
            fail(
                f"{path}: no stakecli file in this folder (a YAML file with a `kind:` "
                "stakecli reads); check the path"
            )


def fail(message: str) -> NoReturn:
    """Print `error: message` to stderr and exit 2 (the tool could not do its job)."""
    sys.stderr.write(f"stakecli: error: {message}\n")
    raise typer.Exit(2)


def screen() -> Any:
    """Where a command's tables go: `tables.Plain` where rich would write no style, else rich.

    Rich writes plain text when stdout is not a terminal to it (a pipe or a file, as rich
    decides: TTY_COMPATIBLE, FORCE_COLOR, then isatty) or with `--color never`, on a UTF-8
    stream (else it draws ASCII rules); `Plain` writes the same text at the width rich would
    use (COLUMNS, else the first of stdin, stdout and stderr that is a terminal, else 80).
    """
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
    if State.color is Color.ALWAYS or not encoding.startswith("utf"):
        return console()
    if State.color is Color.AUTO and _rich_terminal():
        return console()
    from stakecli.cli.tables import Plain

    return Plain(sys.stdout, _rich_width())


def _rich_terminal() -> bool:
    """Whether rich's Console would treat stdout as a terminal (and style its output)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return sys.stdout.isatty()
    except ValueError:  # closed
        return False


def _rich_width() -> int:
    """The width rich's Console gives a stream that is not a terminal."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


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
