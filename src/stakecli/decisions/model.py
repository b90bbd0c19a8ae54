"""Decision records (`decisions/NNNN-slug.yaml`): MADR-like memos with a lifecycle (methods §9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema, field_validator

from stakecli.core.findings import Loc
from stakecli.core.model import Id, Model, Text, any_case, confidential, one_or_many

Number = Annotated[
    int, Field(ge=0, le=9999, description="Sequence number, 0-9999 (MADR logs start at 0000).")
]


class Status(StrEnum):
    """Where a decision is in its life (Nygard / MADR statuses)."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"


class DecisionType(StrEnum):
    """Bezos' door test: can the decision be undone cheaply?"""

    ONE_WAY = "one-way"
    TWO_WAY = "two-way"


class Stance(Model):
    """A stakeholder's stated position and the interest underneath it."""

    stakeholder: Id = Field(description="Register id.")
    position: Text = Field(description="What they say they want.")
    interest: Text = Field(description="Why they want it: the need under the position.")


class Option(Model):
    """One considered option with its pros and cons."""

    name: Text
    description: Text | None = None
    pros: list[Text] = Field(default=[], description="Good, because ...")
    cons: list[Text] = Field(default=[], description="Bad, because ...")


class Outcome(Model):
    """The chosen option and why."""

    chosen: Text = Field(description="The name of one of the options.")
    rationale: Text = Field(description="Because ... (completes 'Chosen option: X, because').")


class Consequences(Model):
    """What follows from the decision: good, bad and neutral."""

    good: list[Text] = []
    bad: list[Text] = []
    neutral: list[Text] = []


class Decision(Model):
    """A `decisions/NNNN-slug.yaml` file."""

    kind: Literal["decision"]
    version: Literal[1]
    number: Number
    title: Text
    status: Annotated[
        Status, WithJsonSchema(any_case(Status, ", ".join(s.value for s in Status) + " (any case)"))
    ]
    date: dt.date = Field(description="When the status last changed (YYYY-MM-DD).")
    review_by: dt.date | None = Field(None, description="Revisit the decision by this date.")
    decision_type: DecisionType | None = None
    deciders: list[Id] = Field(default=[], description="Register ids of who decides.")
    consulted: list[Id] = Field(default=[], description="Register ids asked before deciding.")
    informed: list[Id] = Field(default=[], description="Register ids told afterwards.")
    raci: Text | None = Field(
        None, description="The RACI row this decision is: <row-id> or <raci-id>#<row-id>."
    )
    context: Text = Field(description="Context and problem statement.")
    stances: list[Stance] = Field(default=[], description="Positions vs interests.")
    drivers: list[Text] = Field(default=[], description="Decision drivers (forces, concerns).")
    options: list[Option] = []
    outcome: Outcome | None = None
    consequences: Consequences = Consequences()
    tags: list[Text] = Field(default=[], description="Free labels, for `stakecli decision list`.")
    supersedes: list[Number] = Field(default=[], description="Numbers this decision replaces.")
    superseded_by: list[Number] = Field(
        default=[],
        description="The number(s) that replaced this one (a number, or a list when it was split).",
        json_schema_extra=one_or_many,
    )
    amends: list[Number] = Field(
        default=[], description="Numbers this decision changes in part; they stay in force."
    )
    amended_by: list[Number] = Field(
        default=[], description="Numbers that amend this one.", json_schema_extra=one_or_many
    )
    notes: Text | None = confidential(description="Candid notes; internal only.")
    sections: dict[Text, Text] = Field(
        default={},
        description="Sections of an imported record that have no field here, kept verbatim.",
    )

    @field_validator("status", mode="before")
    @classmethod
    def _any_case(cls, value: Any) -> Any:
        """`Accepted` is `accepted` (ADR tools capitalise statuses)."""
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("superseded_by", "amended_by", mode="before")
    @classmethod
    def _one_is_a_list(cls, value: Any) -> Any:
        """`superseded_by: 3` is short for `superseded_by: [3]`."""
        return [value] if isinstance(value, int) and not isinstance(value, bool) else value

    def references(self) -> Iterator[tuple[Loc, str]]:
        """Every register id this decision uses, with where it is used."""
        for field in ("deciders", "consulted", "informed"):
            yield from (((field, i), who) for i, who in enumerate(getattr(self, field)))
        for i, stance in enumerate(self.stances):
            yield ("stances", i, "stakeholder"), stance.stakeholder
