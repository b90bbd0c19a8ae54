"""Resolving register ids to what documents show about people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stakecli.core.project import Workspace
from stakecli.stakeholders.model import Stakeholder


def register(workspace: Workspace, near: Path | None = None) -> dict[str, Stakeholder]:
    """The stakeholders that belong with the file at `near`, by id (first one wins).

    An external workspace has no confidential entries. See `analysis.comms.stakeholders`.
    """
    from stakecli.stakeholders.scope import stakeholders

    found: dict[str, Stakeholder] = {}
    for person in stakeholders(workspace, near):
        found.setdefault(person.id, person)
    return found


def person(ident: str, people: dict[str, Stakeholder]) -> dict[str, Any]:
    """`{"id", "name", "role"}` for a register id; an unknown id shows as itself."""
    found = people.get(ident)
    if found is None:
        return {"id": ident, "name": ident, "role": None}
    return {"id": ident, "name": found.name, "role": found.role}


def persons(
    ids: list[str], people: dict[str, Stakeholder], *, external: bool
) -> list[dict[str, Any]]:
    """People for a list of ids; for an external audience only those in the register.

    An id that an external workspace cannot resolve belongs to a confidential entry (or to
    no register at all), so it is left out rather than shown.
    """
    return [person(i, people) for i in ids if not external or i in people]


def audience(
    entries: list[str], people: dict[str, Stakeholder], *, external: bool = False
) -> list[dict[str, Any]]:
    """Audience entries (register ids or tags) with the people each stands for."""
    out = []
    for entry in entries:
        if entry in people:
            out.append({"label": people[entry].name, "tag": False, "members": [entry]})
            continue
        members = sorted(i for i, p in people.items() if entry in p.tags)
        if members or not external:
            noun = "person" if len(members) == 1 else "people"
            label = f"{entry} ({len(members)} {noun})" if members else entry
            out.append({"label": label, "tag": bool(members), "members": members})
    return out
