"""`stakecli calendar [PATH]`: the ceremonies and comms cadences as an iCalendar file."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from stakecli.cli._app import ConfigOpt, app, console, reports_errors
from stakecli.cli.engagement import TodayOpt, day


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
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
    today: TodayOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write the comms plan's ceremonies and cadences as iCalendar; show each next date.

    The calendar goes to -o FILE (the next dates to stdout) or to stdout (the next dates
    to stderr). Example: stakecli calendar examples/product-team -o team.ics
    """
    from stakecli import pipeline
    from stakecli.comms import calendar as ics

    pipeline.require_folder(path)
    ics.refuse_overwrite(output, force)
    workspace, as_of = pipeline.project(path, config, day(today))
    series, data = ics.write(workspace, path, as_of, output)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    out = console(stderr=output is None)
    for line in ics.next_dates(series):
        out.print(line, markup=False, highlight=False)
