"""The "who haven't we talked to" report, and the journey-map document."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rendering import Safe
from stakecli.engagement import cadence
from stakecli.engagement.model import FollowUp, Journey, Stage
from stakecli.engagement.rules import channels, latest_moods, logged, projects
from stakecli.stakeholders import scope
from stakecli.stakeholders.people import register


@dataclass(frozen=True, slots=True)
class OpenFollowUp:
    """A follow-up not yet done, with where it was promised."""

    follow_up: FollowUp
    promised_on: dt.date
    overdue_days: int


@dataclass(frozen=True, slots=True)
class ContactReport:
    """Everything the terminal, JSON and Markdown views of `stakecli engagement` show."""

    folder: Path
    as_of: dt.date
    contacts: list[cadence.Contact]
    sentiment: dict[str, tuple[dt.date, str]]
    follow_ups: list[OpenFollowUp]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (stable keys)."""
        names = {c.stakeholder.id: c.stakeholder.name for c in self.contacts}
        return {
            "folder": str(self.folder),
            "as_of": self.as_of.isoformat(),
            "contacts": [self._contact(c) for c in self.contacts],
            "open_follow_ups": [
                {
                    "action": f.follow_up.action,
                    "owner": f.follow_up.owner,
                    "owner_name": names.get(f.follow_up.owner, f.follow_up.owner),
                    "due": f.follow_up.due.isoformat() if f.follow_up.due else None,
                    "promised_on": f.promised_on.isoformat(),
                    "overdue_days": f.overdue_days,
                }
                for f in self.follow_ups
            ],
        }

    def _contact(self, c: cadence.Contact) -> dict[str, Any]:
        s = c.stakeholder
        mood = self.sentiment.get(s.id)
        return {
            "id": s.id,
            "name": s.name,
            "side": s.side.value,
            "hidden": s.hidden,
            "cadence_days": c.cadence.days,
            "cadence_from": c.cadence.source,
            "last_contact": c.last.isoformat() if c.last else None,
            "days_since": c.days_since,
            "due": c.due.isoformat() if c.due else None,
            "overdue": c.overdue,
            "overdue_days": c.overdue_days,
            "never_contacted": c.never,
            "sentiment": mood[1] if mood else None,
        }

    def rows(self) -> list[dict[str, str]]:
        """Display strings per stakeholder, for the table and the Markdown."""
        out = []
        for c in self.contacts:
            state = (
                "never contacted"
                if c.never
                else (f"overdue {c.overdue_days} d" if c.overdue_days else "ok")
            )
            mood = self.sentiment.get(c.stakeholder.id)
            out.append(
                {
                    "id": Safe(c.stakeholder.id),
                    "name": c.stakeholder.name,
                    "state": state,
                    "last": c.last.isoformat() if c.last else "—",
                    "due": c.due.isoformat() if c.due else "now",
                    "cadence": f"{c.cadence.days} d ({c.cadence.source})",
                    "sentiment": mood[1] if mood else "—",
                }
            )
        return out


def contact_report(workspace: Workspace, folder: Path, today: dt.date) -> ContactReport:
    """Who is overdue or never contacted, latest sentiments, open follow-ups."""
    settings = workspace.config.cadence
    cutoff = workspace.config.grid.cutoff
    logs = [f for files in projects(workspace, "interactions").values() for f in files]
    rows = logged(logs)
    people = scope.stakeholders(workspace, folder / "stakeholders.yaml")
    plan = channels(workspace, folder / "comms.yaml")
    interactions = [r[2] for r in rows]
    states = cadence.contacts(people, interactions, plan, settings, cutoff, today)
    moods = {k: (d, m.value) for k, (d, m) in latest_moods(interactions).items()}
    open_items = [
        OpenFollowUp(f, item.date, cadence.follow_up_overdue(f, today))
        for item in interactions
        for f in item.follow_ups
        if f.done_on is None
    ]
    open_items.sort(key=lambda o: (-o.overdue_days, o.follow_up.due or dt.date.max))
    return ContactReport(folder, today, states, moods, open_items)


_JOURNEY_UNSAFE = re.compile(r"[:;#,%{}\[\]<>`\\\"]+")


def journey_text(value: str) -> Safe:
    """Text for a Mermaid `journey` line.

    `:` separates the score, `,` the actors, `#` and `;` start comments or entities: each run
    of them becomes one space.
    """
    return Safe(" ".join(_JOURNEY_UNSAFE.sub(" ", value).split()) or "-")


def _journey(parsed: Parsed) -> Journey:
    assert isinstance(parsed.model, Journey)
    return parsed.model


def journey_document(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """The journey map: a Mermaid `journey` diagram and the stage-by-stage table."""
    journey = _journey(parsed)
    people = register(workspace, parsed.path)

    def name(ident: str) -> str:
        return people[ident].name if ident in people else ident

    hidden = {i for i, p in people.items() if p.hidden}
    return {
        "title": journey.title or f"Journey: {journey.scenario}",
        "diagram_title": journey_text(journey.title or journey.scenario),
        "actor": journey.actor,
        "scenario": journey.scenario,
        "expectations": journey.expectations,
        "stages": [_stage(stage, journey, name, hidden) for stage in journey.stages],
    }


def _stage(
    stage: Stage, journey: Journey, name: Callable[[str], str], hidden: set[str]
) -> dict[str, Any]:
    """One stage: its diagram tasks, and its touchpoints and backstage work for the table."""

    def named(ident: str) -> str:
        return name(ident) + (" (hidden)" if ident in hidden else "")

    return {
        "id": Safe(stage.id),
        "name": stage.name,
        "section": journey_text(stage.name),
        "emotion": stage.emotion,
        "tasks": _tasks(stage, journey, name),
        "actions": stage.actions,
        "touchpoints": [
            {
                "name": t.name,
                "channel": t.channel,
                "owner": name(t.owner) if t.owner else None,
                "people": [named(p) for p in t.people],
            }
            for t in stage.touchpoints
        ],
        "backstage": [{"actor": named(b.actor), "action": b.action} for b in stage.backstage],
        "thoughts": stage.thoughts,
        "opportunities": stage.opportunities,
    }


def _tasks(stage: Stage, journey: Journey, name: Callable[[str], str]) -> list[dict[str, Any]]:
    """The stage's tasks in the diagram: its touchpoints and backstage work, or the stage."""
    score = stage.emotion or NEUTRAL
    tasks = [
        {
            "name": journey_text(t.name),
            "score": t.score or score,
            "actors": Safe(", ".join(journey_text(name(p)) for p in t.people))
            or journey_text(journey.actor),
        }
        for t in stage.touchpoints
    ]
    tasks += [
        {"name": journey_text(b.action), "score": score, "actors": journey_text(name(b.actor))}
        for b in stage.backstage
    ]
    if tasks:
        return tasks
    return [
        {"name": journey_text(stage.name), "score": score, "actors": journey_text(journey.actor)}
    ]


NEUTRAL = 3
"""[D] The score of a task whose touchpoint and stage give none: Mermaid's neutral face."""

SPECS = [DocumentSpec("journey-map", "journey", "journey-map.md.j2", "internal", journey_document)]
"""The engagement documents (see docs/engagement.md)."""
