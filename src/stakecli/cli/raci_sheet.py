"""`stakecli import raci FILE` and `stakecli export raci PATH`: RACI matrices as spreadsheets."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from stakecli.cli._app import ConfigOpt, existing, fail, reports_errors
from stakecli.cli.transfer import DelimiterOpt, export_app, import_app


class Variant(StrEnum):
    """RACI variants (DOMAIN.md 4.3)."""

    RACI = "raci"
    RASCI = "rasci"
    DACI = "daci"
    RAPID = "rapid"
    RACI_VS = "raci-vs"


@import_app.command("raci")
@reports_errors
def import_raci(
    source: Annotated[
        Path,
        typer.Argument(callback=existing, dir_okay=False, help="A .csv, .tsv or .xlsx matrix."),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="raci.yaml to write (default: stdout).")
    ] = None,
    variant: Annotated[Variant, typer.Option(help="The letters' variant.")] = Variant.RACI,
    title: Annotated[str | None, typer.Option(help="The matrix's title.")] = None,
    ident: Annotated[
        str | None, typer.Option("--id", help="The matrix's id (for `<id>#<row>` references).")
    ] = None,
    register: Annotated[
        Path | None,
        typer.Option(
            help="Register whose ids and names the columns are (default: the registers of the "
            "output's folder; none: every column is a role)."
        ),
    ] = None,
    sheet: Annotated[str | None, typer.Option(help="The .xlsx sheet to read.")] = None,
    delimiter: DelimiterOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Turn a RACI matrix sheet (activities x people, letters in the cells) into raci.yaml.

    Columns that are register ids or names are those people; others become roles nobody holds
    yet. Every rule `validate` runs is run first: nothing is written unless it passes.

    Example: stakecli import raci raci.xlsx -o raci.yaml
    """
    from stakecli import pipeline, staging
    from stakecli.cli import transfer
    from stakecli.raci import matrix

    transfer.refuse_existing(output, force)
    settings = pipeline.settings(output.parent if output else Path(), config)
    table = transfer.read_table(source, delimiter, sheet)
    people = _people(register, output)
    imported = matrix.convert(
        table, source, people, variant=variant.value, title=title, ident=ident
    )
    content = staging.dump(imported.data, f"Imported from {source.name} by `stakecli import raci`.")
    findings = imported.findings + _staged(imported, source, content, settings, output, register)
    rows = len(imported.data["rows"])
    transfer.write_checked(findings, content, output, force=force, what=f"{rows} rows")


def _staged(
    imported: Any,
    source: Path,
    content: str,
    settings: Any,
    output: Path | None,
    register: Path | None,
) -> list[Any]:
    """Every finding `validate` would give the matrix about to be written, beside the others.

    It is checked with the files of the output's folder; printed to stdout, with those of the
    --register's folder, if any.
    """
    from stakecli import staging
    from stakecli.raci import matrix

    target = output or Path().resolve() / "raci.yaml"
    beside = register.parent if register and output is None else output.parent if output else None
    checked = staging.check({target: content}, settings, beside)
    return [matrix.locate(f, imported, source) for f in checked]


def _people(register: Path | None, output: Path | None) -> dict[str, str]:
    """Register id -> name, from --register or the registers beside the output."""
    from stakecli import pipeline
    from stakecli.stakeholders import registers

    if register is not None:
        return {s.id: s.name for s in pipeline.register(registers.find(register)).stakeholders}
    return pipeline.people(output.parent) if output is not None else {}


@export_app.command("raci")
@reports_errors
def export_raci(
    path: Annotated[
        Path, typer.Argument(callback=existing, help="A raci.yaml file, or a folder holding one.")
    ] = Path(),
    fmt: Annotated[
        Literal["csv", "xlsx"], typer.Option("--format", "-f", help="csv or xlsx.")
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: stdout; csv only)."),
    ] = None,
    delimiter: DelimiterOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
) -> None:
    """Write a RACI matrix as a sheet: ID, activity, one column per participant, Notes.

    A folder with several matrices gives one sheet per matrix (xlsx only).

    Example: stakecli export raci examples/partnership -f xlsx -o raci.xlsx
    """
    from stakecli.cli import transfer
    from stakecli.raci import matrix

    transfer.refuse_existing(output, force)
    sheets = [(m.title or m.id or "RACI", *matrix.table(m)) for m in _matrices(path)]
    if fmt == "csv" and len(sheets) > 1:
        fail(f"{path} holds {len(sheets)} RACI files; pass one, or use --format xlsx")
    if transfer.write_sheets(sheets, fmt == "xlsx", output, delimiter):
        sys.stderr.write(f"wrote {output}\n")


def _matrices(path: Path) -> list[Any]:
    from stakecli import pipeline
    from stakecli.core.loading import declares_kind
    from stakecli.core.project import Parsed
    from stakecli.core.projects import yaml_below
    from stakecli.raci.model import Raci

    files = [path] if path.is_file() else [p for p in yaml_below(path) if declares_kind(p, "raci")]
    matrices = []
    for file in files:
        outcome = pipeline.parse_file(file)
        if not isinstance(outcome, Parsed) or not isinstance(outcome.model, Raci):
            fail(f"{file} is not a valid RACI file; run `stakecli validate {file}`")
        matrices.append(outcome.model)
    if not matrices:
        fail(f"no RACI file (kind: raci) under {path}")
    return matrices
