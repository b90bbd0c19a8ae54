import pytest

from stakecli.stakeholders import grid
from stakecli.stakeholders.grid import Quadrant, Strategy
from stakecli.stakeholders.model import Engagement

# DOMAIN.md 8.2 (high = 5, low = 1 on the 1-5 scale).
TABLE_8_2_GRID = [
    (5, 5, Quadrant.KEY_PLAYERS, Strategy.MANAGE_CLOSELY),
    (5, 1, Quadrant.KEEP_SATISFIED, Strategy.KEEP_SATISFIED),
    (1, 5, Quadrant.KEEP_INFORMED, Strategy.KEEP_INFORMED),
    (1, 1, Quadrant.MINIMAL_EFFORT, Strategy.MONITOR),
]


@pytest.mark.parametrize(
    ("power", "interest", "quadrant", "strategy"),
    TABLE_8_2_GRID,
    ids=["high-high", "high-low", "low-high", "low-low"],
)
def test_domain_8_2_grid(power, interest, quadrant, strategy):
    assert grid.quadrant(power, interest) is quadrant
    assert grid.quadrant(power, interest).strategy is strategy


TABLE_8_2_ENGAGEMENT = [
    (Engagement.RESISTANT, Engagement.SUPPORTIVE, 2, False),
    (Engagement.LEADING, Engagement.SUPPORTIVE, -1, True),
    (Engagement.UNAWARE, Engagement.LEADING, 4, False),
    (Engagement.NEUTRAL, Engagement.NEUTRAL, 0, False),
]


@pytest.mark.parametrize(("current", "desired", "gap", "over"), TABLE_8_2_ENGAGEMENT)
def test_domain_8_2_engagement_gap(current, desired, gap, over):
    assert grid.gap(current, desired) == gap
    assert grid.is_over_engaged(current, desired) is over


@pytest.mark.parametrize(
    ("score", "high"), [(1, False), (2, False), (3, False), (4, True), (5, True)]
)
def test_a_score_at_the_cutoff_is_low(score, high):
    assert grid.is_high(score) is high
    assert grid.quadrant(score, score) is (
        Quadrant.KEY_PLAYERS if high else Quadrant.MINIMAL_EFFORT
    )


def test_cutoff_is_configurable():
    assert grid.quadrant(3, 3, cutoff=2) is Quadrant.KEY_PLAYERS
    assert grid.quadrant(5, 5, cutoff=5) is Quadrant.MINIMAL_EFFORT


def test_circle_index_uses_bourne_default_weights_normalised():
    # DOMAIN.md 2.3: power and proximity on 1-4, urgency on 1-5, weights 4-2-5.
    assert grid.circle_index(4, 4, 5) == 1.0
    assert grid.circle_index(1, 1, 1) == (4 / 4 + 2 / 4 + 5 / 5) / 11
    assert grid.circle_index(3, 2, 4) == (4 * 3 / 4 + 2 * 2 / 4 + 5 * 4 / 5) / 11


def test_circle_weights_are_normalised_so_only_ratios_matter():
    ones = {"power": 1.0, "proximity": 1.0, "urgency": 1.0}
    nines = {"power": 9.0, "proximity": 9.0, "urgency": 9.0}
    assert grid.circle_index(3, 2, 4, ones) == pytest.approx(grid.circle_index(3, 2, 4, nines))


def test_circle_index_needs_proximity():
    assert grid.circle_index(5, None, 5) is None
