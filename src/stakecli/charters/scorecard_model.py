"""Shared scorecards: conjunctive gates and weighted composites (docs/methods.md §7, §7.1)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from stakecli.core.findings import Loc
from stakecli.core.model import Id, Model, Text

Comparator = Literal[">=", ">", "<=", "<"]
Number = Annotated[float, Field(allow_inf_nan=False)]
"""A finite number: NaN or infinity cannot be compared or normalised meaningfully."""
Polarity = Literal["higher-is-better", "lower-is-better"]


class Reading(Model):
    """A measured value and the day it was measured."""

    value: Number
    as_of: date


class Metric(Model):
    """One measure with its owner, unit and current reading.

    A gate metric has a comparator and threshold; a composite one has a weight and the min-max
    range it is normalised over. Mixing the two is reported, never guessed.
    """

    id: Id
    name: Text
    owner: Id = Field(description="Register id of the data owner.")
    unit: Text = Field(description="'%', 'ms', 'EUR'... shown with every value.")
    polarity: Polarity | None = Field(
        None, description="Default for gates: from the comparator (>= and > mean higher)."
    )
    comparator: Comparator | None = None
    threshold: Number | None = None
    amber: Number | None = Field(
        None, description="Gate: the far edge of the amber band, on the failing side."
    )
    weight: float | None = Field(None, ge=0, le=1, description="Composite: weight in [0, 1].")
    min: Number | None = Field(None, description="Composite: value that normalises to 0 (or 1).")
    max: Number | None = Field(None, description="Composite: value that normalises to 1 (or 0).")
    current: Reading | None = None


class Scorecard(Model):
    """A named success definition: a conjunctive `gate` or a weighted `composite`."""

    id: Id
    name: Text
    type: Literal["gate", "composite"] = Field(
        description="gate: all metrics must pass (AND); composite: weighted min-max sum."
    )
    description: Text | None = None
    as_of: date | None = Field(
        None, description="Evaluation date (a review); staleness is measured from it, else today."
    )
    threshold: float | None = Field(None, ge=0, le=1, description="Composite: pass at or above.")
    amber: float | None = Field(None, ge=0, le=1, description="Composite: amber at or above.")
    metrics: list[Metric] = Field(min_length=1)


class ScorecardFile(Model):
    """A `scorecard.yaml` file: scorecards that live outside a charter."""

    kind: Literal["scorecard"]
    version: Literal[1]
    title: Text | None = None
    scorecards: list[Scorecard] = Field(min_length=1)

    def references(self) -> Iterator[tuple[Loc, str]]:
        """The data owners' register ids."""
        yield from metric_owners(self.scorecards, ("scorecards",))


def metric_owners(scorecards: list[Scorecard], at: Loc) -> Iterator[tuple[Loc, str]]:
    """(loc, owner id) of every metric of `scorecards` found at `at`."""
    for s, card in enumerate(scorecards):
        for m, metric in enumerate(card.metrics):
            yield (*at, s, "metrics", m, "owner"), metric.owner
