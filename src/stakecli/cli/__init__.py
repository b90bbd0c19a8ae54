"""The command line: a thin shell over the library. Only this package writes to stdout/stderr."""

from __future__ import annotations

import gc
import importlib
import sys

from stakecli.cli._app import State, app
from stakecli.kinds import command_modules

COMMAND_MODULES = ("init", "validate", *command_modules(), "render", "new")
"""Each registers its commands on import; `stakecli --help` lists them in this order, the order
in which users meet them: the core's first, then each kind's (from the registry), then output."""
for _name in COMMAND_MODULES:
    importlib.import_module(f"stakecli.cli.{_name}")


def main() -> None:
    """Entry point: run the app; an unexpected exception is a bug, reported in one line."""
    # A command is short-lived and builds no cycles worth collecting, while a large register
    # is ~400,000 live objects that every collection would walk again (a third of a run).
    gc.disable()
    try:
        app(prog_name="stakecli")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("stakecli: interrupted\n")
        sys.exit(130)
    except Exception as exc:
        if State.debug:
            raise
        sys.stderr.write(
            f"stakecli: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in stakecli; rerun with --debug for the traceback "
            "and report it.\n"
        )
        sys.exit(2)


__all__ = ["app", "main"]
