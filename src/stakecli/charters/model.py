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
    success_criteria: list[Text] = Field(
        default=[], description="How achieving the goal is measured (PMBOK: success criteria)."
    )


class Scope(Model):
    """Boundaries: what is in, what is explicitly out."""

    description: Text | None = Field(None, description="High-level description of the work.")
    in_: list[Text] = Field(default=[], alias="in")
    out: list[Text] = []
    deliverables: list[Text] = Field(default=[], description="Key deliverables (PMBOK 6).")


class Milestone(Model):
    """One entry of the summary milestone schedule."""

    name: Text
    due: date | None = None


class Funds(Model):
    """An amount of money: the summary budget (PMBOK 5) or preapproved resources (PMBOK 6)."""

    amount: float = Field(ge=0, allow_inf_nan=False)
    currency: Text = "USD"
    notes: Text | None = None


class Manager(Model):
    """The assigned project manager, with their responsibility and authority level."""

    id: Id = Field(description="Register id of the project manager.")
    responsibility: Text | None = None
    authority: Text = Field(description="What they may decide or spend without asking.")


class Sponsor(Model):
    """The sponsor (or other authoriser) and their authority."""

    id: Id = Field(description="Register id of the sponsor.")
    authority: Text = Field(description="What the sponsor authorises.")


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
    goals: list[Goal] = Field(default=[], description="Measurable objectives.")
    requirements: list[Text] = Field(default=[], description="High-level requirements.")
    assumptions: list[Text] = []
    constraints: list[Text] = []
    scope: Scope | None = None
    risks: list[Text] = Field(default=[], description="High-level risks (PMBOK 6: overall).")
    milestones: list[Milestone] = Field(default=[], description="Summary milestone schedule.")
    budget: Funds | None = Field(None, description="Summary budget (PMBOK 5).")
    financial_resources: Funds | None = Field(
        None, description="Preapproved financial resources (PMBOK 6)."
    )
    stakeholders: list[Id] = Field(default=[], description="Key stakeholder list: register ids.")
    approval_requirements: list[Text] = Field(
        default=[], description="What counts as success, who decides it, who signs off."
    )
    exit_criteria: list[Text] = Field(
        default=[], description="Conditions to close or cancel the project or phase."
    )
    manager: Manager | None = None
    sponsor: Sponsor | None = None
    decision_rights: list[DecisionRight] = []
    escalation: list[EscalationLevel] = []
    scorecards: list[Scorecard] = []
    ceremonies: list[Ceremony] = []
    signatories: list[Signatory] = []

    def references(self) -> Iterator[tuple[Loc, str]]:
        """Every register id this charter uses, with where it is used."""
        yield from ((("stakeholders", i), who) for i, who in enumerate(self.stakeholders))
        if self.manager:
            yield ("manager", "id"), self.manager.id
        if self.sponsor:
            yield ("sponsor", "id"), self.sponsor.id
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
