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
    from stakecli.core import tables
    from stakecli.raci import matrix

    if output is not None and (output.exists() or output.is_symlink()) and not force:
        fail(f"{output} already exists; nothing was written (use --force to overwrite)")
    folder = output.parent if output else Path()
    settings = pipeline.settings(folder, config)
    try:
        table = tables.read(source, delimiter=transfer.delimiter(delimiter), sheet=sheet)
    except tables.TableError as exc:
        transfer.print_findings([transfer.table_error(source, exc)])
        raise typer.Exit(1) from None
    people = _people(register, output)
    imported = matrix.convert(
        table, source, people, variant=variant.value, title=title, ident=ident
    )
    content = staging.dump(imported.data, f"Imported from {source.name} by `stakecli import raci`.")
    target = output or folder.resolve() / "raci.yaml"
    beside = register.parent if register and output is None else output.parent if output else None
    checked = staging.check({target: content}, settings, beside)
    findings = imported.findings + [matrix.locate(f, imported, source) for f in checked]
    transfer.print_findings(findings)
    if staging.has_errors(findings):
        sys.stderr.write("nothing was written\n")
        raise typer.Exit(1)
    if output is None:
        sys.stdout.write(content)
        return
    staging.write({output: content}, force=force)
    sys.stderr.write(f"wrote {output} ({len(imported.data['rows'])} rows)\n")


def _people(register: Path | None, output: Path | None) -> dict[str, str]:
    """Register id -> name, from --register or the registers beside the output."""
    from stakecli import pipeline
    from stakecli.core.loading import declares_kind
    from stakecli.core.projects import yaml_below
    from stakecli.stakeholders import registers

    if register is not None:
        files = [registers.find(register)]
    elif output is not None and output.parent.is_dir():
        files = [p for p in yaml_below(output.parent) if declares_kind(p, "stakeholders")]
    else:
        files = []
    return {s.id: s.name for f in files for s in pipeline.register(f).stakeholders}


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
    from stakecli.core import tables
    from stakecli.raci import matrix

    if output is not None and (output.exists() or output.is_symlink()) and not force:
        fail(f"{output} already exists; nothing was written (use --force to overwrite)")
    matrices = _matrices(path)
    sheets = [(m.title or m.id or "RACI", *matrix.table(m)) for m in matrices]
    if fmt == "xlsx":
        if output is None:
            fail("--format xlsx needs --output FILE (a workbook is not text)")
        tables.write_atomic(output, tables.xlsx_bytes(sheets))
    else:
        if len(sheets) > 1:
            fail(f"{path} holds {len(sheets)} RACI files; pass one, or use --format xlsx")
        _, header, rows = sheets[0]
        text = tables.to_csv(header, rows, transfer.delimiter(delimiter) or ",")
        if output is None:
            sys.stdout.write(text)
            return
        tables.write_atomic(output, tables.csv_bytes(text))
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
