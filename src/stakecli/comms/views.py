"""Documents from a communication plan: the plan itself and the ceremony agendas."""

from __future__ import annotations

from typing import Any

from stakecli.comms.model import Ceremony, CommsPlan
from stakecli.comms.rules import coverage
from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.stakeholders.attention import Settings, assess
from stakecli.stakeholders.people import audience, person, register
from stakecli.stakeholders.scope import stakeholders

CEREMONY_LABELS = {
    "qbr": "Quarterly business review",
    "initiative-review": "Quarterly initiative review",
    "release-review": "Release review",
    "other": "Recurring meeting",
}


def _plan(parsed: Parsed) -> CommsPlan:
    assert isinstance(parsed.model, CommsPlan)
    return parsed.model


def plan(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """Rows, ceremonies, escalation path and the coverage of key stakeholders."""
    p = _plan(parsed)
    people = register(workspace, parsed.path)
    rows = [
        {
            **row.model_dump(exclude={"notes", "audience", "owner", "approver"}),
            "audience": audience(row.audience, people),
            "owner": person(row.owner, people),
            "approver": person(row.approver, people) if row.approver else None,
            "frequency": row.frequency.value,
        }
        for row in p.communications
    ]
    settings = Settings.from_config(workspace.config)
    asks = workspace.config.cadence.strategy_days
    named = {row.id: f"{row.channel} ({row.frequency.value})" for row in p.communications}
    named |= {c.id: c.name for c in p.ceremonies}
    return {
        "plan": p,
        "title": p.title or "Communication plan",
        "communications": rows,
        "ceremonies": [_ceremony(c, people) for c in p.ceremonies],
        "escalation": _escalation(p, people),
        "coverage": [
            {
                "who": person(c.stakeholder.id, people),
                "reached_by": [named.get(r, r) for r in c.reached_by],
                "cadence_days": asks.of(assess(c.stakeholder, settings).strategy.value),
            }
            for c in coverage(p, stakeholders(workspace, parsed.path), settings)
        ],
        "cutoff": settings.cutoff,
        "threshold": settings.threshold,
        "updates": p.updates,
    }


def _escalation(p: CommsPlan, people: dict[str, Any]) -> list[dict[str, Any]]:
    steps = sorted(p.escalation, key=lambda e: e.level)
    return [
        {
            "level": e.level,
            "contact": person(e.contact, people),
            "within": e.within,
            "node": f"level{i}",
            "after": f"level{i - 1}" if i else "issue",
        }
        for i, e in enumerate(steps)
    ]


def _ceremony(c: Ceremony, people: dict[str, Any]) -> dict[str, Any]:
    start = 0
    items = []
    for item in c.agenda:
        end = start + item.minutes if item.minutes else None
        items.append(
            {
                "topic": item.topic,
                "owner": person(item.owner, people) if item.owner else None,
                "minutes": item.minutes,
                "slot": f"{_clock(start)}-{_clock(end)}" if end is not None else None,
            }
        )
        start = end if end is not None else start
    return {
        "id": c.id,
        "name": c.name,
        "type": CEREMONY_LABELS[c.type.value],
        "frequency": c.frequency.value,
        "owner": person(c.owner, people),
        "audience": audience(c.audience, people),
        "purpose": c.purpose,
        "inputs": c.inputs,
        "agenda": items,
        "total_minutes": sum(i.minutes or 0 for i in c.agenda),
        "outputs": c.outputs,
    }


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def agendas(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """The agenda of every recurring ceremony in the plan."""
    p = _plan(parsed)
    people = register(workspace, parsed.path)
    return {
        "title": p.title or "Communication plan",
        "ceremonies": [_ceremony(c, people) for c in p.ceremonies],
    }


SPECS = [
    DocumentSpec("comms-plan", "comms", "comms-plan.md.j2", "internal", plan),
    DocumentSpec("ceremony-agenda", "comms", "ceremony-agenda.md.j2", "internal", agendas),
]
"""The communication-plan documents (see docs/documents.md)."""
