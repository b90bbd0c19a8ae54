"""A register's stakeholders over a range of revisions: class, quadrant, engagement, sentiment.

Each revision is assessed as it was committed (docs/methods.md §1: salience is dynamic), with the
latest sentiment of the interaction logs of that revision (docs/methods.md §12.1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from stakecli.core.rendering import Safe
from stakecli.stakeholders.attention import Assessment
from stakecli.stakeholders.changes import engagement_state


@dataclass(frozen=True, slots=True)
class State:
    """One stakeholder at one revision."""

    cls: str
    quadrant: str
    engagement: str
    sentiment: str

    def as_dict(self) -> dict[str, str]:
        """JSON form."""
        return {
            "class": self.cls,
            "quadrant": self.quadrant,
            "engagement": self.engagement,
            "sentiment": self.sentiment,
        }


ABSENT = State("absent", "absent", "absent", "absent")


@dataclass(frozen=True, slots=True)
class Revision:
    """One revision of the range."""

    commit: str
    date: str
    states: dict[str, State]

    @property
    def short(self) -> str:
        """The abbreviated commit."""
        return self.commit[:7]


@dataclass(frozen=True, slots=True)
class History:
    """Revisions oldest first, and every stakeholder that appears in any of them."""

    revisions: list[Revision]
    names: dict[str, str] = field(default_factory=dict)

    def changes(self) -> list[tuple[Revision, list[str]]]:
        """Per revision after the first, what moved: `Name: class dormant → definitive`."""
        out = []
        for before, after in zip(self.revisions, self.revisions[1:], strict=False):
            moved = []
            for ident, name in self.names.items():
                a, b = before.states.get(ident, ABSENT), after.states.get(ident, ABSENT)
                for aspect in ("cls", "quadrant", "engagement", "sentiment"):
                    old, new = getattr(a, aspect), getattr(b, aspect)
                    if old != new:
                        label = "class" if aspect == "cls" else aspect
                        moved.append(f"{name} {label} {old} → {new}")
            out.append((after, moved))
        return out

    def as_dict(self) -> dict[str, Any]:
        """JSON form: per revision, per stakeholder."""
        return {
            "revisions": [
                {
                    "commit": r.commit,
                    "date": r.date,
                    "stakeholders": {i: s.as_dict() for i, s in sorted(r.states.items())},
                }
                for r in self.revisions
            ]
        }


def state(a: Assessment, sentiment: str | None) -> State:
    """What the history records of one assessment."""
    return State(a.cls.value, a.quadrant.value, engagement_state(a), sentiment or "none")


def build(points: Sequence[tuple[str, str, Sequence[Assessment], dict[str, str]]]) -> History:
    """A history from (commit, date, assessments, sentiment by id) per revision."""
    names: dict[str, str] = {}
    revisions = []
    for commit, date, assessed, moods in points:
        for a in assessed:
            names[a.id] = a.stakeholder.name
        states = {a.id: state(a, moods.get(a.id)) for a in assessed}
        revisions.append(Revision(commit, date, states))
    return History(revisions, dict(sorted(names.items())))


_UNSAFE = re.compile(r"[:;#,%{}\[\]<>`\\\"]+")


def plain(value: str) -> Safe:
    """Text for a Mermaid `timeline` line: separators and comment marks become spaces."""
    return Safe(" ".join(_UNSAFE.sub(" ", value).split()) or "-")


def context(history: History, register: str) -> dict[str, Any]:
    """The context of `stakeholder-history.md.j2`.

    Rows where something changed, and the timeline of the changes.
    """
    rows = []
    previous: dict[str, State] = {}
    for r in history.revisions:
        for ident, s in sorted(r.states.items()):
            if previous.get(ident) != s:
                rows.append(
                    {
                        "revision": Safe(r.short),
                        "date": r.date,
                        "name": history.names[ident],
                        "id": Safe(ident),
                        **s.as_dict(),
                    }
                )
        previous = r.states
    periods = []
    if history.revisions:
        first = history.revisions[0]
        periods.append(
            {
                "label": plain(f"{first.short} {first.date}"),
                "events": [plain(f"{len(first.states)} stakeholders")],
            }
        )
    for r, moved in history.changes():
        periods.append(
            {
                "label": plain(f"{r.short} {r.date}"),
                "events": [plain(m) for m in moved] or [plain("no change")],
            }
        )
    return {"register": register, "rows": rows, "periods": periods}
