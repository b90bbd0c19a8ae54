"""`stakecli raci`: the RACI matrices of a folder, the load per person, and their findings."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from stakecli.cli._app import (
    ConfigOpt,
    app,
    existing,
    fail,
    print_findings,
    reports_errors,
    screen,
)

if TYPE_CHECKING:
    from stakecli.pipeline import Shown


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

    found = pipeline.shown(path, ["raci"], config)
    if not found.files and not found.findings:
        fail(f"no RACI file (kind: raci) under {path}")
    if fmt is RaciFormat.JSON:
        _json(found)
    elif fmt is RaciFormat.MARKDOWN:
        _markdown(found)
    else:
        _tables(found)
    raise typer.Exit(exit_code(found.findings))


def _own(parsed: Any, workspaces: list[Any]) -> Any:
    return next(w for w in workspaces if parsed in w.files)


def _json(found: "Shown") -> None:
    import json

    from stakecli.core.reporting import as_dict
    from stakecli.raci import views as view

    workspaces = found.workspaces()
    loads = [view.load(w) for w in workspaces]
    payload = {
        "matrices": [view.matrix(p, _own(p, workspaces)) for p in found.files],
        "load": loads[0] if len(loads) == 1 else loads,
        "findings": [as_dict(f) for f in found.findings],
    }
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def _markdown(found: "Shown") -> None:
    from stakecli.core.rendering import render
    from stakecli.raci import views as view

    workspaces = found.workspaces()
    docs = [
        render(
            "raci-chart.md.j2", view.chart(p, _own(p, workspaces)), [p.path.parent / "templates"]
        )
        for p in found.files
    ]
    from stakecli.core.publishing import INTERNAL_BANNER

    sys.stdout.write(INTERNAL_BANNER + "\n".join(docs))


def _tables(found: "Shown") -> None:
    """Each matrix, then the load per person of each project, then the findings."""
    from stakecli.cli.tables import Plain
    from stakecli.raci import views as view

    workspaces = found.workspaces()
    out = screen()  # plain text written directly where rich would write no style
    for p in found.files:
        _matrix_table(out, view.matrix(p, _own(p, workspaces)))
    for w in workspaces:
        _load_table(out, view.load(w))
    (out.stream if isinstance(out, Plain) else out.file).flush()
    print_findings(found.findings)
    if not found.findings:
        out.print("no findings")


def _matrix_table(out: Any, m: dict[str, Any]) -> None:
    """A matrix with a column per participant; initials and a legend when names do not fit."""
    from stakecli.cli import tables

    title = f"{m['title']} ({m['variant'].upper()}, {m['path']})"
    labels = [c["label"] for c in m["columns"]]
    rows = [[r["name"], *r["cells"]] for r in m["rows"]]

    def cols(heads: list[str]) -> list[tables.Col]:
        first = tables.Col("decision / activity", minimum=24)
        return [first, *(tables.Col(h, fixed=True, justify="center", wrap=False) for h in heads)]

    natural = tables.layout(cols(labels), rows, 10_000)
    wide = sum(w or 0 for w in natural) + tables.GAP * len(labels)
    if wide <= out.width:
        tables.show(out, title, cols(labels), rows)
        return
    short = _initials(labels)
    tables.show(out, title, cols(short), rows)
    legend = [f"{s} = {c['label']}{_holders(c)}" for s, c in zip(short, m["columns"], strict=True)]
    out.print(tables.fold("", out.width, units=legend), markup=False, highlight=False)


def _load_table(out: Any, load: dict[str, Any]) -> None:
    """How many rows each person holds each role in, across a project's RACI files."""
    from stakecli.cli import tables
    from stakecli.core.plural import count

    title = f"Load per person across {count(load['files'], 'RACI file')}"
    cols = [tables.Col("person", minimum=14)]
    cols += [
        tables.Col(f"{c['letter']}\n{c['role']}", fixed=True, justify="right")
        for c in load["columns"]
    ]
    cols.append(tables.Col("total", fixed=True, justify="right"))
    rows = [
        [p["name"], *(str(p["counts"][c["id"]]) for c in load["columns"]), str(p["total"])]
        for p in load["people"]
    ]
    tables.show(out, title, cols, rows)


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
