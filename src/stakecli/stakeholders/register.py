"""Structural rules of a stakeholder register that the schema alone cannot express."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stakecli.core.findings import Finding, error
from stakecli.core.rules import Rule

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


def check_ids(data: dict[str, Any]) -> Iterator[Finding]:
    """Ids are unique within the register.

    A check of the file's plain data: it runs even when the file fails its schema, so that
    a duplicate id shows up together with the schema errors, not only after they are fixed.
    """
    people = data.get("stakeholders")
    if not isinstance(people, list):
        return
    seen: dict[str, int] = {}
    for i, person in enumerate(people):
        ident = person.get("id") if isinstance(person, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            yield error(
                "stakeholders.duplicate-id",
                ("stakeholders", i, "id"),
                f"id {ident!r} is already used by stakeholders[{seen[ident]}]; "
                "give each stakeholder its own id",
            )
        else:
            seen[ident] = i
