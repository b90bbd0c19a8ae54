"""The ceremonies and comms cadences of a plan as iCalendar (RFC 5545; docs/methods.md §12.6).

`entries()` computes everything (start, recurrence, UID, description, next date); `to_ics()`
only writes it, with the `icalendar` library (imported there, so nothing else pays for it).
UIDs are stable, `<row id>@<project>.stakecli`, so a re-import updates events instead of
duplicating them; DTSTAMP is fixed to the series start so the file is byte-stable.
"""

from __future__ import annotations

import calendar as month_lengths
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stakecli.comms.model import Ceremony, CommsPlan, Communication
from stakecli.stakeholders.model import Stakeholder

if TYPE_CHECKING:
    from stakecli.core.project import Workspace

RRULES: dict[str, dict[str, Any]] = {
    "daily": {"freq": "daily"},
    "weekly": {"freq": "weekly"},
    "fortnightly": {"freq": "weekly", "interval": 2},
    "monthly": {"freq": "monthly"},
    "quarterly": {"freq": "monthly", "interval": 3},
    "yearly": {"freq": "yearly"},
}
"""Comms frequencies as RRULE parts; `once` has none and `ad-hoc` is not exported."""
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DEFAULT_MINUTES = 30
"""[D] Length of a timed event whose agenda gives no minutes."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One calendar series."""

    uid: str
    id: str
    summary: str
    description: str
    frequency: str
    start: dt.date
    at: str | None
    minutes: int
    dated: bool
    """False when the plan gives no `starts:` and the series begins on the as-of date."""
    next_on: dt.date | None

    @property
    def rrule(self) -> dict[str, Any] | None:
        """The recurrence rule; weekly ones on the start's weekday."""
        rule = RRULES.get(self.frequency)
        if rule is None:
            return None
        if rule["freq"] == "weekly":
            return {**rule, "byday": WEEKDAYS[self.start.weekday()]}
        return dict(rule)


def slug(name: str) -> str:
    """A project name usable in a UID: lower case, letters, digits and `-`."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "project"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's length (Jan 31 + 1 = Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, month_lengths.monthrange(year, month)[1]))


def occurrence(start: dt.date, frequency: str, k: int) -> dt.date:
    """The k-th occurrence (0 = start)."""
    rule = RRULES[frequency]
    step = k * rule.get("interval", 1)
    if rule["freq"] == "daily":
        return start + dt.timedelta(days=step)
    if rule["freq"] == "weekly":
        return start + dt.timedelta(weeks=step)
    if rule["freq"] == "monthly":
        return add_months(start, step)
    return add_months(start, 12 * step)


def next_on(start: dt.date, frequency: str, today: dt.date) -> dt.date | None:
    """The first occurrence on or after `today` (None: a past one-off, or ad hoc)."""
    if frequency == "once":
        return start if start >= today else None
    if frequency not in RRULES:
        return None
    k = 0
    while (day := occurrence(start, frequency, k)) < today:
        k += 1
    return day


def _names(ids: list[str], people: Mapping[str, Stakeholder]) -> str:
    return ", ".join(people[i].name if i in people else i for i in ids)


def _describe(row: Communication | Ceremony, people: Mapping[str, Stakeholder]) -> str:
    lines = [f"Audience: {_names(row.audience, people)}; owner: {_names([row.owner], people)}"]
    if isinstance(row, Communication):
        lines.append(f"Message: {row.message} ({row.channel})")
        return "\n".join(lines)
    if row.purpose:
        lines.append(f"Purpose: {row.purpose}")
    lines.append("Agenda:")
    start = 0
    for item in row.agenda:
        slot = f"{start // 60}:{start % 60:02d} " if item.minutes else ""
        lead = f" ({_names([item.owner], people)})" if item.owner else ""
        lines.append(f"- {slot}{item.topic}{lead}")
        start += item.minutes or 0
    return "\n".join(lines)


def entries(
    plan: CommsPlan, people: Mapping[str, Stakeholder], project: str, today: dt.date
) -> list[Entry]:
    """Every ceremony, then every recurring communication, as a series (ad hoc ones left out)."""
    rows: list[Communication | Ceremony] = [*plan.ceremonies, *plan.communications]
    found = []
    for row in rows:
        frequency = row.frequency.value
        if frequency == "ad-hoc":
            continue
        start = row.starts or today
        if isinstance(row, Ceremony):
            summary, minutes = row.name, sum(i.minutes or 0 for i in row.agenda)
        else:
            summary, minutes = f"{row.message} ({row.channel})", 0
        found.append(
            Entry(
                uid=f"{row.id}@{slug(project)}.stakecli",
                id=row.id,
                summary=summary,
                description=_describe(row, people),
                frequency=frequency,
                start=start,
                at=row.at,
                minutes=minutes or DEFAULT_MINUTES,
                dated=row.starts is not None,
                next_on=next_on(start, frequency, today),
            )
        )
    return found


def to_ics(series: list[Entry], name: str) -> bytes:
    """An RFC 5545 calendar of the series (CRLF, folded lines, escaped text)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//stakecli//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for entry in series:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", dt.datetime.combine(entry.start, dt.time(), tzinfo=dt.UTC))
        if entry.at is None:
            event.add("dtstart", entry.start)
        else:
            hour, minute = (int(x) for x in entry.at.split(":"))
            begins = dt.datetime.combine(entry.start, dt.time(hour, minute))
            event.add("dtstart", begins)
            event.add("dtend", begins + dt.timedelta(minutes=entry.minutes))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        if entry.rrule is not None:
            event.add("rrule", entry.rrule)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def refuse_overwrite(output: Path | None, force: bool) -> None:
    """Stop with a usage error if `output` exists and `force` does not allow replacing it."""
    from stakecli.core.errors import UsageError

    if output is not None and (output.exists() or output.is_symlink()) and not force:
        raise UsageError(f"{output} already exists; nothing was written (use --force to overwrite)")


def write(
    workspace: Workspace, folder: Path, today: dt.date, output: Path | None = None
) -> tuple[list[Entry], bytes]:
    """The series and iCalendar of every comms plan of the project at `folder`.

    Written to `output` when given; returned either way.

    Raises:
        UsageError: the project has no comms plan.
    """
    from stakecli.core.publishing import write_atomic

    series = project_entries(workspace, folder, today)
    data = to_ics(series, folder.resolve().name)
    if output is not None:
        write_atomic(output, data.decode("utf-8"), force=True)  # refuse_overwrite came first
    return series, data


def project_entries(workspace: Workspace, folder: Path, today: dt.date) -> list[Entry]:
    """The series of every comms plan of the workspace, each with its own register's people."""
    from stakecli.core.errors import UsageError
    from stakecli.stakeholders.people import register

    plans = workspace.of_kind("comms")
    if not plans:
        raise UsageError(f"no comms plan (a YAML file with `kind: comms`) in {folder}")
    series = []
    for parsed in plans:
        assert isinstance(parsed.model, CommsPlan)
        people = register(workspace, parsed.path)
        series += entries(parsed.model, people, folder.resolve().name, today)
    return series


def next_dates(series: list[Entry]) -> list[str]:
    """One line per series: its id, next date, frequency, and whether the start is assumed."""
    lines = []
    for e in series:
        when = e.next_on.isoformat() if e.next_on else "none"
        note = "" if e.dated else " (no `starts:` in the plan; counted from today)"
        lines.append(f"{e.id}: next {when}, {e.frequency}{note}")
    return lines
