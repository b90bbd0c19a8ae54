"""Responsibility assignment matrices: RACI and its variants (DOMAIN.md 4)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from stakecli.findings import Loc
from stakecli.models._base import Id, Model, Text

Variant = Literal["raci", "rasci", "daci", "rapid", "raci-vs"]

Letters = Annotated[
    str,
    StringConstraints(min_length=1, max_length=12),
    Field(description="The participant's letters in this row, e.g. 'R', 'A' or 'AR'."),
]


class Row(Model):
    """One activity or decision, and who holds which letter in it."""

    id: Id
    name: Text
    assign: dict[Id, Letters] = Field(
        description="Participant (register id or role name) -> letters of the variant."
    )
    notes: Text | None = None


class Raci(Model):
    """A `raci.yaml` file: rows (activities or decisions) against participants."""

    kind: Literal["raci"]
    version: Literal[1]
    id: Id | None = Field(None, description="Name for references: `<id>#<row-id>`.")
    title: Text | None = None
    variant: Variant = Field("raci", description="raci, rasci, daci, rapid or raci-vs.")
    roles: dict[Id, Id | list[Id]] = Field(
        default={}, description="Named roles -> the register id(s) that hold them."
    )
    participants: list[Id] = Field(
        default=[], description="Column order (ids or role names); default: order of first use."
    )
    rows: list[Row] = []

    def columns(self) -> list[str]:
        """The participants in column order: those listed first, then by first use."""
        seen = dict.fromkeys(self.participants)
        for row in self.rows:
            seen.update(dict.fromkeys(row.assign))
        return list(seen)

    def people(self, participant: str) -> list[str]:
        """The register ids behind a participant (a role name maps to its holders)."""
        held = self.roles.get(participant)
        if held is None:
            return [participant]
        return [held] if isinstance(held, str) else list(held)

    def references(self) -> Iterator[tuple[Loc, str]]:
        """Every register id this file uses, with where it is used."""
        for role, held in self.roles.items():
            if isinstance(held, str):
                yield ("roles", role), held
            else:
                yield from ((("roles", role, i), who) for i, who in enumerate(held))
        for i, name in enumerate(self.participants):
            if name not in self.roles:
                yield ("participants", i), name
        for r, row in enumerate(self.rows):
            for name in row.assign:
                if name not in self.roles:
                    yield ("rows", r, "assign", name), name
