"""Checks of interaction logs: follow-ups, contacts, sentiment (docs/methods.md §12.2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from stakecli.core.findings import Finding, info, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.engagement import cadence
from stakecli.engagement.model import Interaction, InteractionLog, Sentiment
from stakecli.stakeholders import scope
from stakecli.stakeholders.grid import Quadrant, quadrant
from stakecli.stakeholders.model import Register

RULES = [
    Rule(
        "interactions.overdue-follow-up",
        "warning",
        "A follow-up is not done and its due date has passed.",
        why="""A promise that slips silently costs more trust than the contact earned; the
        follow-up is outstanding until someone records that it was done.""",
        bad="""
        kind: interactions
        version: 1
        interactions:
          - date: 2025-03-01
            participants: [ann]
            type: meeting
            summary: Kick-off
            follow_ups:
              - {action: Send the plan, owner: ben, due: 2025-03-10}
        """,
        good="""
        kind: interactions
        version: 1
        interactions:
          - date: 2025-03-01
            participants: [ann]
            type: meeting
            summary: Kick-off
            follow_ups:
              - {action: Send the plan, owner: ben, due: 2025-03-10, done_on: 2025-03-09}
        """,
    ),
    Rule(
        "interactions.follow-up-no-due",
        "info",
        "A follow-up has no due date, so it can never be overdue.",
        why="""Without a date nobody can tell whether the promise is late, so it never shows up
        as overdue.""",
        bad="""
        kind: interactions
        version: 1
        interactions:
          - date: 2025-03-01
            participants: [ann]
            type: meeting
            summary: Kick-off
            follow_ups:
              - {action: Send the plan, owner: ben}
        """,
        good="""
        kind: interactions
        version: 1
        interactions:
          - date: 2025-03-01
            participants: [ann]
            type: meeting
            summary: Kick-off
            follow_ups:
              - {action: Send the plan, owner: ben, due: 2025-03-10, done_on: 2025-03-09}
        """,
    ),
    Rule(
        "interactions.overdue-contact",
        "warning",
        "The last contact with a stakeholder is older than their cadence (comms plan, or the "
        "default of their grid strategy).",
        why="""Engagement decays between contacts; the cadence is what the team agreed each
        stakeholder needs (manage closely: every 14 days unless the comms plan says otherwise).""",
        bad="""
        kind: interactions
        version: 1
        interactions:
          - {date: 2025-03-01, participants: [ann], type: call, summary: Check-in}
        """,
        good="""
        # as of 2025-03-20 (`--today 2025-03-20`): ann was contacted 5 days ago
        kind: interactions
        version: 1
        interactions:
          - {date: 2025-03-15, participants: [ann], type: call, summary: Check-in}
        """,
    ),
    Rule(
        "interactions.never-contacted",
        "warning",
        "No interaction in the project's logs lists the stakeholder as a participant.",
        why="""A stakeholder nobody has talked to is assessed on hearsay; the log should show at
        least one contact with everyone in the register.""",
        bad="""
        kind: interactions
        version: 1
        interactions:
          - {date: 2025-03-01, participants: [ann], type: call, summary: Intro}
        """,
        good="""
        kind: interactions
        version: 1
        interactions:
          - {date: 2025-03-01, participants: [ann, ben, dee, eve, fay, gus, hal, cy],
             type: workshop, summary: Intro}
        """,
    ),
    Rule(
        "interactions.falling-sentiment",
        "warning",
        "A key player's (manage closely) sentiment fell over their last rated contacts.",
        why="""A key player turning negative is the earliest sign of a blocked decision; their
        owner should talk to them before the next milestone.""",
        bad="""
        kind: interactions
        version: 1
        interactions:
          - {date: 2025-03-01, participants: [ann], type: call, summary: Plan, sentiment: positive}
          - {date: 2025-03-08, participants: [ann], type: call, summary: Budget,
             sentiment: negative}
        """,
        good="""
        kind: interactions
        version: 1
        interactions:
          - {date: 2025-03-01, participants: [ann], type: call, summary: Plan, sentiment: neutral}
          - {date: 2025-03-08, participants: [ann], type: call, summary: Budget,
             sentiment: positive}
        """,
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Follow-ups that are overdue or carry no due date."""
    log = parsed.model
    assert isinstance(log, InteractionLog)
    today = cadence.as_of(workspace.config)
    for i, item in enumerate(log.interactions):
        for j, follow in enumerate(item.follow_ups):
            at = ("interactions", i, "follow_ups", j)
            if follow.due is None and follow.done_on is None:
                yield info(
                    "interactions.follow-up-no-due",
                    (*at, "action"),
                    f"follow-up {follow.action!r} ({follow.owner}) has no `due:` date, so it "
                    "can never be overdue; add one",
                )
            late = cadence.follow_up_overdue(follow, today)
            if late:
                yield warning(
                    "interactions.overdue-follow-up",
                    (*at, "due"),
                    f"follow-up {follow.action!r} ({follow.owner}) was due {follow.due}, "
                    f"{late} day{'s' if late != 1 else ''} before {today}; do it or set "
                    "`done_on:`",
                )


def channels(workspace: Workspace, near: Path) -> list[cadence.Channel]:
    """The comms-plan rows and ceremonies of the project of the file at `near`."""
    from stakecli.comms.model import CommsPlan

    found: list[cadence.Channel] = []
    for parsed in scope.files(workspace, "comms", near):
        plan = parsed.model
        assert isinstance(plan, CommsPlan)
        found += [
            cadence.Channel(c.id, tuple(c.audience), c.frequency.value) for c in plan.communications
        ]
        found += [
            cadence.Channel(c.id, tuple(c.audience), c.frequency.value) for c in plan.ceremonies
        ]
    return found


def projects(workspace: Workspace, kind: str) -> dict[Path, list[Parsed]]:
    """The files of `kind`, by the project folder of their register (files without one left out)."""
    found: dict[Path, list[Parsed]] = {}
    for parsed in workspace.of_kind(kind):
        top = scope.root(workspace, parsed.path)
        if top is not None:
            found.setdefault(top.resolve(), []).append(parsed)
    return found


def logged(files: list[Parsed]) -> list[tuple[Parsed, int, Interaction]]:
    """Every interaction of the files, with its file and index, in date order."""
    rows = []
    for parsed in files:
        assert isinstance(parsed.model, InteractionLog)
        rows += [(parsed, i, item) for i, item in enumerate(parsed.model.interactions)]
    return sorted(rows, key=lambda r: r[2].date)


def check_contacts(workspace: Workspace) -> Iterator[Finding]:
    """Per project: stakeholders never contacted or overdue, and key players souring."""
    settings = workspace.config.engagement
    asked = workspace.config.cadence
    cutoff = workspace.config.grid.cutoff
    today = cadence.as_of(workspace.config)
    for top, logs in sorted(projects(workspace, "interactions").items()):
        rows = logged(logs)
        interactions = [r[2] for r in rows]
        plan = channels(workspace, logs[0].path)
        for register in scope.files(workspace, "stakeholders", logs[0].path):
            if top not in register.path.resolve().parents:
                continue
            assert isinstance(register.model, Register)
            for i, person in enumerate(register.model.stakeholders):
                state = cadence.contacts([person], interactions, plan, asked, cutoff, today)[0]
                finding = _contact_finding(state, ("stakeholders", i, "id"))
                if finding is not None:
                    yield replace(finding, path=str(register.path))
                if quadrant(person.power, person.interest, cutoff) is Quadrant.KEY_PLAYERS:
                    yield from _falling(person.id, rows, settings.sentiment_window)


def _contact_finding(state: cadence.Contact, loc: tuple[str, int, str]) -> Finding | None:
    person = state.stakeholder
    why = state.cadence.source.replace("strategy:", "strategy ").replace("comms:", "comms row ")
    if state.never:
        return warning(
            "interactions.never-contacted",
            loc,
            f"{person.id!r} ({person.name}) is in no interaction of the logs; cadence "
            f"{state.cadence.days} days ({why}); log the first contact",
        )
    if state.overdue_days:
        return warning(
            "interactions.overdue-contact",
            loc,
            f"{person.id!r} ({person.name}) was last contacted on {state.last}, "
            f"{state.days_since} days before {state.as_of}; cadence {state.cadence.days} days "
            f"({why}): overdue by {state.overdue_days} day{'s' if state.overdue_days != 1 else ''}",
        )
    return None


def _falling(
    ident: str, rows: list[tuple[Parsed, int, Interaction]], window: int
) -> Iterator[Finding]:
    rated = [(p, i, item) for p, i, item in rows if ident in item.participants and item.mood]
    moods: list[Sentiment] = [item.mood for _, _, item in rated if item.mood is not None]
    if not cadence.is_falling(moods, window):
        return
    parsed, i, latest = rated[-1]
    first = rated[-min(window, len(rated))][2]
    assert first.mood is not None
    assert latest.mood is not None
    yield replace(
        warning(
            "interactions.falling-sentiment",
            ("interactions", i, "sentiment"),
            f"key player {ident!r} went from {first.mood.value} ({first.date}) to "
            f"{latest.mood.value} ({latest.date}); plan a conversation with their owner",
        ),
        path=str(parsed.path),
    )


def latest_moods(rows: list[Interaction]) -> dict[str, tuple[dt.date, Sentiment]]:
    """Each participant's latest rated sentiment."""
    found: dict[str, tuple[dt.date, Sentiment]] = {}
    for item in sorted(rows, key=lambda r: r.date):
        if item.mood is not None:
            for person in item.participants:
                found[person] = (item.date, item.mood)
    return found
