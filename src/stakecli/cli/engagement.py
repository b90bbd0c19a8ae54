"""`stakecli engagement [PATH]` (who haven't we talked to) and `stakecli stakeholders history`."""

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, app, console, reports_errors
from stakecli.cli.stakeholders import group


class Format(StrEnum):
    """Output formats of `engagement` and `stakeholders history`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


TodayOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        formats=["%Y-%m-%d"],
        help="The as-of date, YYYY-MM-DD (default: `engagement.today` in the config, else "
        "the real date).",
        show_default=False,
    ),
]
"""The `--today` option of every command whose checks depend on the date."""


def day(today: dt.datetime | None) -> dt.date | None:
    """The date of a `--today` option."""
    return today.date() if today else None


@app.command()
@reports_errors
def engagement(
    path: Annotated[
        Path, typer.Argument(help="The project folder. Default: the current folder.")
    ] = Path(),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TABLE,
    today: TodayOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Who haven't we talked to: last contact, cadence, overdue, sentiment, open follow-ups.

    Example: stakecli engagement examples/product-team --today 2026-10-30
    """
    from stakecli import pipeline
    from stakecli.engagement.views import contact_report

    workspace, as_of = pipeline.project(path, config, day(today))
    report = contact_report(workspace, path, as_of)
    if fmt is Format.JSON:
        _json(report.as_dict())
    elif fmt is Format.MARKDOWN:
        _markdown(report, path)
    else:
        _table(report)


def _markdown(report: Any, folder: Path) -> None:
    """The contact report as Markdown, with the folder's own templates searched first."""
    from stakecli.core import rendering

    context = {"as_of": report.as_of.isoformat(), "rows": report.rows(), "report": report.as_dict()}
    sys.stdout.write(rendering.render("contact-report.md.j2", context, [folder / "templates"]))


def _json(data: Any) -> None:
    """`data` as indented JSON on stdout."""
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _table(report: Any) -> None:
    from stakecli.cli import tables

    C = tables.Col
    spec = [
        ("name", C("name", minimum=14)),
        ("state", C("state", fixed=True)),
        ("last", C("last", fixed=True, priority=3)),
        ("due", C("due", fixed=True)),
        ("cadence", C("cadence", minimum=10, priority=2)),
        ("sentiment", C("sentiment", fixed=True, priority=1)),
        ("id", C("id", fixed=True, priority=4)),
    ]
    lines = [[" ".join(str(r[k]).split()) for k, _ in spec] for r in report.rows()]
    cols = [c for _, c in spec]
    out = console()
    header, body = tables.plain(cols, lines, out.width)
    out.print(f"as of {report.as_of}", style="bold", markup=False, highlight=False)
    out.file.write(header + "\n" + "".join(line + "\n" for line in body))
    tables.note(out, tables.dropped(cols, lines, out.width, gap=2))
    late = [f for f in report.follow_ups if f.overdue_days]
    names = {c.stakeholder.id: c.stakeholder.name for c in report.contacts}
    for f in late:
        out.file.write(
            f"follow-up overdue {f.overdue_days} d: {f.follow_up.action} "
            f"({names.get(f.follow_up.owner, f.follow_up.owner)}, due {f.follow_up.due})\n"
        )
    from stakecli.core.plural import count

    overdue = sum(c.overdue for c in report.contacts)
    console(stderr=True).print(
        f"{overdue} of {count(len(report.contacts), 'stakeholder')} overdue or never contacted; "
        f"{count(len(late), 'follow-up')} overdue",
        markup=False,
    )


@group.command()
@reports_errors
def history(
    span: Annotated[
        str, typer.Argument(metavar="REV1..REV2", help="A revision range, e.g. main..HEAD.")
    ],
    path: Annotated[
        Path, typer.Argument(help="The register file or its folder. Default: the current folder.")
    ] = Path(),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TABLE,
    config: ConfigOpt = None,
) -> None:
    """Class, quadrant, engagement and sentiment of each stakeholder over a revision range.

    Example: stakecli stakeholders history HEAD~5..HEAD examples/product-team -f markdown
    """
    from stakecli import pipeline
    from stakecli.engagement import trends
    from stakecli.stakeholders import attention, registers

    file = registers.find(path)
    settings = attention.Settings.from_config(pipeline.settings(file.parent, config))
    found = trends.history(file, span, settings, pipeline.register_at)
    if fmt is Format.JSON:
        _json(found.as_dict())
    elif fmt is Format.MARKDOWN:
        from stakecli.core import rendering
        from stakecli.stakeholders.history import context

        sys.stdout.write(rendering.render("stakeholder-history.md.j2", context(found, str(file))))
    else:
        sys.stdout.write(_changes(found))


def _changes(found: Any) -> str:
    """The terminal view of a history: the first revision's count, then each one's moves."""
    lines = []
    if found.revisions:
        first = found.revisions[0]
        lines.append(f"{first.short} {first.date}: {len(first.states)} stakeholders\n")
    for revision, moved in found.changes():
        lines.append(f"{revision.short} {revision.date}:\n")
        lines.append("".join(f"  {m}\n" for m in moved) or "  no change\n")
    return "".join(lines)
