"""Which files belong together when one run covers several project folders."""

from __future__ import annotations

from pathlib import Path

from stakecli.checks import Workspace
from stakecli.models.stakeholders import Register, Stakeholder


def stakeholders(workspace: Workspace, near: Path | None = None) -> list[Stakeholder]:
    """Every stakeholder of the registers that belong with the file at `near`.

    Those are the registers of the nearest folder, at or above the file's, that holds any
    (so one run over several example folders keeps each plan with its own register);
    without `near`, every register of the run. File and register order.
    """
    registers = [f for f in workspace.of_kind("stakeholders") if isinstance(f.model, Register)]
    if near is not None:
        for folder in near.resolve().parents:
            here = [f for f in registers if f.path.resolve().parent == folder]
            if here:
                registers = here
                break
    return [s for f in registers if isinstance(f.model, Register) for s in f.model.stakeholders]
