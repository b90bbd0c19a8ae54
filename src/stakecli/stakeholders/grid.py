"""Power/interest grid, engagement assessment matrix and a Stakeholder Circle-style index.

docs/methods.md §2.1 (quadrants and strategies), §2.3 (current vs desired engagement) and
§2.4 (the Stakeholder Circle). The cut-off, the gap arithmetic and the index are [D] choices.
"""

from __future__ import annotations

from enum import StrEnum

from stakecli.stakeholders.model import Engagement, Stakeholder

DEFAULT_CUTOFF = 3
"""[D] Power or interest is high iff its 1-5 score is greater than this; 3 itself is low."""
CIRCLE_WEIGHTS = {"power": 4.0, "proximity": 2.0, "urgency": 5.0}
"""Bourne's default weights (docs/methods.md §2.4); normalised, so only their ratios matter."""
CIRCLE_SCALES = {"power": (1, 4), "proximity": (1, 4), "urgency": (1, 5)}
"""The Circle's own rating scales (docs/methods.md §2.4): power 1-4, proximity 1-4, urgency 1-5."""
CIRCLE_TOP = 15
"""The Stakeholder Circle draws the 15 stakeholders with the highest index."""


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


def circle_ratings(person: Stakeholder) -> tuple[int, int, int] | None:
    """(power, proximity, urgency) on the Circle's scales; None without `circle.power`.

    Proximity is `circle.proximity`, else the entry's `proximity`; urgency is `circle.urgency`,
    else the entry's `urgency` (both 1-5). Without a proximity there is no index either.
    """
    rated = person.circle
    if rated is None:
        return None
    proximity = rated.proximity if rated.proximity is not None else person.proximity
    if proximity is None:
        return None
    urgency = rated.urgency if rated.urgency is not None else person.urgency
    return rated.power, proximity, urgency


def circle_index(
    power: int,
    proximity: int | None,
    urgency: int,
    weights: dict[str, float] | None = None,
) -> float | None:
    """Stakeholder Circle-style index (an approximation, not Bourne's unpublished arithmetic).

    docs/methods.md §2.4: `sum_k w_k * x_k / max_k / sum_k w_k` with max = 4, 4, 5 (power,
    proximity, urgency on the Circle's own scales), 0..1; None when proximity is not
    assessed. Weights are normalised, so 1-1-1 and 9-9-9 give the same index. A rating
    outside its scale is a ValueError (the register's schema reports it, located, first).
    """
    if proximity is None:
        return None
    w = weights or CIRCLE_WEIGHTS
    values = {"power": power, "proximity": proximity, "urgency": urgency}
    for k, x in values.items():
        low, high = CIRCLE_SCALES[k]
        if not low <= x <= high:
            raise ValueError(f"Circle {k} {x} is outside {low}-{high}")
    total = sum(w[k] for k in values)
    if total <= 0:
        return None
    return sum(w[k] * values[k] / CIRCLE_SCALES[k][1] for k in values) / total
