"""The `stakecli import` and `stakecli export` groups: bring files over from other tools, and back.

Kinds add their commands to these groups from their own modules (`raci_sheet`, `adr`).
"""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import app

import_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Bring existing work over: RACI matrices from spreadsheets, ADR logs (MADR, adr-tools). "
    "Stakeholder spreadsheets: `stakecli stakeholders import`.",
)
app.add_typer(import_app, name="import")
export_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Write stakecli files for spreadsheets: RACI matrices as CSV or XLSX. "
    "Registers: `stakecli stakeholders export`.",
)
app.add_typer(export_app, name="export")

DelimiterOpt = Annotated[
    str | None,
    typer.Option(
        "--delimiter",
        "-d",
        metavar="CHAR",
        help="CSV delimiter: ',', ';', 'tab' (default: sniffed; ',' if unsure).",
    ),
]
"""`--delimiter`, shared by every command that reads or writes CSV."""


def delimiter(value: str | None) -> str | None:
    """The delimiter an option names: 'tab', 'comma', 'semicolon', or the character itself."""
    if value is None:
        return None
    names = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
    return names.get(value.lower(), value)


def print_findings(findings: list[Any]) -> None:
    """Findings on stderr, in the order of the source, as `validate` prints them."""
    from stakecli.core.reporting import location

    for f in sorted(findings, key=lambda f: (f.path, f.line or 0, f.col or 0, f.code)):
        sys.stderr.write(f"{location(f)}: {f.severity} [{f.code}] {f.message}\n")


def table_error(source: Path, exc: Any) -> Any:
    """The finding of a file that cannot be read as a table at all."""
    from stakecli.stakeholders.importing import table_finding

    return table_finding(source, exc)
