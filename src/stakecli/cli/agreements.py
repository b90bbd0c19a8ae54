"""`stakecli raci`: the RACI matrices of a folder, the load per person, and their findings."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from stakecli.cli._app import (
    ConfigOpt,
    app,
    console,
    existing,
    fail,
    print_findings,
    reports_errors,
)

if TYPE_CHECKING:
    from stakecli.core.findings import Finding


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
            callback=existing,
            help="A folder (searched recursively), or one RACI file (its folder gives the "
            "register and the load).",
        ),
    ] = Path(),
    fmt: Annotated[RaciFormat, typer.Option("--format", "-f", help="Output format.")] = (
        RaciFormat.TABLE
    ),
    config: ConfigOpt = None,
) -> None:
    """Show each RACI matrix, the R/A load on each person across its project, and its findings.

    A RACI file's own findings are shown beside its matrix (exit 1 on an error); errors in
    the project's other files stop it, as in every command. Example: stakecli raci
    examples/partnership
    """
    from stakecli import pipeline
    from stakecli.core.findings import exit_code
    from stakecli.raci import views as view

    def own(f: "Finding") -> bool:  # a RACI file's findings are shown beside its matrix
        return _is_raci(Path(f.path), path)

    report = pipeline.subject(path, config, shows=own)
    matrices = pipeline.subjects(report, path, "raci")
    findings = [f for f in report.findings if own(f)]
    if not matrices and not findings:
        fail(f"no RACI file (kind: raci) under {path}")
    workspaces = [w for w in report.workspaces if any(m in w.files for m in matrices)]
    if fmt is RaciFormat.JSON:
        _json(matrices, workspaces, findings)
    elif fmt is RaciFormat.MARKDOWN:
        _markdown(matrices, workspaces)
    else:
        _tables(
            [view.matrix(p, _own(p, workspaces)) for p in matrices],
            [view.load(w) for w in workspaces],
            findings,
        )
    raise typer.Exit(exit_code(findings))


def _is_raci(file: Path, path: Path) -> bool:
    """Whether `file` is a RACI file that `path` names (parsed or not)."""
    from stakecli.core.loading import declares_kind

    inside = file.resolve() == path.resolve() or path.resolve() in file.resolve().parents
    return inside and declares_kind(file, "raci")


def _own(parsed: Any, workspaces: list[Any]) -> Any:
    return next(w for w in workspaces if parsed in w.files)


def _json(matrices: list[Any], workspaces: list[Any], findings: "list[Finding]") -> None:
    import json

    from stakecli.core.reporting import as_dict
    from stakecli.raci import views as view

    loads = [view.load(w) for w in workspaces]
    payload = {
        "matrices": [view.matrix(p, _own(p, workspaces)) for p in matrices],
        "load": loads[0] if len(loads) == 1 else loads,
        "findings": [as_dict(f) for f in findings],
    }
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def _markdown(matrices: list[Any], workspaces: list[Any]) -> None:
    from stakecli.core.rendering import render
    from stakecli.raci import views as view

    docs = [
        render(
            "raci-chart.md.j2", view.chart(p, _own(p, workspaces)), [p.path.parent / "templates"]
        )
        for p in matrices
    ]
    from stakecli.core.publishing import INTERNAL_BANNER

    sys.stdout.write(INTERNAL_BANNER + "\n".join(docs))


def _tables(
    matrices: list[dict[str, Any]], loads: list[dict[str, Any]], findings: "list[Finding]"
) -> None:
    from stakecli.cli import tables
    from stakecli.core.plural import count

    out = console()
    for m in matrices:
        title = f"{m['title']} ({m['variant'].upper()}, {m['path']})"
        labels = [c["label"] for c in m["columns"]]
        rows = [[r["name"], *r["cells"]] for r in m["rows"]]

        def cols(heads: list[str]) -> list[tables.Col]:
            first = tables.Col("decision / activity", minimum=24)
            return [
                first,
                *(tables.Col(h, fixed=True, justify="center", wrap=False) for h in heads),
            ]

        short = _initials(labels)
        natural = tables.layout(cols(labels), rows, 10_000)
        wide = sum(w or 0 for w in natural) + tables.GAP * len(labels)
        if wide <= out.width:
            tables.show(out, title, cols(labels), rows)
            continue
        tables.show(out, title, cols(short), rows)
        legend = [
            f"{s} = {c['label']}{_holders(c)}" for s, c in zip(short, m["columns"], strict=True)
        ]
        out.print(tables.fold("", out.width, units=legend), markup=False, highlight=False)
    for load in loads:
        title = f"Load per person across {count(load['files'], 'RACI file')}"
        load_cols = [tables.Col("person", minimum=14)]
        load_cols += [
            tables.Col(f"{c['letter']}\n{c['role']}", fixed=True, justify="right")
            for c in load["columns"]
        ]
        load_cols.append(tables.Col("total", fixed=True, justify="right"))
        rows = [
            [p["name"], *(str(p["counts"][c["id"]]) for c in load["columns"]), str(p["total"])]
            for p in load["people"]
        ]
        tables.show(out, title, load_cols, rows)
    out.file.flush()
    print_findings(findings)
    if not findings:
        out.print("no findings")


def _holders(column: dict[str, Any]) -> str:
    """`(Dana Whitfield)` after a role: who holds it."""
    if not column["role"]:
        return ""
    return f" ({', '.join(p['name'] for p in column['people'])})"


def _initials(labels: list[str]) -> list[str]:
    """Short, distinct column headings for a narrow terminal: `Olivia Brandt` -> `OB`."""
    import re

    short: list[str] = []
    for label in labels:
        words = [w for w in re.split(r"[\s\-_]+", label) if w]
        base = "".join(w[0] for w in words).upper()[:4] or label[:2]
        guess, n = base, 2
        while guess in short:
            guess, n = f"{base}{n}", n + 1
        short.append(guess)
    return short
