"""Checks of customer interviews: weekly cadence, people they name (docs/methods.md §12.3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from stakecli.core.findings import Finding, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.engagement import cadence
from stakecli.engagement.model import InterviewLog
from stakecli.engagement.rules import projects
from stakecli.stakeholders import scope

RULES = [
    Rule(
        "interviews.duplicate-id",
        "error",
        "Two interviews of a project share an id.",
        why="""A hidden stakeholder's `discovered.interview` must point at exactly one
        interview; two with one id make the evidence ambiguous.""",
        bad="""
        kind: interviews
        version: 1
        interviews:
          - {id: int-01, date: 2025-03-03, interviewee: cy, interviewers: [ben],
             job: Approving the budget}
          - {id: int-01, date: 2025-03-10, interviewee: cy, interviewers: [ben], job: Renewing}
        """,
        good="""
        kind: interviews
        version: 1
        interviews:
          - {id: int-01, date: 2025-03-03, interviewee: cy, interviewers: [ben],
             job: Approving the budget}
          - {id: int-02, date: 2025-03-10, interviewee: cy, interviewers: [ben], job: Renewing}
        """,
    ),
    Rule(
        "interviews.cadence-gap",
        "warning",
        "A full ISO week passed without a customer interview (the practice: every week).",
        why="""Continuous discovery means weekly touchpoints with customers; a gap lets the
        team's assumptions about them go stale.""",
        bad="""
        kind: interviews
        version: 1
        interviews:
          - {id: int-01, date: 2025-03-03, interviewee: cy, interviewers: [ben],
             job: Approving the budget}
          - {id: int-02, date: 2025-03-17, interviewee: cy, interviewers: [ben], job: Renewing}
        """,
        good="""
        # as of 2025-03-20 (`--today 2025-03-20`): one interview in each full week
        kind: interviews
        version: 1
        interviews:
          - {id: int-01, date: 2025-03-03, interviewee: cy, interviewers: [ben],
             job: Approving the budget}
          - {id: int-02, date: 2025-03-10, interviewee: cy, interviewers: [ben], job: Renewing}
          - {id: int-03, date: 2025-03-17, interviewee: cy, interviewers: [ben], job: Renewing}
        """,
    ),
    Rule(
        "interviews.unregistered-person",
        "warning",
        "Someone an interviewee named matches no register entry: a possible hidden stakeholder.",
        why="""The finance approver or the boss who bought the product decide without ever
        meeting the team; interviews are where they surface, and the register is where they
        belong.""",
        bad="""
        kind: interviews
        version: 1
        interviews:
          - id: int-01
            date: 2025-03-03
            interviewee: cy
            interviewers: [ben]
            job: Approving the budget
            named_people:
              - {name: Dana Reyes, role: Finance approver, relation: decides}
        """,
        good="""
        kind: interviews
        version: 1
        interviews:
          - id: int-01
            date: 2025-03-03
            interviewee: cy
            interviewers: [ben]
            job: Approving the budget
            named_people:
              - {name: Dana Reyes, role: Finance approver, relation: decides, stakeholder: dee}
        """,
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Named people resolve to the register, or are reported as possible hidden stakeholders."""
    log = parsed.model
    assert isinstance(log, InterviewLog)
    people = scope.stakeholders(workspace, parsed.path)
    if not workspace.of_kind("stakeholders"):
        return
    known = {p.id.casefold() for p in people} | {p.name.casefold() for p in people}
    for i, interview in enumerate(log.interviews):
        for loc, named in interview.people():
            if named.stakeholder is None and named.name.casefold() not in known:
                role = f", {named.role}" if named.role else ""
                yield warning(
                    "interviews.unregistered-person",
                    ("interviews", i, *loc, "name"),
                    f"{named.name!r}{role} ({named.relation.value}), named in {interview.id!r}, "
                    "is in no register: a possible hidden stakeholder; register them "
                    f"(hidden: true, discovered.interview: {interview.id}) and set `stakeholder:`",
                )


def check_project(workspace: Workspace) -> Iterator[Finding]:
    """Per project: interview ids are unique and every full ISO week has its interviews."""
    wanted = workspace.config.engagement.interviews_per_week
    today = cadence.as_of(workspace.config)
    for _, files in sorted(projects(workspace, "interviews").items()):
        rows: list[tuple[Parsed, int, dt.date]] = []
        seen: set[str] = set()
        for parsed in files:
            assert isinstance(parsed.model, InterviewLog)
            for i, interview in enumerate(parsed.model.interviews):
                rows.append((parsed, i, interview.date))
                if interview.id in seen:
                    yield replace(
                        error(
                            "interviews.duplicate-id",
                            ("interviews", i, "id"),
                            f"interview id {interview.id!r} is used twice in this project",
                        ),
                        path=str(parsed.path),
                    )
                seen.add(interview.id)
        if wanted and rows:
            yield from _gaps(sorted(rows, key=lambda r: r[2]), wanted, today)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week of `day`."""
    return day - dt.timedelta(days=day.weekday())


def missing_weeks(dates: list[dt.date], wanted: int, today: dt.date) -> list[dt.date]:
    """Mondays of the full ISO weeks with fewer than `wanted` interviews.

    The weeks run from the first interview's to the one before `today`'s (not over yet).
    """
    if not dates:
        return []
    counts: dict[dt.date, int] = {}
    for day in dates:
        counts[week_start(day)] = counts.get(week_start(day), 0) + 1
    monday, last = week_start(min(dates)), week_start(today)
    found = []
    while monday < last:
        if counts.get(monday, 0) < wanted:
            found.append(monday)
        monday += dt.timedelta(days=7)
    return found


def _gaps(
    rows: list[tuple[Parsed, int, dt.date]], wanted: int, today: dt.date
) -> Iterator[Finding]:
    weeks = missing_weeks([r[2] for r in rows], wanted, today)
    runs: list[list[dt.date]] = []
    for monday in weeks:
        if runs and runs[-1][-1] + dt.timedelta(days=7) == monday:
            runs[-1].append(monday)
        else:
            runs.append([monday])
    for run in runs:
        before = [r for r in rows if r[2] < run[0]] or rows[:1]
        parsed, i, _ = before[-1]
        first, last = run[0], run[-1]
        span = (
            _week(first) if len(run) == 1 else f"{len(run)} weeks, {_week(first)} to {_week(last)}"
        )
        yield replace(
            warning(
                "interviews.cadence-gap",
                ("interviews", i, "date"),
                f"no customer interview in {span} ({first} to {last + dt.timedelta(days=6)}); "
                f"the practice is at least {wanted} a week",
            ),
            path=str(parsed.path),
        )


def _week(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"
