"""`stakecli init`: scaffold a folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from stakecli.cli._app import app, reports_errors


@app.command()
@reports_errors
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to create or fill.")] = Path(),
    example: Annotated[
        str | None,
        typer.Option(
            help="Start from a shipped example: conflicting-kpis, partnership, vendor-renewal."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
) -> None:
    """Create a stakecli folder from a blank start or one of the examples.

    Example: stakecli init vendor-renewal --example vendor-renewal
    """
    from stakecli.scaffold import init as scaffold

    for path in scaffold(folder, example, force=force):
        sys.stdout.write(f"created {path}\n")
    sys.stderr.write(f"next: stakecli validate {folder}\n")
