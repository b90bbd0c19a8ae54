"""`stakecli decision status|list`: the decision log's lifecycle from the command line."""

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, app, reports_errors

group = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="The decision log: change a decision's status (the lifecycle is enforced, linked "
    "decisions follow), list decisions by status, tag, decider or date.",
)
app.add_typer(group, name="decision")


class StatusArg(StrEnum):
    """Statuses a decision can be moved to."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"


DirOpt = Annotated[
    Path,
    typer.Option(
        "--dir", file_okay=False, help="Project folder (or its decisions/ folder). Default: here."
    ),
]


@group.command("status")
@reports_errors
def status(
    number: Annotated[int, typer.Argument(help="The decision's number.")],
    new: Annotated[StatusArg, typer.Argument(metavar="STATUS", help="The new status.")],
    folder: DirOpt = Path(),
    config: ConfigOpt = None,
) -> None:
    """Move a decision to a new status, and say who must hear about it.

    proposed -> accepted | rejected; accepted -> deprecated; rejected -> proposed. Accepting a
    decision marks the ones it supersedes as superseded and the ones it amends as amended.
    Only the changed lines of each file are rewritten.

    Example: stakecli decision status 3 accepted --dir examples/conflicting-kpis
    """
    from stakecli.decisions import lifecycle
    from stakecli.decisions.model import Status

    changes = lifecycle.set_status(folder, number, Status(new.value), dt.date.today())
    for c in changes:
        note = f" ({c.note})" if c.note else ""
        sys.stdout.write(f"{c.path}: {c.old} -> {c.new}{note}\n")
    _tell(folder, [c for c in changes if c.old != c.new], config)


def _tell(folder: Path, changes: list[Any], config: Path | None) -> None:
    """Who must hear about each changed decision (RACI C and I, comms audiences)."""
    from stakecli import pipeline
    from stakecli.decisions import lifecycle, log
    from stakecli.decisions.model import Decision

    project = log.folder_for(folder).parent
    report = pipeline.run([project], explicit=config, whole=True)
    workspace = report.workspace_of(changes[0].path) if changes else None
    if workspace is None:
        return
    names = {
        s.id: s.name
        for p in workspace.of_kind("stakeholders")
        for s in getattr(p.model, "stakeholders", [])
    }
    for change in changes:
        parsed = next((p for p in workspace.of_kind("decision") if p.path == change.path), None)
        if parsed is None or not isinstance(parsed.model, Decision):
            continue
        heard = lifecycle.listeners(parsed.model, parsed.path, workspace)
        label = f"decision {change.number} ({change.new})"
        if not heard:
            sys.stdout.write(
                f"who must hear about {label}: nobody recorded (no RACI row, no "
                "consulted or informed, no comms row reaching its deciders)\n"
            )
            continue
        sys.stdout.write(f"who must hear about {label}:\n")
        width = max(len(h.who) for h in heard)
        for h in heard:
            name = f" ({names[h.who]})" if h.who in names else ""
            sys.stdout.write(f"  {h.who:<{width}}  {h.why}{name}\n")


def _names(folder: Path) -> dict[str, str]:
    """Register id -> name for the log's project, or nothing when its register is unreadable."""
    from stakecli import pipeline
    from stakecli.core.errors import StakeError
    from stakecli.stakeholders import registers

    base = folder.parent if folder.name == "decisions" else folder
    try:
        register = pipeline.register(registers.find(base))
    except StakeError:
        return {}
    return {s.id: s.name for s in register.stakeholders}


@group.command("list")
@reports_errors
def list_decisions(
    folder: DirOpt = Path(),
    status_: Annotated[
        list[StatusArg] | None, typer.Option("--status", help="Only this status (repeat: any).")
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option(metavar="TAG", help="Only with this tag (repeat: any).")
    ] = None,
    decider: Annotated[
        str | None, typer.Option(metavar="ID", help="Only decisions this register id decides.")
    ] = None,
    since: Annotated[
        dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Dated on or after.")
    ] = None,
    until: Annotated[
        dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Dated on or before.")
    ] = None,
) -> None:
    """List the decisions of a log: number, status, date, title, deciders, tags.

    Example: stakecli decision list --dir examples/conflicting-kpis --status accepted
    """
    from stakecli.decisions import lifecycle, log

    decisions = lifecycle.load(log.folder_for(folder))
    rows = lifecycle.select(
        [d for _, d in decisions.values()],
        statuses={s.value for s in status_ or ()},
        tags=set(tag or ()),
        decider=decider,
        since=since.date() if since else None,
        until=until.date() if until else None,
    )
    _print_decisions(rows, _names(folder))
    sys.stderr.write(f"{len(rows)} of {len(decisions)} decisions\n")


def _print_decisions(rows: list[Any], who: dict[str, str]) -> None:
    """One line per decision: number, status, date, title, deciders by name, tags."""
    from stakecli.cli import tables
    from stakecli.cli._app import console

    cols = [
        tables.Col("no.", fixed=True),
        tables.Col("status", fixed=True),
        tables.Col("date", fixed=True, priority=2),
        tables.Col("decision", minimum=24),
        tables.Col("decided by", minimum=14, priority=1),
        tables.Col("tags", minimum=8, priority=3),
    ]
    lines = [
        [
            f"{d.number:04d}",
            d.status.value,
            d.date.isoformat(),
            d.title,
            ", ".join(who.get(p, p) for p in d.deciders) or "-",
            ", ".join(d.tags),
        ]
        for d in rows
    ]
    out = console()
    header, body = tables.plain(cols, lines, out.width)
    out.file.write("".join(f"{line}\n" for line in [header, *body]))
    tables.note(out, tables.dropped(cols, lines, out.width, gap=2), hint="")
