"""`stakecli scorecard`: every scorecard of a folder or file, evaluated."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, app, console, fail, reports_errors


class ScorecardFormat(StrEnum):
    """Formats of `stakecli scorecard`."""

    TABLE = "table"
    JSON = "json"


@app.command()
@reports_errors
def scorecard(
    path: Annotated[
        Path,
        typer.Argument(
            exists=True,
            help="A folder (searched recursively), or one charter or scorecard file.",
        ),
    ] = Path(),
    fmt: Annotated[ScorecardFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ScorecardFormat.TABLE
    ),
    config: ConfigOpt = None,
) -> None:
    """Evaluate each scorecard: per metric value, normalised value and verdict; the result.

    Scorecards come from charters (`scorecards:`) and scorecard files. Exit 1 when a finding
    of those files is an error. Example: stakecli scorecard examples/partnership
    """
    from stakecli import pipeline
    from stakecli.charters import evaluation
    from stakecli.core import reporting
    from stakecli.core.findings import exit_code
    from stakecli.core.project import Workspace

    folder = path if path.is_dir() else path.parent
    settings = pipeline.settings(folder, config)
    report = pipeline.run([folder], settings)  # the whole folder: the register names owners
    workspace = Workspace(settings, report.parsed)
    files = evaluation.files(workspace, path)
    wanted = {str(p.path) for p in files}
    parsed = {str(p.path) for p in report.parsed}
    # A file that could not be parsed may hold scorecards: its findings are shown too.
    found = [
        f
        for f in report.findings
        if f.path in wanted or (f.path not in parsed and (path.is_dir() or f.path == str(path)))
    ]
    evaluated = evaluation.project(files)
    if not evaluated and not found:
        fail(f"no scorecard (in a charter or a kind: scorecard file) under {path}")
    if fmt is ScorecardFormat.JSON:
        import json

        payload = {
            "scorecards": [evaluation.record(e) for e in evaluated],
            "findings": [reporting.as_dict(f) for f in found],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        _tables([evaluation.record(e) for e in evaluated], found)
    raise typer.Exit(exit_code(found))


def _tables(records: list[dict[str, Any]], findings: list[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    from stakecli.charters.evaluation import number
    from stakecli.cli.validate import STYLE
    from stakecli.core.reporting import location

    out = console()
    if not out.is_terminal:
        out.width = max(out.width, 160)
    for r in records:
        if not r["evaluated"]:
            result = "not evaluated (see findings)"
        elif r["type"] == "gate":
            result = f"{r['status']} (all must pass)"
        else:
            result = f"{r['status']}: score {number(r['score'])} against {number(r['threshold'])}"
        table = Table(
            title=f"{r['name']} ({r['type']}, {r['path']}): {result}", title_justify="left"
        )
        for column in ("metric", "value", "target", "normalised", "contribution", "verdict"):
            table.add_column(column, justify="left" if column == "metric" else "right")
        for m in r["metrics"]:
            target = (
                f"{m['comparator']} {number(m['threshold'])}"
                if m["comparator"] is not None
                else f"w {number(m['weight'])}, {number(m['min'])}-{number(m['max'])}"
            )
            value = "no data" if m["value"] is None else f"{number(m['value'])} {m['unit']}"
            table.add_row(
                m["name"],
                value.rstrip(),
                target,
                number(m["normalised"]),
                number(m["contribution"]),
                m["verdict"] or "",
            )
        out.print(table)
    for f in findings:
        line = Text(f"{location(f)}: ")
        line.append(f.severity.value, style=STYLE[f.severity.value])
        line.append(f" [{f.code}] ", style="dim")
        line.append(f.message)
        out.print(line)
    if not findings:
        out.print("no findings")
