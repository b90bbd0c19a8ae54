"""The command line: a thin shell over the library. Only this package writes to stdout/stderr."""

from __future__ import annotations

import gc
import sys

from stakecli.cli import agreements as _agreements  # noqa: F401  (registers commands)
from stakecli.cli import init as _init  # noqa: F401  (registers commands)
from stakecli.cli import negotiation as _negotiation  # noqa: F401
from stakecli.cli import new as _new  # noqa: F401
from stakecli.cli import render as _render  # noqa: F401
from stakecli.cli import stakeholders as _stakeholders  # noqa: F401
from stakecli.cli import validate as _validate  # noqa: F401
from stakecli.cli._app import State, app


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
