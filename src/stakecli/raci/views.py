"""The RACI view: the matrix, the load on each person across the folder, and the findings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from stakecli.core.config import RaciConfig
from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.raci import rules as raci
from stakecli.raci.model import Raci, Row
from stakecli.raci.refs import letters
from stakecli.raci.variants import LEADS, MEANING, ROLE_LETTER, ROLE_ORDER, VARIANTS
from stakecli.stakeholders import scope

IMPLIED = "A/R"
"""How a cell shows an A that also does the work by the project's policy (methods §5.2, R2)."""


def matrix(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """One matrix: columns (with the people behind roles), rows of cells, and its findings."""
    model = parsed.model
    assert isinstance(model, Raci)
    config = workspace.config.raci
    rows = [_row(row, model, model.columns(), config) for row in model.rows]
    return {
        "path": str(parsed.path),
        "title": model.title or parsed.path.stem,
        "variant": model.variant,
        "legend": MEANING[model.variant],
        "columns": _columns(model, scope.names(workspace, parsed.path)),
        "rows": rows,
        "implied": any(r["implied_responsible"] for r in rows),
        "findings": _findings(parsed, model, config),
    }


def _columns(model: Raci, who: dict[str, str]) -> list[dict[str, Any]]:
    """Each participant: a person by name, or a role with the people who hold it."""
    columns = []
    for participant in model.columns():
        role = participant in model.roles
        columns.append(
            {
                "id": participant,
                "label": role_label(participant) if role else who.get(participant, participant),
                "role": role,
                "people": [{"id": p, "name": who.get(p, p)} for p in model.people(participant)],
            }
        )
    return columns


def _findings(parsed: Parsed, model: Raci, config: RaciConfig) -> list[dict[str, Any]]:
    """The matrix's own findings, with the line each is on."""
    findings = []
    for f in raci.findings(model, config):
        pos = parsed.document.position(f.loc, at_key=f.at_key)
        findings.append(
            {
                "line": pos.line if pos else None,
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message,
            }
        )
    return findings


def role_label(role: str) -> str:
    """A role id as words: `executive-sponsor` -> `Executive sponsor`."""
    words = role.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else role


def _row(row: Row, model: Raci, columns: list[str], config: RaciConfig) -> dict[str, Any]:
    implied = raci.implied_responsible(row, VARIANTS[model.variant], config)

    def cell(participant: str) -> str:
        if participant not in row.assign:
            return ""
        return IMPLIED if participant in implied else "".join(letters(row.assign[participant]))

    return {
        "id": row.id,
        "name": row.name,
        "cells": [cell(c) for c in columns],
        "implied_responsible": implied,
    }


def load(workspace: Workspace, near: Path | None = None) -> dict[str, Any]:
    """The roles each person holds across the RACI files of a project, counted by meaning.

    One column per meaning (variants.ROLE_ORDER): a column adds up across variants only where
    the letter means the same (Responsible, Accountable, Consulted in RACI, RASCI and RACI-VS;
    Informed there and in DACI). People with the most rows where they do the work or own the
    outcome (variants.LEADS) come first. With `near`, the project is the folder of that file
    (stakeholders.scope); without, the run.
    """
    models = [p.model for p in scope.files(workspace, "raci", near) if isinstance(p.model, Raci)]
    counts = raci.load(models, workspace.config.raci)
    used = {k for c in counts.values() for k in c}
    roles = [role for role in ROLE_ORDER if role in used]
    variants = {m.variant for m in models}
    columns = [
        {
            "id": role.lower(),
            "letter": ROLE_LETTER[role],
            "role": role,
            "variants": sorted(v for v in variants if role in MEANING[v].values()),
        }
        for role in roles
    ]
    who = scope.names(workspace, near)

    def leads(held: Counter[str]) -> int:
        return sum(n for role, n in held.items() if role in LEADS)

    people = [
        {
            "id": person,
            "name": who.get(person, person),
            "counts": {role.lower(): held.get(role, 0) for role in roles},
            "total": sum(held.values()),
        }
        for person, held in sorted(counts.items(), key=lambda i: (-leads(i[1]), i[0]))
    ]
    return {"columns": columns, "people": people, "files": len(models)}


def chart(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """Context of the `raci-chart` document."""
    return {"matrix": matrix(parsed, workspace), "load": load(workspace, parsed.path)}


SPECS = [DocumentSpec("raci-chart", "raci", "raci-chart.md.j2", "internal", chart)]
"""The RACI documents (see docs/agreements.md)."""
