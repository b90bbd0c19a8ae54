"""What changed in a register between two revisions (docs/methods.md §1.4: salience is dynamic).

A transition is simply the class at the later revision differing from the class at the
earlier one; quadrant moves and engagement changes are found the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from stakecli.stakeholders.attention import Assessment


@dataclass(frozen=True, slots=True)
class Move:
    """One stakeholder's value of one aspect, before and after."""

    id: str
    name: str
    before: str
    after: str

    def as_dict(self) -> dict[str, str]:
        """JSON form."""
        return {"id": self.id, "name": self.name, "from": self.before, "to": self.after}


@dataclass(frozen=True, slots=True)
class Entry:
    """A stakeholder added or removed."""

    id: str
    name: str
    cls: str
    quadrant: str

    def as_dict(self) -> dict[str, str]:
        """JSON form."""
        return {"id": self.id, "name": self.name, "class": self.cls, "quadrant": self.quadrant}


@dataclass(frozen=True, slots=True)
class Changes:
    """Everything that differs, each list in id order."""

    added: list[Entry] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    classes: list[Move] = field(default_factory=list)
    quadrants: list[Move] = field(default_factory=list)
    engagement: list[Move] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing changed that the analysis shows."""
        return not (self.added or self.removed or self.classes or self.quadrants or self.engagement)

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "added": [e.as_dict() for e in self.added],
            "removed": [e.as_dict() for e in self.removed],
            "class_transitions": [m.as_dict() for m in self.classes],
            "quadrant_moves": [m.as_dict() for m in self.quadrants],
            "engagement_changes": [m.as_dict() for m in self.engagement],
        }


def _entry(a: Assessment) -> Entry:
    return Entry(a.id, a.stakeholder.name, a.cls.value, a.quadrant.value)


def engagement_state(a: Assessment) -> str:
    """`neutral (desired supportive, gap +1)`, or `not assessed`."""
    if a.current is None or a.desired is None:
        return "not assessed"
    gap = f"{a.gap:+d}" if a.gap else "0"
    return f"{a.current.value} (desired {a.desired.value}, gap {gap})"


def compare(before: Sequence[Assessment], after: Sequence[Assessment]) -> Changes:
    """The differences between two assessed versions of a register, matched by id."""
    old = {a.id: a for a in before}
    new = {a.id: a for a in after}
    changes = Changes(
        added=[_entry(new[i]) for i in sorted(new.keys() - old.keys())],
        removed=[_entry(old[i]) for i in sorted(old.keys() - new.keys())],
    )
    for i in sorted(old.keys() & new.keys()):
        a, b = old[i], new[i]
        name = b.stakeholder.name
        if a.cls is not b.cls:
            changes.classes.append(Move(i, name, a.cls.value, b.cls.value))
        if a.quadrant is not b.quadrant:
            changes.quadrants.append(Move(i, name, a.quadrant.value, b.quadrant.value))
        if engagement_state(a) != engagement_state(b):
            changes.engagement.append(Move(i, name, engagement_state(a), engagement_state(b)))
    return changes
