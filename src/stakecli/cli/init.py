"""`stakecli init`: scaffold a folder."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from stakecli.cli._app import app, reports_errors
from stakecli.cli.completion import complete_examples, complete_kind_list


@app.command()
@reports_errors
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to create or fill.")] = Path(),
    with_kinds: Annotated[
        list[str] | None,
        typer.Option(
            "--with",
            metavar="KINDS",
            autocompletion=complete_kind_list,
            help="Starter files of these kinds besides the register, comma-separated (a kind "
            "of `stakecli schema`), or all.",
        ),
    ] = None,
    example: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            autocompletion=complete_examples,
            help="Start from a shipped example: conflicting-kpis, partnership, product-team, "
            "vendor-renewal.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
) -> None:
    """Create a stakecli folder: a register, the starter files you choose, or an example.

    The JSON Schemas go in the folder's .stakecli/schemas/, where every file's editor
    modeline points. Example: stakecli init my-project --with raci,charter,comms
    """
    from stakecli.scaffold import init as scaffold

    for path in scaffold(folder, example, force=force, kinds=with_kinds or ()):
        sys.stdout.write(f"created {path}\n")
    sys.stderr.write(f"next: stakecli validate {folder}\n")
