"""`stakecli new decision`: start the next numbered decision record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from stakecli.cli._app import app, reports_errors

new_app = typer.Typer(
    no_args_is_help=True, help="Create a new file from the command line (never overwrites)."
)
app.add_typer(new_app, name="new")


@new_app.command("decision")
@reports_errors
def new_decision(
    title: Annotated[str, typer.Argument(help="What is being decided.")],
    folder: Annotated[
        Path,
        typer.Option(
            "--dir",
            file_okay=False,
            help="Project folder; the record goes in its decisions/ (made if missing).",
        ),
    ] = Path(),
    supersedes: Annotated[
        int | None,
        typer.Option(
            help="Number of the decision this replaces. It stays in force until the new one is "
            "accepted (`stakecli decision status N accepted`), which marks it superseded."
        ),
    ] = None,
) -> None:
    """Create decisions/NNNN-slug.yaml with the next number and print its path.

    Example: stakecli new decision "Open the beta after fieldwork" --supersedes 2
    """
    import datetime as dt

    from stakecli.decisions import log as decision_log

    path = decision_log.create(folder, title, dt.date.today(), supersedes)
    sys.stdout.write(f"{path}\n")
