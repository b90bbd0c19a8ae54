"""The command line: a thin shell over the library. Only this package writes to stdout/stderr.

Commands are registered by importing their modules. A run imports only the modules of the
command it invokes (`stakecli validate` never builds the negotiation commands); `--help`,
an unknown command and completion of a command name import them all.
"""

import gc
import importlib
import os
import sys
from typing import Any, NoReturn

from stakecli.kinds import commands as kind_commands

CORE_FIRST = {
    "init": ("init",),
    "validate": ("validate",),
    "rules": ("validate",),
    "schema": ("validate",),
}
CORE_LAST = {"render": ("render",), "new": ("new",)}


def command_table() -> dict[str, tuple[str, ...]]:
    """Root command -> the `stakecli.cli` modules that register it, in `--help` order.

    The core's first, then each kind's (from the registry), then the output commands; the
    modules of `validate` also register `rules` and `schema`.
    """
    return {**CORE_FIRST, **kind_commands(), **CORE_LAST}


_loaded: set[str] = set()


def load(modules: list[str] | None = None) -> None:
    """Import the given command modules (all of them without an argument)."""
    table = command_table()
    wanted = modules if modules is not None else [m for ms in table.values() for m in ms]
    for name in wanted:
        if name not in _loaded:
            importlib.import_module(f"stakecli.cli.{name}")
            _loaded.add(name)


ROOT_VALUE_OPTIONS = {"--color"}
"""Root options that take a value (the next word is not a command)."""


def invoked(words: list[str]) -> str | None:
    """The root command a command line invokes, or None (help, version, nothing)."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in ROOT_VALUE_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def modules_for(words: list[str], completing: bool) -> list[str] | None:
    """The modules a command line needs; None means all of them."""
    table = command_table()
    name = invoked(words)
    if name is None and "--version" in words:
        return []  # answered by the root callback before any command is looked at
    if name is None and not completing:
        return []  # help, or no command: listed from the completion table (see _Root)
    if name is None or name not in table:
        return None
    if completing and words and words[-1] == name:  # still typing the command's name
        return None
    return list(table[name])


def _words() -> tuple[list[str], bool]:
    """The words of the command line, and whether the shell asks for completions."""
    if any(key.endswith("_COMPLETE") and key.startswith("_STAKECLI") for key in os.environ):
        line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS", "")
        return line.split()[1:], True
    return sys.argv[1:], False


def main() -> None:
    """Entry point: run the app; an unexpected exception is a bug, reported in one line."""
    # A command is short-lived and builds no cycles worth collecting, while a large register
    # is ~400,000 live objects that every collection would walk again (a third of a run).
    gc.disable()
    _streams()
    # stakecli's models use no pydantic plugin; looking for them scans every installed
    # distribution's entry points on each start. A user who sets the variable keeps theirs.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    words, completing = _words()
    _answer_early(words, completing)
    from stakecli.cli._app import app

    _prepare(app, words, completing)
    try:
        app(prog_name="stakecli")
    except SystemExit:
        raise
    except BaseException as exc:  # every other way out ends in one line
        _failed(exc)


def _answer_early(words: list[str], completing: bool) -> None:
    """Exit with the answer when one needs no application: `--version`, most Tab presses."""
    if words == ["--version"] and not completing:  # what the root callback prints, sooner
        from stakecli import __version__

        sys.stdout.write(f"stakecli {__version__}\n")
        sys.exit(0)
    if completing:  # answered from the completion table when it can be
        from stakecli.cli import fastcomplete

        fastcomplete.run()


def _prepare(app: Any, words: list[str], completing: bool) -> None:
    """Register the commands this run needs; help without a command lists them from the table."""
    modules = modules_for(words, completing)
    if modules == [] and "--version" not in words:
        from stakecli.cli.fastcomplete import table

        if table() is None:
            modules = None  # no table to list the commands from: build them all
        else:
            app.info.cls.from_table = True
    load(modules)


def _failed(exc: BaseException) -> NoReturn:
    """The one line (and exit status) for a run that ended in an exception."""
    from stakecli.cli._app import State

    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("stakecli: interrupted\n")
        sys.exit(130)
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`stakecli rules | head`): nothing left to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    if isinstance(exc, OSError):
        what = f"cannot use {exc.filename}" if exc.filename else "cannot write the output"
        sys.stderr.write(f"stakecli: {what}: {exc.strerror or exc}\n")
        sys.exit(2)
    if isinstance(exc, MemoryError):
        os.write(2, _OUT_OF_MEMORY)  # no allocation: there may be no memory left for one
        os._exit(2)
    if State.debug or not isinstance(exc, Exception):
        raise exc
    if isinstance(exc, UnicodeEncodeError) and "surrogates not allowed" in str(exc):
        sys.stderr.write(
            "stakecli: error: an argument is not valid UTF-8 text (a file name or a value "
            "typed in another encoding); retype it\n"
        )
        sys.exit(2)
    sys.stderr.write(
        f"stakecli: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in stakecli; rerun with --debug for the traceback "
        "and report it.\n"
    )
    sys.exit(2)


_OUT_OF_MEMORY = (
    b"stakecli: error: out of memory; the input is too large for this machine "
    b"(split the file, or check it on a machine with more memory)\n"
)


def _streams() -> None:
    """A closed stdout or stderr (`2>&-`) swallows output instead of failing the run."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115, PTH123 - lives as long as the process


def __getattr__(name: str) -> Any:
    """`stakecli.cli.app`: the application with every command registered (tests, embedding)."""
    if name == "app":
        from stakecli.cli._app import app

        load()
        return app
    raise AttributeError(name)


__all__ = ["app", "main"]
