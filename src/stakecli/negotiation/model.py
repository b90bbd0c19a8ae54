"""A negotiation plan: parties, alternatives, issues, scores, proposals (docs/methods.md §3-§4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

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
    """The default roles on a negotiating team; a plan adds its own in `roles`."""

    LEAD = "lead"
    ANALYST = "analyst"
    NOTE_TAKER = "note-taker"
    EXECUTIVE_SPONSOR = "executive-sponsor"
    RELATIONSHIP_OWNER = "relationship-owner"
    SUBJECT_EXPERT = "subject-expert"
    APPROVER = "approver"
    OBSERVER = "observer"


class Position(Model):
    """A stated position, with the interests we know lie under it and our own questions."""

    says: Text = Field(description="The position as the party states it.")
    interests: list[Text] = Field(
        default=[], description="Interests we know under it; none: ask the 'why' questions."
    )
    questions: list[Text] = Field(default=[], description="Our own questions about it.")

    def __str__(self) -> str:
        return self.says


class Party(Model):
    """One side of the table. Values are from this party's perspective, in money or points.

    For the other side, everything beyond its stated positions is our estimate, so the
    estimates are confidential just like our own BATNA and reservation value.
    """

    id: Id = Field(description="Register id of the stakeholder (organisation) this party is.")
    us: bool = Field(False, description="True for our side; exactly one party.")
    role: Role | None = Field(None, description="buyer (pays) or seller (receives).")
    positions: list[Text | Position] = Field(
        default=[],
        description="What the party says it wants: text, or {says, interests, questions}.",
    )
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
    tradeable: bool = confidential(
        True, description="False: we do not concede on this issue (a concession is flagged)."
    )


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
    role: Id = Field(description="A default role (TeamRole) or one the plan adds in `roles`.")
    responsibilities: list[Text] = []


class Advocate(Model):
    """Someone on another side who argues for our interests internally."""

    id: Id = Field(description="Register id.")
    party: Id = Field(description="The party whose organisation the advocate belongs to.")
    how: Text | None = confidential(description="How they help; internal only.")


class ValueItem(Model):
    """Circle of Value: an interest, an option that serves it, and why it is legitimate.

    With `options` the item is delivered by every package that picks, on each listed issue,
    one of the listed options; its `value` then counts in those packages' worth to us.
    """

    interest: Text
    option: Text
    legitimacy: Text | None = Field(None, description="Standard or criterion that backs it.")
    value: Money | None = confidential(description="Our estimate of its yearly worth.")
    options: dict[str, list[str]] = Field(
        default={}, description="Issue id -> option ids that deliver it (any one per issue)."
    )


class Offer(Model):
    """One offer at the table (docs/methods.md §4.10): a package, a price, or both."""

    round: int = Field(ge=1, description="Round of the negotiation, from 1.")
    by: Id = Field(description="Party id of the party making the offer.")
    at: date | None = Field(None, description="When the offer was made.")
    package: dict[str, str] = Field(default={}, description="Issue id -> option id.")
    price: Money | None = Field(None, description="Price paid by the buyer to the seller.")
    message: Text | None = Field(None, description="What was said with it.")
    response: Literal["accept", "reject", "counter", "none"] = Field(
        "none", description="How the other side answered."
    )


class Agreement(Model):
    """The package agreed at the end (docs/methods.md §4.11): what the debrief is about."""

    round: int | None = Field(None, ge=1, description="Round in which it was agreed.")
    at: date | None = None
    package: dict[str, str] = Field(default={}, description="Issue id -> option id.")
    price: Money | None = None
    rationale: Text | None = confidential(
        description="Why we agreed: which alternative was most compelling, and why."
    )


class RelationshipItem(Model):
    """A relationship matter, kept apart from the substantive issues (IBR: people vs problem)."""

    concern: Text = Field(description="The relationship matter (trust, tone, cadence...).")
    party: Id | None = Field(None, description="Party id it concerns.")
    actions: list[Text] = Field(default=[], description="How we look after it.")


class Stance(Model):
    """What one of our own signatories needs from a package (which options serve or block)."""

    stakeholder: Id = Field(description="Register id: a definitive or dominant insider.")
    serves: dict[str, list[str]] = Field(
        default={}, description="Issue id -> options that serve their interests."
    )
    blocks: dict[str, list[str]] = Field(
        default={}, description="Issue id -> options they would refuse to sign."
    )
    why: Text | None = confidential(description="The interest behind the stance.")


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
    roles: list[Id] = Field(default=[], description="Team roles beyond the default set.")
    advocates: list[Advocate] = []
    value_beyond_price: list[ValueItem] = []
    units: Literal["money", "score"] | None = Field(
        None,
        description="What alternatives are worth in: money, or package-score points (0-100). "
        "Default: score when no party has a role and nothing carries a price.",
    )
    questions: list[Text] = Field(
        default=[],
        description="Our own 'why' questions for every position whose interest we do not know "
        "({position}, {proposal} are filled in).",
    )
    relationship: list[RelationshipItem] = []
    internal: list[Stance] = confidential(
        [], description="Our signatories' stances: which options serve or block them."
    )
    offers: list[Offer] = []
    agreement: Agreement | None = None

    @property
    def score_only(self) -> bool:
        """True when alternatives are worth package-score points, not money."""
        if self.units is not None:
            return self.units == "score"
        priced = [p.price for p in self.proposals] + [o.price for o in self.offers]
        if self.agreement is not None:
            priced.append(self.agreement.price)
        return (
            bool(self.issues)
            and all(p.role is None for p in self.parties)
            and all(x is None for x in priced)
            and self.deal_value is None
        )

    @property
    def us(self) -> Party | None:
        """Our party (None when the file does not have exactly one)."""
        ours = [p for p in self.parties if p.us]
        return ours[0] if len(ours) == 1 else None

    derived_secrets: ClassVar[str] = "stakecli.negotiation.batna:derived_secrets"
    """Amounts computed from confidential inputs, confidential too (see the leak guard)."""

    def references(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every register id the plan uses, with its loc (for cross-file checks)."""
        for i, party in enumerate(self.parties):
            yield ("parties", i, "id"), party.id
        for i, member in enumerate(self.team):
            yield ("team", i, "id"), member.id
        for i, advocate in enumerate(self.advocates):
            yield ("advocates", i, "id"), advocate.id
        for i, stance in enumerate(self.internal):
            yield ("internal", i, "stakeholder"), stance.stakeholder
