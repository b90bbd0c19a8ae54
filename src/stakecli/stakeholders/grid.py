"""Power/interest grid, engagement assessment matrix and a Stakeholder Circle-style index.

docs/methods.md §2.1 (quadrants and strategies), §2.3 (current vs desired engagement) and
§2.4 (the Stakeholder Circle). The cut-off, the gap arithmetic and the index are [D] choices.
"""

from __future__ import annotations

from enum import StrEnum

from stakecli.stakeholders.model import SCALE, Engagement

DEFAULT_CUTOFF = 3
"""[D] Power or interest is high iff its 1-5 score is greater than this; 3 itself is low."""
CIRCLE_WEIGHTS = {"power": 4.0, "proximity": 2.0, "urgency": 5.0}
"""Bourne's default weights (docs/methods.md §2.4); normalised, so only their ratios matter."""
CIRCLE_MAX = {"power": SCALE[1], "proximity": 4, "urgency": SCALE[1]}
"""Scale maxima the factors are divided by: power and urgency 1-5 here, proximity 1-4."""


class Strategy(StrEnum):
    """What to do about a quadrant (PMBOK-style wording)."""

    MANAGE_CLOSELY = "manage-closely"
    KEEP_SATISFIED = "keep-satisfied"
    KEEP_INFORMED = "keep-informed"
    MONITOR = "monitor"

    @property
    def label(self) -> str:
        """Display form: `Manage closely`."""
        return self.value.replace("-", " ").capitalize()


class Quadrant(StrEnum):
    """Mendelow / Johnson-Scholes quadrant names."""

    KEY_PLAYERS = "key-players"
    KEEP_SATISFIED = "keep-satisfied"
    KEEP_INFORMED = "keep-informed"
    MINIMAL_EFFORT = "minimal-effort"

    @property
    def label(self) -> str:
        """Display form: `Key players`."""
        return self.value.replace("-", " ").capitalize()

    @property
    def strategy(self) -> Strategy:
        """The engagement strategy for this quadrant."""
        return STRATEGY[self]


STRATEGY = {
    Quadrant.KEY_PLAYERS: Strategy.MANAGE_CLOSELY,
    Quadrant.KEEP_SATISFIED: Strategy.KEEP_SATISFIED,
    Quadrant.KEEP_INFORMED: Strategy.KEEP_INFORMED,
    Quadrant.MINIMAL_EFFORT: Strategy.MONITOR,
}

_QUADRANTS = {
    (True, True): Quadrant.KEY_PLAYERS,
    (True, False): Quadrant.KEEP_SATISFIED,
    (False, True): Quadrant.KEEP_INFORMED,
    (False, False): Quadrant.MINIMAL_EFFORT,
}


def is_high(score: int, cutoff: int = DEFAULT_CUTOFF) -> bool:
    """High iff strictly above the cut-off; a score exactly at the cut-off is low."""
    return score > cutoff


def quadrant(power: int, interest: int, cutoff: int = DEFAULT_CUTOFF) -> Quadrant:
    """The grid quadrant of a (power, interest) pair of 1-5 scores."""
    return _QUADRANTS[(is_high(power, cutoff), is_high(interest, cutoff))]


def gap(current: Engagement, desired: Engagement) -> int:
    """ordinal(desired) - ordinal(current): positive = engagement to build, negative = over."""
    return desired.ordinal - current.ordinal


def is_over_engaged(current: Engagement, desired: Engagement) -> bool:
    """Current engagement beyond the desired level (C > D), flagged apart (docs/methods.md §2.3)."""
    return gap(current, desired) < 0


def circle_index(
    power: int,
    proximity: int | None,
    urgency: int,
    weights: dict[str, float] | None = None,
) -> float | None:
    """Stakeholder Circle-style index (an approximation, not Bourne's unpublished arithmetic).

    `sum(w_k * x_k / max_k) / sum(w_k)`, 0..1; None when proximity is not assessed.
    """
    if proximity is None:
        return None
    w = weights or CIRCLE_WEIGHTS
    values = {"power": power, "proximity": proximity, "urgency": urgency}
    total = sum(w[k] for k in values)
    if total <= 0:
        return None
    weighted = sum(w[k] * values[k] / CIRCLE_MAX[k] for k in values)
    return round(weighted / total, 4)
