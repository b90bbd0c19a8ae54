"""`stakecli scorecard`: every scorecard of a folder or file, evaluated."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, app, console, existing, fail, reports_errors


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
            callback=existing,
            help="A folder (searched recursively), or one charter or scorecard file.",
        ),
    ] = Path(),
    fmt: Annotated[ScorecardFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ScorecardFormat.TABLE
    ),
    config: ConfigOpt = None,
) -> None:
    """Evaluate each scorecard: per metric value, normalised value and verdict; the result.

    Scorecards come from charters (`scorecards:`) and scorecard files. Their files' own
    findings are shown after the results (exit 1 on an error); errors in the project's other
    files stop it, as in every command. Example: stakecli scorecard examples/partnership
    """
    from stakecli import pipeline
    from stakecli.charters import evaluation
    from stakecli.core.findings import exit_code

    found = pipeline.shown(path, evaluation.SOURCES, config)
    files = sorted(found.files, key=lambda p: str(p.path))
    records = [evaluation.record(e) for e in evaluation.project(files)]
    if not records and not found.findings:
        fail(f"no scorecard (in a charter or a kind: scorecard file) under {path}")
    if fmt is ScorecardFormat.JSON:
        _json(records, found.findings)
    else:
        _tables(records, found.findings)
    raise typer.Exit(exit_code(found.findings))


def _json(records: list[dict[str, Any]], findings: list[Any]) -> None:
    import json

    from stakecli.core import reporting

    payload = {"scorecards": records, "findings": [reporting.as_dict(f) for f in findings]}
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def _tables(records: list[dict[str, Any]], findings: list[Any]) -> None:
    """A table per scorecard, its result in the title; then the findings."""
    from stakecli.cli import tables
    from stakecli.core.reporting import styled_line

    out = console()
    C = tables.Col
    cols = [
        C("metric", minimum=16),
        C("value", fixed=True, justify="right"),
        C("target", fixed=True, justify="right"),
        C("normalised", fixed=True, justify="right", priority=2),
        C("contribution", fixed=True, justify="right", priority=1),
        C("verdict", fixed=True, justify="right"),
    ]
    for r in records:
        rows = [_metric_row(m) for m in r["metrics"]]
        tables.show(out, f"{r['name']} ({r['type']}, {r['path']}): {_result(r)}", cols, rows)
    for f in findings:
        out.print(styled_line(f))
    if not findings:
        out.print("no findings")


def _result(r: dict[str, Any]) -> str:
    """A scorecard's result: not evaluated, a gate's status, or the score against its threshold."""
    from stakecli.charters.evaluation import number

    if not r["evaluated"]:
        return "not evaluated (see findings)"
    if r["type"] == "gate":
        return f"{r['status']} (all must pass)"
    return f"{r['status']}: score {number(r['score'])} against {number(r['threshold'])}"


def _metric_row(m: dict[str, Any]) -> list[str]:
    """A metric: its value, target, normalised value, contribution and verdict."""
    from stakecli.charters.evaluation import number

    target = (
        f"{m['comparator']} {number(m['threshold'])}"
        if m["comparator"] is not None
        else f"w {number(m['weight'])}, {number(m['min'])}-{number(m['max'])}"
    )
    value = "no data" if m["value"] is None else f"{number(m['value'])} {m['unit']}"
    return [
        m["name"],
        value.rstrip(),
        target,
        number(m["normalised"]),
        number(m["contribution"]),
        m["verdict"] or "",
    ]
