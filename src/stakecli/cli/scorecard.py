"""`stakecli scorecard`: every scorecard of a folder or file, evaluated."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, app, console, existing, fail, reports_errors

if TYPE_CHECKING:
    from stakecli.core.findings import Finding


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
    from stakecli.core import reporting
    from stakecli.core.findings import exit_code

    def own(f: "Finding") -> bool:  # a scorecard's findings are shown beside its evaluation
        return _holds_scorecards(Path(f.path), path)

    report = pipeline.subject(path, config, shows=own)
    files = [p for kind in evaluation.SOURCES for p in pipeline.subjects(report, path, kind)]
    files.sort(key=lambda p: str(p.path))
    found = [f for f in report.findings if own(f)]
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


def _holds_scorecards(file: Path, path: Path) -> bool:
    """Whether `file` is a charter or scorecard file that `path` names (parsed or not)."""
    from stakecli.charters.evaluation import SOURCES
    from stakecli.core.loading import declares_kind

    inside = file.resolve() == path.resolve() or path.resolve() in file.resolve().parents
    return inside and any(declares_kind(file, kind) for kind in SOURCES)


def _tables(records: list[dict[str, Any]], findings: list[Any]) -> None:
    from stakecli.charters.evaluation import number
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
        if not r["evaluated"]:
            result = "not evaluated (see findings)"
        elif r["type"] == "gate":
            result = f"{r['status']} (all must pass)"
        else:
            result = f"{r['status']}: score {number(r['score'])} against {number(r['threshold'])}"
        rows = []
        for m in r["metrics"]:
            target = (
                f"{m['comparator']} {number(m['threshold'])}"
                if m["comparator"] is not None
                else f"w {number(m['weight'])}, {number(m['min'])}-{number(m['max'])}"
            )
            value = "no data" if m["value"] is None else f"{number(m['value'])} {m['unit']}"
            rows.append(
                [
                    m["name"],
                    value.rstrip(),
                    target,
                    number(m["normalised"]),
                    number(m["contribution"]),
                    m["verdict"] or "",
                ]
            )
        tables.show(out, f"{r['name']} ({r['type']}, {r['path']}): {result}", cols, rows)
    for f in findings:
        out.print(styled_line(f))
    if not findings:
        out.print("no findings")
