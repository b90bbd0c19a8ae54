"""The charter: goals, decision rights, escalation, scorecards, cadence (docs/methods.md §6.1)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Literal

from pydantic import Field

from stakecli.charters.scorecard_model import Scorecard, metric_owners
from stakecli.core.findings import Loc
from stakecli.core.model import Id, Model, Text


class Goal(Model):
    """A goal the parties share."""

    id: Id | None = None
    statement: Text
    owners: list[Id] = Field(default=[], description="Register ids who own the goal.")


class Scope(Model):
    """Boundaries: what is in, what is explicitly out."""

    in_: list[Text] = Field(default=[], alias="in")
    out: list[Text] = []


class DecisionRight(Model):
    """Who decides what; points at the RACI row that spells it out."""

    decision: Text
    raci: Text = Field(
        description="`<raci file or id>#<row id>`, or a row id unique across the folder."
    )
    decides: Id = Field(description="Register id of the one who decides (the row's A or D).")


class EscalationLevel(Model):
    """One step of the escalation ladder."""

    level: int = Field(ge=1)
    who: list[Id] = Field(min_length=1, description="Register ids who resolve at this level.")
    time_limit_days: int = Field(ge=1, description="Escalate further if unresolved after this.")
    how: Text | None = None


class Ceremony(Model):
    """A recurring sync: who attends, how often, what is on the agenda, who runs it."""

    id: Id
    name: Text
    audience: list[Id] = Field(min_length=1)
    frequency: Literal["weekly", "fortnightly", "monthly", "quarterly", "yearly", "ad-hoc"]
    owner: Id
    agenda: list[Text] = Field(min_length=1)
    duration_minutes: int | None = Field(None, ge=5)


class Signatory(Model):
    """Someone who signs the charter, and when they did."""

    id: Id
    signed_on: date | None = None


class Charter(Model):
    """A `charter.yaml` file."""

    kind: Literal["charter"]
    version: Literal[1]
    title: Text
    status: Literal["draft", "proposed", "active", "closed"] = "draft"
    purpose: Text | None = None
    goals: list[Goal] = []
    scope: Scope | None = None
    decision_rights: list[DecisionRight] = []
    escalation: list[EscalationLevel] = []
    scorecards: list[Scorecard] = []
    ceremonies: list[Ceremony] = []
    signatories: list[Signatory] = []

    def references(self) -> Iterator[tuple[Loc, str]]:
        """Every register id this charter uses, with where it is used."""
        for g, goal in enumerate(self.goals):
            yield from ((("goals", g, "owners", i), who) for i, who in enumerate(goal.owners))
        for d, right in enumerate(self.decision_rights):
            yield ("decision_rights", d, "decides"), right.decides
        for e, level in enumerate(self.escalation):
            yield from ((("escalation", e, "who", i), who) for i, who in enumerate(level.who))
        yield from metric_owners(self.scorecards, ("scorecards",))
        for c, ceremony in enumerate(self.ceremonies):
            yield ("ceremonies", c, "owner"), ceremony.owner
            yield from (
                (("ceremonies", c, "audience", i), who) for i, who in enumerate(ceremony.audience)
            )
        for s, signatory in enumerate(self.signatories):
            yield ("signatories", s, "id"), signatory.id
