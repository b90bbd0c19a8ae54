"""Structural rules of a stakeholder register that the schema alone cannot express."""

from __future__ import annotations

from collections.abc import Iterator

from stakecli.core.findings import Finding, error
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.stakeholders.model import Register

RULES = [
    Rule(
        "stakeholders.duplicate-id",
        "error",
        "Two stakeholders in one register share an id.",
        why="""RACI matrices, plans and decisions name stakeholders by id; with two entries
        under one id nobody can tell which person they mean.""",
        bad="""
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: dee, name: Dee Moss, side: internal, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
          - {id: dee, name: Dee Marsh, side: external, power: 3, legitimacy: 2, urgency: 2,
             interest: 2}
        """,
        good="""
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: dee, name: Dee Moss, side: internal, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
          - {id: dee-marsh, name: Dee Marsh, side: external, power: 3, legitimacy: 2, urgency: 2,
             interest: 2}
        """,
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Ids are unique within the register."""
    register = parsed.model
    assert isinstance(register, Register)
    seen: dict[str, int] = {}
    for i, person in enumerate(register.stakeholders):
        if person.id in seen:
            yield error(
                "stakeholders.duplicate-id",
                ("stakeholders", i, "id"),
                f"id {person.id!r} is already used by stakeholders[{seen[person.id]}]; "
                "give each stakeholder its own id",
            )
        else:
            seen[person.id] = i
