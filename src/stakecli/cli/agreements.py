"""`stakecli raci`: the RACI matrices of a folder, the load per person, and their findings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, app, console, fail, reports_errors


class RaciFormat(StrEnum):
    """Formats of `stakecli raci`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


@app.command()
@reports_errors
def raci(
    path: Annotated[
        Path,
        typer.Argument(
            exists=True,
            help="A folder (searched recursively), or one RACI file (its folder gives the "
            "register and the load).",
        ),
    ] = Path(),
    fmt: Annotated[RaciFormat, typer.Option("--format", "-f", help="Output format.")] = (
        RaciFormat.TABLE
    ),
    config: ConfigOpt = None,
) -> None:
    """Show each RACI matrix, the R/A load on each person across the folder, and the findings.

    Exit 1 when a finding is an error. Example: stakecli raci examples/partnership
    """
    from stakecli import pipeline
    from stakecli.core import reporting
    from stakecli.core.findings import exit_code
    from stakecli.core.project import Workspace
    from stakecli.raci import views as view

    folder = path if path.is_dir() else path.parent
    settings = pipeline.settings(folder, config)
    report = pipeline.run([folder], settings)  # the whole folder: registers and load
    workspace = Workspace(settings, report.parsed)
    matrices = [p for p in workspace.of_kind("raci") if path.is_dir() or p.path == path]
    parsed = {str(p.path) for p in report.parsed}
    wanted = {str(p.path) for p in matrices}
    # A file that could not be parsed may be a RACI file: its findings are shown too.
    findings = [
        f
        for f in report.findings
        if f.path in wanted or (f.path not in parsed and (path.is_dir() or f.path == str(path)))
    ]
    if not matrices and not findings:
        fail(f"no RACI file (kind: raci) under {path}")
    if fmt is RaciFormat.JSON:
        import json

        payload = {
            "matrices": [view.matrix(p, workspace) for p in matrices],
            "load": view.load(workspace),
            "findings": [reporting.as_dict(f) for f in findings],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    elif fmt is RaciFormat.MARKDOWN:
        from stakecli.core.rendering import render

        user = [folder / "templates"]
        docs = [render("raci-chart.md.j2", view.chart(p, workspace), user) for p in matrices]
        sys.stdout.write("\n".join(docs))
    else:
        _tables([view.matrix(p, workspace) for p in matrices], view.load(workspace), findings)
    raise typer.Exit(exit_code(findings))


def _tables(matrices: list[dict[str, Any]], load: dict[str, Any], findings: list[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    from stakecli.cli.validate import STYLE
    from stakecli.core.reporting import location

    out = console()
    if not out.is_terminal:
        out.width = max(out.width, 200)  # a pipe or a file: no reason to wrap the matrix
    for m in matrices:
        table = Table(
            title=f"{m['title']} ({m['variant'].upper()}, {m['path']})", title_justify="left"
        )
        table.add_column("decision / activity", max_width=48)
        for c in m["columns"]:
            table.add_column(c["id"], justify="center")
        for r in m["rows"]:
            table.add_row(r["name"], *r["cells"])
        out.print(table)
    if matrices:
        out.print(_load_table(load))
    for f in findings:
        line = Text(f"{location(f)}: ")
        line.append(f.severity.value, style=STYLE[f.severity.value])
        line.append(f" [{f.code}] ", style="dim")
        line.append(f.message)
        out.print(line)
    if not findings:
        out.print("no findings")


def _load_table(load: dict[str, Any]) -> Any:
    from rich.table import Table

    table = Table(
        title=f"Load per person across {load['files']} RACI file(s)", title_justify="left"
    )
    table.add_column("person")
    table.add_column("name")
    for letter in load["letters"]:
        table.add_column(letter, justify="right")
    table.add_column("total", justify="right")
    for p in load["people"]:
        table.add_row(
            p["id"], p["name"], *(str(p["counts"][k]) for k in load["letters"]), str(p["total"])
        )
    return table
