"""`stakecli negotiation [PATH]`, `negotiation packages|offers|debrief|chart`, `frontier`."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import (
    ConfigOpt,
    DefaultCommandGroup,
    app,
    console,
    existing,
    fail,
    reports_errors,
    screen,
)


class _DefaultToSummary(DefaultCommandGroup):
    """`stakecli negotiation PATH` runs `summary`: the first word is a path, not a command."""

    default = "summary"


negotiation_app = typer.Typer(
    cls=_DefaultToSummary,
    help="Analyse a negotiation plan: BATNA/WATNA, ZOPA, proposals, sensitivity, packages.",
)
app.add_typer(negotiation_app, name="negotiation")


class Format(StrEnum):
    """Output formats of the negotiation commands."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


PathArg = Annotated[
    Path,
    typer.Argument(
        callback=existing,
        help="A negotiation YAML file, or a folder holding one (with its register).",
    ),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="table, json or markdown (the brief).")
]
SeedOpt = Annotated[int | None, typer.Option(help="Simulation seed (default: config, 0).")]
SamplesOpt = Annotated[
    int | None, typer.Option(min=1, max=10_000_000, help="Simulation draws (default 10000).")
]


def _load(path: Path, config: Path | None) -> tuple[Any, Any, dict[str, str], Path]:
    """(plan, Config, register names, its file) for the one negotiation file `path` names.

    Errors in its project stop the command.
    """
    from stakecli import pipeline
    from stakecli.stakeholders import scope

    parsed, workspace = pipeline.one(path, "negotiation", config)
    return parsed.model, workspace.config, scope.names(workspace, parsed.path), parsed.path


@negotiation_app.command()
@reports_errors
def summary(
    path: PathArg = Path(),
    fmt: FormatOpt = Format.TABLE,
    seed: SeedOpt = None,
    samples: SamplesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """BATNA/WATNA per side, ZOPA, proposals judged, sensitivity and simulation.

    Example: stakecli negotiation examples/vendor-renewal --seed 7
    """
    plan, settings, people, source = _load(path, config)
    cfg = settings.negotiation
    seed = cfg.seed if seed is None else seed
    samples = cfg.samples if samples is None else samples
    if fmt is Format.MARKDOWN:
        _brief(plan, seed, samples, cfg.normalise_weights, source, cfg, people)
        return
    from stakecli.negotiation import text, views

    data = views.summary(plan, seed=seed, samples=samples)
    if fmt is Format.JSON:
        _json(data)
    else:
        names = text.names_of(plan, people)
        _tables(data["title"], text.headline(data, names), text.summary_tables(data, names))


@negotiation_app.command()
@reports_errors
def packages(
    path: PathArg = Path(),
    fmt: FormatOpt = Format.TABLE,
    config: ConfigOpt = None,
) -> None:
    """Scores per proposal, Pareto frontier, acceptable packages, Nash, logroll.

    Example: stakecli negotiation packages examples/vendor-renewal --format json
    """
    plan, settings, people, source = _load(path, config)
    cfg = settings.negotiation
    if fmt is Format.MARKDOWN:
        _brief(plan, cfg.seed, cfg.samples, cfg.normalise_weights, source, cfg, people)
        return
    from stakecli.negotiation import text, views

    limit = None if fmt is Format.JSON else text.LIMIT  # the table shows only the first rows
    data = views.package_summary(
        plan, normalise=cfg.normalise_weights, limit=limit, rule=cfg.coalition
    )
    if data is None:
        fail("the plan has no issues; add issues with options and each party's scores")
    if fmt is Format.JSON:
        _json(data)
    else:
        _tables(plan.title, [], text.package_tables(data, names=text.names_of(plan, people)))


@app.command()
@reports_errors
def frontier(
    path: PathArg = Path(),
    fmt: FormatOpt = Format.TABLE,
    config: ConfigOpt = None,
) -> None:
    """Same as `stakecli negotiation packages`: the Pareto frontier of a plan's packages.

    Example: stakecli frontier examples/vendor-renewal
    """
    packages(path, fmt, config)


@negotiation_app.command()
@reports_errors
def offers(
    path: PathArg = Path(),
    fmt: FormatOpt = Format.TABLE,
    config: ConfigOpt = None,
) -> None:
    """Offers and counter-offers: scores, concessions, reciprocity, our reservation, silence.

    Example: stakecli negotiation offers examples/vendor-renewal
    """
    plan, settings, people, source = _load(path, config)
    cfg = settings.negotiation
    if fmt is Format.MARKDOWN:
        _brief(plan, cfg.seed, cfg.samples, cfg.normalise_weights, source, cfg, people)
        return
    from stakecli.negotiation import record_text, records, text

    data = records.offer_data(plan, silence_days=cfg.silence_days)
    if fmt is Format.JSON:
        _json(data)
    else:
        names = text.names_of(plan, people)
        table = record_text.offer_table(data, plan.currency, names)
        lines = record_text.concession_lines(data, names)
        _tables(plan.title, lines, [table] if table.rows else [])


@negotiation_app.command()
@reports_errors
def debrief(
    path: PathArg = Path(),
    fmt: FormatOpt = Format.TABLE,
    config: ConfigOpt = None,
) -> None:
    """After the agreement: against our BATNA, the frontier and Nash; post-settlement packages.

    Example: stakecli negotiation debrief examples/vendor-renewal
    """
    plan, settings, people, _source = _load(path, config)
    cfg = settings.negotiation
    if plan.agreement is None:
        fail("the plan records no agreement; add `agreement:` (its package and/or price)")
    if fmt is Format.MARKDOWN:
        _debrief_document(plan, path, cfg, people)
        return
    from stakecli.negotiation import record_text, records, text

    data = records.debrief_data(plan, normalise=cfg.normalise_weights, rule=cfg.coalition)
    assert data is not None
    if fmt is Format.JSON:
        _json(data)
    else:
        names = text.names_of(plan, people)
        tables = [t for t in record_text.debrief_tables(data, names) if t.rows]
        _tables(plan.title, record_text.debrief_lines(data, names), tables)


@negotiation_app.command()
@reports_errors
def chart(
    path: PathArg = Path(),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="SVG file to write (default: stdout).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """SVG of the packages in (our score, their score) space: frontier, reservations, proposals.

    Example: stakecli negotiation chart examples/vendor-renewal -o packages.svg
    """
    plan, settings, people, _source = _load(path, config)
    from stakecli.negotiation import records, text, views
    from stakecli.negotiation.chart import package_chart

    cfg = settings.negotiation
    data = views.package_summary(plan, normalise=cfg.normalise_weights, rule=cfg.coalition)
    if data is None:
        fail("the plan has no issues; a chart needs issues with options and scores")
    data["offers"] = records.offer_data(plan, silence_days=cfg.silence_days)["offers"]
    svg = package_chart(data, plan.title, text.names_of(plan, people))
    if output is None:
        sys.stdout.write(svg)
        return
    _write_svg(output, svg, force=force)


def _write_svg(output: Path, svg: str, *, force: bool) -> None:
    """Write the chart unless the file exists (and no --force); say so on stderr."""
    from stakecli.core.publishing import write_atomic

    if (output.exists() or output.is_symlink()) and not force:
        fail(f"{output} already exists; nothing was written (use --force to overwrite)")
    try:
        write_atomic(output, svg, force=force)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    console(stderr=True).print(f"wrote {output}", markup=False)


def _brief(
    plan: Any,
    seed: int,
    samples: int,
    normalise: bool,
    source: Path,
    cfg: Any = None,
    people: dict[str, str] | None = None,
) -> None:
    from stakecli.core.publishing import INTERNAL_BANNER, figure_note, file_name, take_figures
    from stakecli.core.rendering import render
    from stakecli.negotiation.documents import SPECS, brief

    context = brief(
        plan, seed=seed, samples=samples, normalise=normalise, settings=cfg, people=people
    )
    spec = next(s for s in SPECS if s.name == "negotiation-brief")
    figures = take_figures(spec, source, context)
    body = INTERNAL_BANNER + render(spec.template, context, [source.parent / "templates"])
    note = figure_note(file_name(spec, source), figures)
    if note is not None:
        sys.stderr.write(note + "\n")
    sys.stdout.write(body)


def _debrief_document(plan: Any, path: Path, cfg: Any, people: dict[str, str]) -> None:
    """The debrief in Markdown (templates in the plan's folder first)."""
    from stakecli.core.rendering import render
    from stakecli.negotiation.documents import debrief as context

    folder = path.parent if path.is_file() else path
    body = render("negotiation-debrief.md.j2", context(plan, cfg, people), [folder / "templates"])
    sys.stdout.write(body)


def _json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _tables(title: str, headline: list[str], found: list[Any]) -> None:
    from stakecli.cli import tables

    out = screen()
    out.print(tables.fold(title, out.width), markup=False, style="bold")
    for line in headline:
        out.print(tables.fold(line, out.width), markup=False)
    for t in found:
        tables.show(out, t.title, tables.guess(t.headers, t.rows), t.rows)
