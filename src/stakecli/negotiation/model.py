"""A negotiation plan: parties, alternatives, issues, scores, proposals (docs/methods.md §3-§4)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from stakecli.core.model import Id, Model, Text, confidential

MONEY_LIMIT = 1e15
"""Amounts are bounded (a quadrillion) so that sums stay finite floats in JSON output."""

Money = Annotated[
    float,
    Field(
        allow_inf_nan=False,
        ge=-MONEY_LIMIT,
        le=MONEY_LIMIT,
        description="An amount of money, at most 1e15 either way.",
    ),
]
Probability = Annotated[float, Field(ge=0, le=1, description="A probability, 0 to 1.")]
Score = Annotated[float, Field(ge=0, le=100, description="Normalised score, 0 (worst) to 100.")]
Weight = Annotated[float, Field(ge=0, le=1, description="Issue weight; a party's sum to 1.")]
Points = Annotated[
    float,
    Field(allow_inf_nan=False, ge=-1e9, le=1e9, description="Raw points (Raiffa), +-1e9 at most."),
]


class Role(StrEnum):
    """Which way money flows for a party in a priced deal (docs/methods.md §3.3)."""

    BUYER = "buyer"
    SELLER = "seller"


class Outcome(Model):
    """One branch of an uncertain alternative: `EV = sum p_i (value_i - cost_i)`."""

    name: Text
    probability: Probability
    value: Money = Field(description="Payoff of this outcome, from the party's perspective.")
    cost: Money = Field(0, description="Cost incurred on this branch (fees, migration...).")


class Range(Model):
    """An uncertain value between `low` and `high` (simulated by `stakecli negotiation`)."""

    low: Money
    high: Money
    distribution: Literal["uniform", "triangular"] = "uniform"
    mode: Money | None = Field(None, description="Most likely value (triangular only).")


class Alternative(Model):
    """A way to act without agreement: a certain `value`, `outcomes`, or a `range`."""

    id: Id
    name: Text
    description: Text | None = None
    value: Money | None = None
    outcomes: list[Outcome] | None = None
    range: Range | None = None


class TeamRole(StrEnum):
    """Roles on a negotiating team."""

    LEAD = "lead"
    ANALYST = "analyst"
    NOTE_TAKER = "note-taker"
    EXECUTIVE_SPONSOR = "executive-sponsor"
    RELATIONSHIP_OWNER = "relationship-owner"
    SUBJECT_EXPERT = "subject-expert"
    APPROVER = "approver"
    OBSERVER = "observer"


class Party(Model):
    """One side of the table. Values are from this party's perspective, in money or points.

    For the other side, everything beyond its stated positions is our estimate, so the
    estimates are confidential just like our own BATNA and reservation value.
    """

    id: Id = Field(description="Register id of the stakeholder (organisation) this party is.")
    us: bool = Field(False, description="True for our side; exactly one party.")
    role: Role | None = Field(None, description="buyer (pays) or seller (receives).")
    positions: list[Text] = Field(default=[], description="What the party says it wants.")
    interests: list[Text] = Field(default=[], description="Why: the needs under the positions.")
    criteria: list[Text] = Field(default=[], description="Objective criteria the party cites.")
    alternatives: list[Alternative] = confidential([], description="Alternatives to agreement.")
    aspiration: Money | None = confidential(description="Target price (most ambitious).")
    reservation: Money | None = confidential(
        description="Walk-away price; default: derived from the BATNA's expected value."
    )
    reservation_score: Score | None = confidential(
        description="Least package score (0-100) the party accepts (multi-issue)."
    )
    weights: dict[str, Weight] = confidential({}, description="Issue id -> weight (sum 1).")
    scores: dict[str, dict[str, Score]] = confidential(
        {}, description="Issue id -> option id -> score 0-100 (with `weights`)."
    )
    points: dict[str, dict[str, Points]] = confidential(
        {}, description="Issue id -> option id -> raw points (instead of weights and scores)."
    )
    notes: Text | None = confidential(description="Candid notes; internal only.")


class Option(Model):
    """One possible resolution of an issue."""

    id: Id
    name: Text
    description: Text | None = None


class Issue(Model):
    """Something to agree on, with its discrete options (docs/methods.md §4.1)."""

    id: Id
    name: Text
    description: Text | None = None
    options: list[Option] = Field(min_length=1)


class Proposal(Model):
    """A named package: one option per issue, and/or a price."""

    id: Id
    name: Text
    by: Id | None = Field(None, description="Party id of the proposer.")
    options: dict[str, str] = Field(default={}, description="Issue id -> option id.")
    price: Money | None = Field(None, description="Price paid by the buyer to the seller.")
    rationale: Text | None = None
    share: bool = Field(True, description="False: an internal fallback, never in `proposal`.")


class TeamMember(Model):
    """A member of our negotiating team."""

    id: Id = Field(description="Register id.")
    role: TeamRole
    responsibilities: list[Text] = []


class Advocate(Model):
    """Someone on another side who argues for our interests internally."""

    id: Id = Field(description="Register id.")
    party: Id = Field(description="The party whose organisation the advocate belongs to.")
    how: Text | None = confidential(description="How they help; internal only.")


class ValueItem(Model):
    """Circle of Value: an interest, an option that serves it, and why it is legitimate."""

    interest: Text
    option: Text
    legitimacy: Text | None = Field(None, description="Standard or criterion that backs it.")
    value: Money | None = confidential(description="Our estimate of its yearly worth.")


class Negotiation(Model):
    """A `negotiation.yaml` file."""

    kind: Literal["negotiation"]
    version: Literal[1]
    title: Text
    currency: Text = "USD"
    context: Text | None = None
    deal_value: Money | None = confidential(
        description="Total value a deal creates, to split (transferable utility, methods §3.9)."
    )
    parties: list[Party] = Field(min_length=2)
    disagreement: Literal["reservation", "worst", "zero"] = Field(
        "reservation",
        description="Nash disagreement point: each party's reservation score (0 without one), "
        "its worst package (NegMAS's default), or 0.",
    )
    issues: list[Issue] = []
    proposals: list[Proposal] = []
    team: list[TeamMember] = []
    advocates: list[Advocate] = []
    value_beyond_price: list[ValueItem] = []

    @property
    def us(self) -> Party | None:
        """Our party (None when the file does not have exactly one)."""
        ours = [p for p in self.parties if p.us]
        return ours[0] if len(ours) == 1 else None

    def references(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every register id the plan uses, with its loc (for cross-file checks)."""
        for i, party in enumerate(self.parties):
            yield ("parties", i, "id"), party.id
        for i, member in enumerate(self.team):
            yield ("team", i, "id"), member.id
        for i, advocate in enumerate(self.advocates):
            yield ("advocates", i, "id"), advocate.id
