"""`stakecli new KIND`: a commented starter file of any kind; `new decision` numbers records."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import app, reports_errors
from stakecli.kinds import NAMES

new_app = typer.Typer(
    no_args_is_help=True,
    help="Create a new file: a commented starter of any kind (never overwrites).",
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
    from stakecli.scaffold import add_modeline

    path = decision_log.create(folder, title, dt.date.today(), supersedes)
    schemas = add_modeline(path, "decision")
    sys.stdout.write(f"{path}\n")
    for schema in schemas:
        sys.stderr.write(f"created {schema}\n")


def _starter_command(kind: str) -> Any:
    # The default is given the older way: an `Annotated` naming `kind` could not be resolved
    # from the module's globals under postponed annotations.
    def command(
        path: Path = typer.Argument(  # noqa: B008 - Typer reads the default's metadata
            Path(f"{kind}.yaml"),
            help=f"File to write, or a folder for {kind}.yaml in it.",
        ),
    ) -> None:
        from stakecli.scaffold import new

        target, *schemas = new(kind, path)
        sys.stdout.write(f"{target}\n")
        for schema in schemas:
            sys.stderr.write(f"created {schema}\n")

    command.__doc__ = (
        f"Write a commented starter {kind} file with a working schema modeline.\n\n"
        f"It names the people of the starter register of `stakecli init`; change them to "
        f"your register's ids. Example: stakecli new {kind} my-project/"
    )
    return reports_errors(command)


for _kind in NAMES:
    if _kind != "decision":  # numbered records have their own command above
        new_app.command(_kind)(_starter_command(_kind))
