"""The register and the other files a file of a project sees.

`pipeline.run` checks one project at a time (`core.projects`), so a workspace built there
holds one project and every file in it sees the whole workspace. A workspace assembled by
hand from several projects' files (a library user, a test) is split by the same rule: a
file's project is the nearest folder at or above its own that holds a register; files with
no register above them see only each other.
"""

from __future__ import annotations

from pathlib import Path

from stakecli.core.project import Parsed, Workspace
from stakecli.stakeholders.model import Register, Stakeholder


def root(workspace: Workspace, near: Path) -> Path | None:
    """The project folder of the file at `near`: the nearest folder holding a register."""
    if workspace.root is not None:
        return workspace.root if workspace.registers else None
    folders = {f.path.resolve().parent for f in workspace.of_kind("stakeholders")}
    for folder in near.resolve().parents:
        if folder in folders:
            return folder
    return None


def files(workspace: Workspace, kind: str, near: Path | None = None) -> list[Parsed]:
    """The parsed files of `kind` in the project of the file at `near` (all, without it)."""
    found = workspace.of_kind(kind)
    if near is None or workspace.root is not None:
        return found
    top = root(workspace, near)
    return [f for f in found if root(workspace, f.path) == top]


def stakeholders(workspace: Workspace, near: Path | None = None) -> list[Stakeholder]:
    """Every stakeholder of the registers of the project of `near`, in order."""
    return [
        s
        for f in files(workspace, "stakeholders", near)
        if isinstance(f.model, Register)
        for s in f.model.stakeholders
    ]


def names(workspace: Workspace, near: Path | None = None) -> dict[str, str]:
    """Register id -> name, for the registers of the project of `near`."""
    found: dict[str, str] = {}
    for person in stakeholders(workspace, near):
        found.setdefault(person.id, person.name)
    return found
