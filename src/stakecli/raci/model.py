"""Responsibility assignment matrices: RACI and its variants (docs/methods.md §5)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator

from stakecli.core.findings import Loc
from stakecli.core.model import Id, Model, Text, one_or_many

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
    roles: dict[Id, list[Id]] = Field(
        default={},
        description="Named roles -> the register id (or list of ids) holding them; [] for a "
        "role nobody holds yet (a matrix drawn before the register).",
        json_schema_extra=one_or_many,
    )
    participants: list[Id] = Field(
        default=[], description="Column order (ids or role names); default: order of first use."
    )
    rows: list[Row] = []

    @field_validator("roles", mode="before")
    @classmethod
    def _one_holder_is_a_list(cls, value: Any) -> Any:
        """`role: id` is short for `role: [id]`."""
        if isinstance(value, dict):
            return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
        return value

    def columns(self) -> list[str]:
        """The participants in column order: those listed first, then by first use."""
        seen = dict.fromkeys(self.participants)
        for row in self.rows:
            seen.update(dict.fromkeys(row.assign))
        return list(seen)

    def people(self, participant: str) -> list[str]:
        """The register ids behind a participant (a role name maps to its holders)."""
        return list(self.roles.get(participant, [participant]))

    def references(self) -> Iterator[tuple[Loc, str]]:
        """Every register id this file uses, with where it is used."""
        for role, held in self.roles.items():
            yield from ((("roles", role, i), who) for i, who in enumerate(held))
        for i, name in enumerate(self.participants):
            if name not in self.roles:
                yield ("participants", i), name
        for r, row in enumerate(self.rows):
            for name in row.assign:
                if name not in self.roles:
                    yield ("rows", r, "assign", name), name
