"""A review file (`reviews/2026-q3-qbr.yaml`): one occurrence of a ceremony and its numbers.

docs/methods.md §12.5 (customer QBR, quarterly initiative review, release review and
feature success metrics). The ceremony itself (audience, owner, agenda, frequency) stays in the
comms plan; the review names it by id and carries what that meeting reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Literal

from pydantic import Field

from stakecli.core.findings import Loc
from stakecli.core.model import Id, Model, Text, confidential


class Figure(Model):
    """One dated value."""

    on: dt.date
    value: float


class Category(StrEnum):
    """What a metric measures."""

    REVENUE = "revenue"
    CHURN = "churn"
    COSTS = "costs"
    USAGE = "usage"
    SATISFACTION = "satisfaction"
    OTHER = "other"


class Metric(Model):
    """A metric the review reports: dated values against an agreed outcome."""

    id: Id
    name: Text
    category: Category = Category.OTHER
    unit: Text | None = None
    goal: Id | None = Field(None, description="The `goals` id of the outcome it measures.")
    target: float | None = None
    values: list[Figure] = Field(min_length=1, description="Dated values, any order.")

    @property
    def latest(self) -> Figure:
        """The most recent value."""
        return max(self.values, key=lambda v: v.on)


class Status(StrEnum):
    """Where an outcome or initiative stands (docs/methods.md §12.5)."""

    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"
    DONE = "done"
    STOPPED = "stopped"


class Goal(Model):
    """An outcome agreed with the customer or the board."""

    id: Id
    outcome: Text
    target: Text
    actual: Text | None = None
    status: Status | None = None


class Ask(Model):
    """One explicit ask (or commitment) with an owner."""

    text: Text
    owner: Id
    due: dt.date | None = None


class KeyResult(Model):
    """A key result of an initiative's objective."""

    name: Text
    unit: Text | None = None
    baseline: float | None = None
    target: float
    actual: float | None = None


class Initiative(Model):
    """One initiative of a quarterly initiative review (GDS-style mission, OKRs)."""

    id: Id
    objective: Text = Field(description="The goal.")
    bet: Text = Field(description="The hypothesis: what we believe the work will change.")
    owner: Id | None = None
    status: Status
    moscow: Literal["must", "should", "could", "wont"] | None = None
    funding_ask: float | None = Field(None, ge=0, description="What it asks for next quarter.")
    currency: Text | None = None
    key_results: list[KeyResult] = []
    results: Text | None = Field(None, description="What happened this quarter.")
    decision: Literal["continue", "pivot", "stop"] | None = None


class Comparator(StrEnum):
    """How an actual is compared with its target."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"

    def holds(self, actual: float, target: float) -> bool:
        """Whether `actual` meets `target`."""
        return {
            ">=": actual >= target,
            ">": actual > target,
            "<=": actual <= target,
            "<": actual < target,
        }[self.value]


class SuccessMetric(Model):
    """A feature's success metric: target set before release, actual measured after."""

    metric: Text
    unit: Text | None = None
    baseline: float | None = None
    target: float
    comparator: Comparator = Comparator.GE
    set_on: dt.date = Field(description="When the target was set (before the release).")
    measure_on: dt.date = Field(description="When the actual is due to be measured.")
    actual: float | None = None
    measured_on: dt.date | None = None


class Feature(Model):
    """A feature shipped in the period a release review covers."""

    id: Id
    name: Text
    released_on: dt.date
    owner: Id | None = None
    metric: SuccessMetric | None = None


class Review(Model):
    """A `review` file: one meeting of a comms-plan ceremony, with its data."""

    kind: Literal["review"]
    version: Literal[1]
    ceremony: Id = Field(description="The id of the ceremony in the comms plan.")
    date: dt.date
    period: Text | None = Field(None, description="What it covers, e.g. 2026-Q3.")
    account: Id | None = Field(None, description="Register id of the customer (QBR).")
    outcomes_agreed_on: dt.date | None = Field(
        None, description="When the goals below were agreed."
    )
    changes_since_agreed: Text | None = Field(
        None, description="The answer to: has anything changed since we agreed these outcomes?"
    )
    goals: list[Goal] = []
    metrics: list[Metric] = []
    initiatives: list[Initiative] = []
    features: list[Feature] = []
    risks: list[Text] = []
    asks: list[Ask] = []
    commitments: list[Ask] = []
    next_review: dt.date | None = None
    notes: Text | None = confidential(description="Candid notes; internal only.")

    def references(self) -> Iterator[tuple[Loc, str]]:
        """Register ids: the account and every owner."""
        if self.account is not None:
            yield ("account",), self.account
        for section in ("asks", "commitments"):
            for i, item in enumerate(getattr(self, section)):
                yield (section, i, "owner"), item.owner
        for section in ("initiatives", "features"):
            for i, item in enumerate(getattr(self, section)):
                if item.owner is not None:
                    yield (section, i, "owner"), item.owner

    def links(self) -> Iterable[tuple[Loc, str, str]]:
        """The ceremony, in the project's comms plan."""
        return [(("ceremony",), "comms", self.ceremony)]
