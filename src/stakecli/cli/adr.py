"""`stakecli import adr DIR`: an existing MADR or adr-tools log becomes decision records."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, existing, fail, reports_errors
from stakecli.cli.transfer import import_app, print_findings


@import_app.command("adr")
@reports_errors
def import_adr(
    source: Annotated[
        Path,
        typer.Argument(
            callback=existing, file_okay=False, help="The log folder (doc/adr, docs/decisions...)."
        ),
    ],
    into: Annotated[
        Path,
        typer.Option(
            "--into", file_okay=False, help="Project folder; records go in its decisions/."
        ),
    ] = Path(),
    config: ConfigOpt = None,
) -> None:
    """Move an ADR log (MADR, Nygard / adr-tools Markdown) over as decisions/NNNN-*.yaml.

    Statuses, dates, decision-makers (matched to the register by id or name), links
    (superseded by, supersedes, amends) and sections are mapped; unknown sections are kept in
    `sections:`. What could not be mapped is reported per file and line. Every rule `validate`
    runs is run first, and nothing is written unless it passes; existing files are never
    overwritten.

    Example: stakecli import adr docs/decisions --into .
    """
    import datetime as dt

    from stakecli import pipeline, staging
    from stakecli.decisions import adr, log

    folder = log.folder_for(into)
    settings = pipeline.settings(into, config)
    records, skipped = adr.read_log(source, pipeline.people(into), dt.date.today())
    if not records:
        print_findings(skipped)
        fail(f"no numbered ADR (NNNN-title.md) in {source}")
    targets, contents = _records(records, folder)
    checked = staging.check(contents, settings, into if into.is_dir() else None)
    _print_findings(skipped + [n for r in records for n in r.notes], checked, targets)
    if staging.has_errors(checked):
        sys.stderr.write("nothing was written\n")
        raise typer.Exit(1)
    staging.write(contents)
    sys.stdout.write("".join(f"{path}\n" for path in contents))
    sys.stderr.write(f"imported {len(contents)} decisions into {folder}\n")


def _records(records: list[Any], folder: Path) -> tuple[dict[Path, Any], dict[Path, str]]:
    """Where each record goes in the log, and its YAML; a record already there stops it all."""
    from stakecli import staging
    from stakecli.decisions import adr

    targets = dict(adr.files(records, folder))
    clash = [p for p in targets if p.exists()]
    if clash:
        fail(f"{clash[0]} already exists; nothing was written (move the old log aside first)")
    contents = {
        path: staging.dump(
            record.data, f"Imported from {record.source.name} by `stakecli import adr`."
        )
        for path, record in targets.items()
    }
    return targets, contents


def _print_findings(notes: list[Any], checked: list[Any], targets: dict[Path, Any]) -> None:
    """What could not be mapped, then the findings on the records to write, each with its ADR."""
    from stakecli.core.reporting import location

    print_findings(notes)
    for f in checked:
        source_of = targets[Path(f.path)].source
        sys.stderr.write(f"{location(f)}: {f.severity} [{f.code}] {f.message} (from {source_of})\n")
