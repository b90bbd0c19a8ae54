"""The `stakecli import` and `stakecli export` groups: bring files over from other tools, and back.

Kinds add their commands to these groups from their own modules (`raci_sheet`, `adr`).
"""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import app, fail

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


def refuse_existing(output: Path | None, force: bool) -> None:
    """Stop before any work when the file to write exists and --force was not given."""
    if output is not None and (output.exists() or output.is_symlink()) and not force:
        fail(f"{output} already exists; nothing was written (use --force to overwrite)")


def read_table(source: Path, delimiter_name: str | None, sheet: str | None) -> Any:
    """The table in `source`; a file that is no table at all is a finding, exit 1."""
    from stakecli.core import tables

    try:
        return tables.read(source, delimiter=delimiter(delimiter_name), sheet=sheet)
    except tables.TableError as exc:
        print_findings([table_error(source, exc)])
        raise typer.Exit(1) from None


def write_checked(
    findings: list[Any], content: str | None, output: Path | None, *, force: bool, what: str
) -> None:
    """The findings on stderr, then `content` to `output` (or stdout), unless one is an error.

    Nothing is written (exit 1) when there is no content or a finding is an error; `what` says
    what was written (`12 stakeholders`).
    """
    from stakecli import staging

    print_findings(findings)
    if content is None or staging.has_errors(findings):
        sys.stderr.write("nothing was written\n")
        raise typer.Exit(1)
    if output is None:
        sys.stdout.write(content)
        return
    staging.write({output: content}, force=force)
    sys.stderr.write(f"wrote {output} ({what})\n")


Sheet = tuple[str, list[str], list[list[str]]]
"""A sheet to export: its title, header and rows."""


def write_sheets(
    sheets: list[Sheet], xlsx: bool, output: Path | None, delimiter_name: str | None
) -> bool:
    """The sheets as an xlsx workbook, or the first as CSV (to stdout without `output`).

    Returns whether a file was written; a workbook needs `output` (it is not text).
    """
    from stakecli.core import tables

    if xlsx:
        if output is None:
            fail("--format xlsx needs --output FILE (a workbook is not text)")
        tables.write_atomic(output, tables.xlsx_bytes(sheets))
        return True
    _, header, rows = sheets[0]
    text = tables.to_csv(header, rows, delimiter(delimiter_name) or ",")
    if output is None:
        sys.stdout.write(text)
        return False
    tables.write_atomic(output, tables.csv_bytes(text))
    return True
