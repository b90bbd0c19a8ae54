"""Which files belong together when one run covers several project folders.

A file's project, for a kind, is the nearest folder at or above its own that holds a file of
that kind anywhere beneath it: a decision in `decisions/` finds the register and the RACI of
its project folder (also registers kept in a subfolder), and one run over several example
folders keeps each project to itself.
"""

from __future__ import annotations

from pathlib import Path

from stakecli.core.project import Parsed, Workspace
from stakecli.stakeholders.model import Register, Stakeholder


def root(workspace: Workspace, kind: str, near: Path) -> Path | None:
    """The project folder of the file at `near` for files of `kind` (None: there is none)."""
    paths = [f.path.resolve() for f in workspace.of_kind(kind)]
    for folder in near.resolve().parents:
        if any(folder in p.parents for p in paths):
            return folder
    return None


def files(workspace: Workspace, kind: str, near: Path | None = None) -> list[Parsed]:
    """The parsed files of `kind` that belong with the file at `near` (all, without it)."""
    found = workspace.of_kind(kind)
    if near is None:
        return found
    top = root(workspace, kind, near)
    return [f for f in found if top is not None and top in f.path.resolve().parents]


def stakeholders(workspace: Workspace, near: Path | None = None) -> list[Stakeholder]:
    """Every stakeholder of the registers that belong with the file at `near`, in order."""
    return [
        s
        for f in files(workspace, "stakeholders", near)
        if isinstance(f.model, Register)
        for s in f.model.stakeholders
    ]


def names(workspace: Workspace, near: Path | None = None) -> dict[str, str]:
    """Register id -> name, for the registers that belong with the file at `near`."""
    found: dict[str, str] = {}
    for person in stakeholders(workspace, near):
        found.setdefault(person.id, person.name)
    return found
