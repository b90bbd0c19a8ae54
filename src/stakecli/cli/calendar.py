"""`stakecli calendar [PATH]`: the ceremonies and comms cadences as an iCalendar file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from stakecli.cli._app import ConfigOpt, app, console, fail, reports_errors
from stakecli.cli.engagement import TodayOpt, load


@app.command()
@reports_errors
def calendar(
    path: Annotated[
        Path, typer.Argument(help="The project folder. Default: the current folder.")
    ] = Path(),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="The .ics file to write."),
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --output file.")] = False,
    today: TodayOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write the comms plan's ceremonies and cadences as iCalendar; show each next date.

    The calendar goes to -o FILE (the next dates to stdout) or to stdout (the next dates
    to stderr). Example: stakecli calendar examples/product-team -o team.ics
    """
    from stakecli.comms import calendar as ics
    from stakecli.comms.model import CommsPlan
    from stakecli.core.publishing import write_atomic
    from stakecli.stakeholders.people import register

    if not path.is_dir():
        fail(f"{path} is not a folder; pass the project folder")
    if output is not None and output.exists() and not force:
        fail(f"{output} already exists; nothing was written (use --force to overwrite)")
    workspace, as_of = load(path, config, today)
    plans = workspace.of_kind("comms")
    if not plans:
        fail(f"no comms plan (a YAML file with `kind: comms`) in {path}")
    project = path.resolve().name
    series = []
    for parsed in plans:
        assert isinstance(parsed.model, CommsPlan)
        people = register(workspace, parsed.path)
        series += ics.entries(parsed.model, people, project, as_of)
    data = ics.to_ics(series, project)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data.decode("utf-8"))
    out = console(stderr=output is None)
    for e in series:
        when = e.next_on.isoformat() if e.next_on else "none"
        note = "" if e.dated else " (no `starts:` in the plan; counted from today)"
        out.print(f"{e.id}: next {when}, {e.frequency}{note}", markup=False, highlight=False)
