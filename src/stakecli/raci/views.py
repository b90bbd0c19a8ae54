"""The RACI view: the matrix, the load on each person across the folder, and the findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.raci import rules as raci
from stakecli.raci.model import Raci
from stakecli.raci.refs import letters
from stakecli.stakeholders import scope

LETTER_ORDER = "RADCIPSV"
"""Column order of letters in the load table (R and A first)."""
MEANING = {
    "raci": {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"},
    "rasci": {"R": "Responsible", "A": "Accountable", "S": "Support", "C": "Consulted",
              "I": "Informed"},
    "raci-vs": {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed",
                "V": "Verifier", "S": "Signatory"},
    "daci": {"D": "Driver", "A": "Approver", "C": "Contributor", "I": "Informed"},
    "rapid": {"R": "Recommend", "A": "Agree", "P": "Perform", "I": "Input", "D": "Decide"},
}  # fmt: skip


def matrix(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """One matrix: columns (with the people behind roles), rows of cells, and its findings."""
    model = parsed.model
    assert isinstance(model, Raci)
    who = scope.names(workspace, parsed.path)
    columns = []
    for participant in model.columns():
        people = model.people(participant)
        role = participant in model.roles
        label = participant if role else who.get(participant, participant)
        columns.append(
            {
                "id": participant,
                "label": label,
                "role": role,
                "people": [{"id": p, "name": who.get(p, p)} for p in people],
            }
        )
    rows = [
        {
            "id": row.id,
            "name": row.name,
            "cells": [
                "".join(letters(row.assign[c["id"]])) if c["id"] in row.assign else ""
                for c in columns
            ],
        }
        for row in model.rows
    ]
    findings = []
    for f in raci.findings(model, workspace.config.raci):
        pos = parsed.document.position(f.loc, at_key=f.at_key)
        findings.append(
            {
                "line": pos.line if pos else None,
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message,
            }
        )
    return {
        "path": str(parsed.path),
        "title": model.title or parsed.path.stem,
        "variant": model.variant,
        "legend": MEANING[model.variant],
        "columns": columns,
        "rows": rows,
        "findings": findings,
    }


def load(workspace: Workspace, near: Path | None = None) -> dict[str, Any]:
    """Letters held by each person across the RACI files of a project, most R + A first.

    With `near`, the project is the folder of that file (analysis.scope); without, the run.
    """
    models = [p.model for p in scope.files(workspace, "raci", near) if isinstance(p.model, Raci)]
    counts = raci.load(models)
    used = sorted({k for c in counts.values() for k in c}, key=LETTER_ORDER.index)
    who = scope.names(workspace, near)
    people = [
        {
            "id": person,
            "name": who.get(person, person),
            "counts": {letter: held.get(letter, 0) for letter in used},
            "total": sum(held.values()),
        }
        for person, held in sorted(counts.items(), key=lambda i: (-i[1]["R"] - i[1]["A"], i[0]))
    ]
    return {"letters": used, "people": people, "files": len(models)}


def chart(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """Context of the `raci-chart` document."""
    return {"matrix": matrix(parsed, workspace), "load": load(workspace, parsed.path)}


SPECS = [DocumentSpec("raci-chart", "raci", "raci-chart.md.j2", "internal", chart)]
"""The RACI documents (see docs/agreements.md)."""
