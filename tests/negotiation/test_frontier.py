"""Pareto frontier, Nash and logrolling: DOMAIN 8.4, ties, edge cases, and brute-force oracles."""

import itertools
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakecli.negotiation.bargaining import Solution, kalai_smorodinsky, logroll, nash, nash_product
from stakecli.negotiation.frontier import (
    Frontier,
    acceptable,
    acceptable_packages,
    brute_force_frontier,
    frontier,
    packages_at,
)
from stakecli.negotiation.space import (
    Exact,
    Package,
    Space,
    is_acceptable,
    joint,
    max_joint,
    package_scores,
    split_the_difference,
)

F = Fraction


# --- helpers: an obviously correct oracle -------------------------------------------------------


def all_packages(space: Space) -> list[Package]:
    return list(itertools.product(*(range(len(names)) for names in space.options)))


def dominates(x: tuple[Fraction, ...], y: tuple[Fraction, ...]) -> bool:
    return all(a >= b for a, b in zip(x, y, strict=True)) and x != y


def naive_frontier(space: Space) -> dict[tuple[Fraction, ...], int]:
    """Non-dominated score vectors with package counts, by enumeration and pairwise checks."""
    counts = Counter(package_scores(space, p) for p in all_packages(space))
    return {s: c for s, c in counts.items() if not any(dominates(t, s) for t in counts)}


def as_dict(front: Frontier) -> dict[tuple[Fraction, ...], int]:
    return {p.scores: p.count for p in front.points}


def names(space: Space, points: object) -> set[str]:
    return {"".join(space.names(p.package)) for p in points}  # type: ignore[attr-defined]


def space_of(rows: list[list[list[Exact]]], parties: int | None = None) -> Space:
    k = parties or len(rows[0][0])
    return Space(
        parties=tuple(f"p{q}" for q in range(k)),
        issues=tuple(f"i{i}" for i in range(len(rows))),
        options=tuple(tuple(f"o{j}" for j in range(len(r))) for r in rows),
        scores=tuple(tuple(tuple(row) for row in r) for r in rows),
    )


# --- DOMAIN 8.4: buyer and supplier, price and delivery -----------------------------------------


@pytest.fixture(name="deal")
def fixture_deal() -> Space:
    buyer = {"P": (F("0.4"), (0, 50, 100)), "D": (F("0.6"), (100, 50, 0))}
    supplier = {"P": (F("0.8"), (100, 50, 0)), "D": (F("0.2"), (0, 50, 100))}
    return Space(
        parties=("buyer", "supplier"),
        issues=("price", "delivery"),
        options=(("P1", "P2", "P3"), ("D1", "D2", "D3")),
        scores=tuple(
            tuple(
                (buyer[i][0] * buyer[i][1][j], supplier[i][0] * supplier[i][1][j]) for j in range(3)
            )
            for i in ("P", "D")
        ),
    )


@pytest.mark.parametrize(
    ("package", "buyer", "supplier"),
    [
        ((0, 0), 60, 80), ((0, 1), 30, 90), ((0, 2), 0, 100),
        ((1, 0), 80, 40), ((1, 1), 50, 50), ((1, 2), 20, 60),
        ((2, 0), 100, 0), ((2, 1), 70, 10), ((2, 2), 40, 20),
    ],
)  # fmt: skip
def test_deal_scores_match_the_table(deal: Space, package: Package, buyer: int, supplier: int):
    assert package_scores(deal, package) == (buyer, supplier)


def test_deal_frontier_is_the_five_efficient_packages(deal: Space):
    front = frontier(deal)
    assert names(deal, front.points) == {"P1D1", "P1D2", "P1D3", "P2D1", "P3D1"}
    assert [p.scores for p in front.points] == [(100, 0), (80, 40), (60, 80), (30, 90), (0, 100)]
    assert all(p.count == 1 for p in front.points)


def test_deal_split_the_difference_is_p2d2_dominated_by_the_logroll_p1d1(deal: Space):
    compromise = split_the_difference(deal)
    assert deal.names(compromise) == ("P2", "D2")
    result = logroll(frontier(deal), compromise)
    assert result.compromise_scores == (50, 50)
    assert names(deal, result.best) == {"P1D1"}
    assert result.best[0].scores == (60, 80)
    assert result.joint_gain == 40
    assert result.integrative_potential == 40
    assert max_joint(deal) == 140


def test_deal_acceptable_with_reservation_45(deal: Space):
    zopa = list(acceptable_packages(deal, (45, 45)))
    assert {"".join(deal.names(p)) for p in zopa} == {"P1D1", "P2D2"}
    assert names(deal, acceptable(frontier(deal), (45, 45))) == {"P1D1"}


def test_deal_nash_products_and_solution(deal: Space):
    assert nash_product(package_scores(deal, (0, 0)), (45, 45)) == 525
    assert nash_product(package_scores(deal, (1, 1)), (45, 45)) == 25
    assert nash_product(package_scores(deal, (0, 1)), (45, 45)) is None
    solution = nash(frontier(deal), (45, 45))
    assert solution.value == 525
    assert names(deal, solution.points) == {"P1D1"}


# --- ties, edge cases, validation ----------------------------------------------------------------


def test_nash_reports_every_tied_point():
    space = space_of([[[60, 40], [40, 60], [50, 45]]])
    solution = nash(frontier(space), (0, 0))
    assert solution.value == 2400
    assert [p.scores for p in solution.points] == [(60, 40), (40, 60)]


def test_nash_reports_packages_tied_on_one_point():
    space = space_of([[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[0, 0], [3, -3]]])
    solution = nash(frontier(space), (0, 0))
    assert solution == Solution(F(1), (solution.points[0],))
    assert solution.points[0].scores == (1, 1)
    assert solution.points[0].count == 2
    assert set(packages_at(space, (1, 1))) == {(0, 0, 0), (1, 1, 0)}


def test_nash_without_acceptable_package_is_empty(deal: Space):
    assert nash(frontier(deal), (90, 90)) == Solution(None, ())
    assert kalai_smorodinsky(frontier(deal), (90, 90)) == Solution(None, ())
    assert list(acceptable_packages(deal, (90, 90))) == []


def test_kalai_smorodinsky_keeps_gains_proportional_to_ideal_gains(deal: Space):
    # acceptable for d = (0, 0): all; ideal (100, 100); best min share is P1D1 (0.6, 0.8)
    solution = kalai_smorodinsky(frontier(deal), (0, 0))
    assert solution.value == F(3, 5)
    assert names(deal, solution.points) == {"P1D1"}


def test_nash_with_zero_maximum_reports_only_efficient_points():
    space = space_of([[[5, 5], [5, 3], [4, 9]]])
    assert nash(frontier(space), (5, 3)) == Solution(F(0), (frontier(space).points[0],))
    assert frontier(space).points[0].scores == (5, 5)


def test_decimal_ties_are_exact_where_floats_would_break_them():
    space = space_of([[[F("0.1"), 1], [F("0.3"), 0]], [[F("0.2"), 0], [0, 1]]])
    assert [(p.scores, p.count) for p in frontier(space).points] == [
        ((F("0.5"), 0), 1),
        ((F("0.3"), 1), 2),
        ((F("0.1"), 2), 1),
    ]
    assert 0.1 + 0.2 != 0.3  # the float sum would make one package dominate the other


def test_acceptable_packages_are_produced_lazily():
    space = space_of([[[j, 9 - j] for j in range(10)] for _ in range(40)])
    first = list(itertools.islice(acceptable_packages(space, (100, 100)), 3))
    assert first[0] == (0,) * 28 + (1,) + (9,) * 11  # party 0 needs 100 from the last issues
    assert len(first) == 3
    assert all(is_acceptable(package_scores(space, p), (100, 100)) for p in first)


@pytest.mark.parametrize(
    "call",
    [
        lambda s: nash(frontier(s), (1,)),
        lambda s: acceptable(frontier(s), (1, 2, 3)),
        lambda s: list(acceptable_packages(s, ())),
        lambda s: list(packages_at(s, (60,))),
    ],
    ids=["nash", "acceptable", "acceptable_packages", "packages_at"],
)
def test_vectors_need_one_value_per_party(deal: Space, call):
    with pytest.raises(ValueError, match="one value per party"):
        call(deal)


def test_one_issue_frontier_is_its_non_dominated_options():
    space = space_of([[[1, 3], [2, 2], [1, 1], [3, 1], [2, 2]]])
    front = frontier(space)
    assert [(p.scores, p.count) for p in front.points] == [((3, 1), 1), ((2, 2), 2), ((1, 3), 1)]
    assert set(packages_at(space, (2, 2))) == {(1,), (4,)}


def test_issue_with_one_option_only_shifts_scores():
    space = space_of([[[F(1, 2), 0]], [[1, 0], [0, 1]]])
    assert [p.scores for p in frontier(space).points] == [(F(3, 2), 0), (F(1, 2), 1)]
    assert [p.package for p in frontier(space).points] == [(0, 0), (0, 1)]


def test_all_equal_scores_give_one_point_counting_the_whole_space():
    space = space_of([[[F(1, 3), 2]] * 4 for _ in range(5)])
    (point,) = frontier(space).points
    assert point.scores == (F(5, 3), 10)
    assert point.count == space.size == 4**5


def test_counts_beyond_int64_are_exact():
    space = space_of([[[1, 1, 1], [1, 1, 1]] for _ in range(70)])
    (point,) = frontier(space).points
    assert point.count == 2**70
    assert point.scores == (70, 70, 70)


def test_no_issues_is_one_empty_package():
    space = Space(("a", "b"), (), (), ())
    assert frontier(space).points == brute_force_frontier(space).points
    assert [(p.scores, p.package, p.count) for p in frontier(space).points] == [((0, 0), (), 1)]


def test_split_the_difference_picks_the_shared_best_on_an_agreed_issue():
    space = space_of([[[0, 0], [5, 7], [3, 9]], [[4, 4], [4, 0]]])
    assert split_the_difference(space) == (1, 0)


@pytest.mark.parametrize(
    ("space_args", "error"),
    [
        ((("a",), ("i",), (("x",),), (((1,),),)), ValueError),
        ((("a", "b"), ("i",), (("x",),), (((1, 0.5),),)), TypeError),
        ((("a", "b"), ("i",), (("x",),), (((1,),),)), ValueError),
        ((("a", "b"), ("i",), ((),), ((),)), ValueError),
        ((("a", "b"), ("i", "j"), (("x",),), (((1, 2),),)), ValueError),
    ],
    ids=["one-party", "float", "short-row", "no-options", "shape"],
)
def test_invalid_space_is_rejected(space_args: tuple[object, ...], error: type[Exception]):
    with pytest.raises(error):
        Space(*space_args)  # type: ignore[arg-type]


def test_packages_at_rejects_points_off_the_frontier(deal: Space):
    with pytest.raises(ValueError, match="not a point"):
        list(packages_at(deal, (50, 50)))


def test_package_scores_rejects_foreign_packages(deal: Space):
    with pytest.raises(ValueError, match="not a package"):
        package_scores(deal, (0, 3))


# --- properties against enumeration --------------------------------------------------------------

VALUES = st.sampled_from([0, 0, 0, 1, 1, 2, 3, -1, F(1, 2), F(1, 3), F(2, 3), F(5, 2)])
HUGE = st.integers(0, 4).map(lambda n: n * 10**19 + F(n, 7))


@st.composite
def spaces(draw: st.DrawFn, values: st.SearchStrategy[Exact] = VALUES) -> Space:
    k = draw(st.integers(2, 4))
    n = draw(st.integers(1, 5))
    sizes = [draw(st.integers(1, 4)) for _ in range(n)]
    rows = [[[draw(values) for _ in range(k)] for _ in range(m)] for m in sizes]
    return space_of(rows, k)


def check_frontier(space: Space) -> None:
    front = frontier(space)
    assert as_dict(front) == naive_frontier(space)
    assert front.points == tuple(sorted(front.points, key=lambda p: p.scores, reverse=True))
    for point in front.points:
        assert package_scores(space, point.package) == point.scores
    brute = brute_force_frontier(space)
    assert [(p.scores, p.count) for p in brute.points] == [
        (p.scores, p.count) for p in front.points
    ]


@settings(max_examples=300, deadline=None)
@given(spaces())
def test_frontier_equals_enumeration(space: Space):
    check_frontier(space)


@settings(max_examples=100, deadline=None)
@given(spaces(HUGE))
def test_frontier_is_exact_beyond_int64(space: Space):
    check_frontier(space)


@settings(max_examples=100, deadline=None)
@given(spaces())
def test_packages_at_lists_exactly_the_packages_of_each_point(space: Space):
    for point in frontier(space).points:
        found = list(packages_at(space, point.scores))
        expected = [p for p in all_packages(space) if package_scores(space, p) == point.scores]
        assert sorted(found) == expected
        assert len(found) == point.count


BIG = st.integers(-1, 4).map(lambda n: n * 10**9 + F(n, 3))
"""Scores whose frontier sums fit int64 but whose products of gains (three parties) do not."""
STRATEGIES = {"small": VALUES, "big": BIG, "huge": HUGE}


@st.composite
def spaces_and_points(
    draw: st.DrawFn, values: st.SearchStrategy[Exact] = VALUES
) -> tuple[Space, tuple[Fraction, ...]]:
    space = draw(spaces(values))
    point = tuple(draw(values) * draw(st.integers(0, 3)) for _ in space.parties)
    return space, point


KINDS = st.sampled_from(list(STRATEGIES.values()))
"""Each example draws all its scores from one of the strategies."""


def efficient_maximisers(space: Space, value: dict[Package, Fraction]) -> set[tuple[Fraction, ...]]:
    top = max(value.values())
    winners = {package_scores(space, p) for p, v in value.items() if v == top}
    everything = {package_scores(space, p) for p in all_packages(space)}
    return {s for s in winners if not any(dominates(t, s) for t in everything)}


@settings(max_examples=400, deadline=None)
@given(KINDS.flatmap(spaces_and_points))
def test_nash_equals_enumeration(case: tuple[Space, tuple[Fraction, ...]]):
    space, d = case
    products = {p: nash_product(package_scores(space, p), d) for p in all_packages(space)}
    feasible = {p: v for p, v in products.items() if v is not None}
    solution = nash(frontier(space), d)
    if not feasible:
        assert solution == Solution(None, ())
        return
    assert solution.value == max(feasible.values())
    assert {p.scores for p in solution.points} == efficient_maximisers(space, feasible)
    if solution.value:  # a positive maximum is never reached by a dominated package
        winners = sum(v == solution.value for v in feasible.values())
        assert sum(p.count for p in solution.points) == winners


@settings(max_examples=300, deadline=None)
@given(KINDS.flatmap(spaces_and_points))
def test_kalai_smorodinsky_equals_enumeration(case: tuple[Space, tuple[Fraction, ...]]):
    space, d = case
    feasible = [p for p in all_packages(space) if is_acceptable(package_scores(space, p), d)]
    solution = kalai_smorodinsky(frontier(space), d)
    if not feasible:
        assert solution == Solution(None, ())
        return
    ideal = [max(package_scores(space, p)[q] for p in feasible) for q in range(len(d))]

    def share(p: Package) -> Fraction:
        s = package_scores(space, p)
        return min(
            F(1) if t == e else (s[q] - e) / (t - e)
            for q, (t, e) in enumerate(zip(ideal, d, strict=True))
        )

    value = {p: share(p) for p in feasible}
    assert solution.value == max(value.values())
    assert {p.scores for p in solution.points} == efficient_maximisers(space, value)


@settings(max_examples=200, deadline=None)
@given(spaces_and_points())
def test_acceptable_packages_equal_enumeration(case: tuple[Space, tuple[Fraction, ...]]):
    space, r = case
    expected = [p for p in all_packages(space) if is_acceptable(package_scores(space, p), r)]
    assert list(acceptable_packages(space, r)) == expected
    efficient = {s for s in naive_frontier(space) if is_acceptable(s, r)}
    assert {p.scores for p in acceptable(frontier(space), r)} == efficient


@settings(max_examples=300, deadline=None)
@given(KINDS.flatmap(spaces))
def test_max_joint_and_logroll_equal_enumeration(space: Space):
    scores = [package_scores(space, p) for p in all_packages(space)]
    assert max_joint(space) == max(joint(s) for s in scores)
    compromise = split_the_difference(space)
    base = package_scores(space, compromise)
    improving = [s for s in scores if is_acceptable(s, base)]
    result = logroll(frontier(space), compromise)
    assert {p.scores for p in result.best} == {
        s for s in improving if joint(s) == max(joint(t) for t in improving)
    }
    assert result.joint_gain == max(joint(s) for s in improving) - joint(base)
    assert result.integrative_potential == max_joint(space) - joint(base)


@settings(max_examples=100, deadline=None)
@given(spaces())
def test_frontier_does_not_depend_on_the_filter_block_size(space: Space):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("stakecli.negotiation.frontier._BLOCK", 3)
        patch.setattr("stakecli.negotiation.frontier._CHUNK", 2)
        check_frontier(space)


@st.composite
def two_party_spaces(draw: st.DrawFn, values: st.SearchStrategy[Exact] = VALUES) -> Space:
    n = draw(st.integers(1, 6))
    sizes = [draw(st.integers(1, 5)) for _ in range(n)]
    return space_of([[[draw(values), draw(values)] for _ in range(m)] for m in sizes], 2)


def merged(space: Space, dense: float) -> tuple[object, ...]:
    """The frontier with the grid merge always (dense 1e9) or never (0) used, as plain data."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("stakecli.negotiation.frontier.DENSE", dense)
        front = frontier(space)
    return front.scaled.tolist(), front.packages.tolist(), front.counts, front.denominators


@settings(max_examples=300, deadline=None)
@given(two_party_spaces())
def test_the_grid_merge_gives_what_the_sorting_merge_gives(space: Space):
    assert merged(space, 1e9) == merged(space, 0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("stakecli.negotiation.frontier.DENSE", 1e9)
        check_frontier(space)  # and both equal enumeration


def test_the_grid_merge_keeps_the_first_package_of_a_tied_point():
    space = space_of([[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[F(1, 2), 0]]])
    assert merged(space, 1e9) == merged(space, 0)
    assert [(p.scores, p.package, p.count) for p in frontier(space).points] == [
        ((F(5, 2), 0), (0, 1, 0), 1),
        ((F(3, 2), 1), (0, 0, 0), 2),
        ((F(1, 2), 2), (1, 0, 0), 1),
    ]


def test_a_tie_on_a_score_that_a_later_option_beats_is_not_counted():
    space = space_of([[[0, 0], [F(1, 2), 0]], [[1, 1], [1, 1], [1, 2], [1, 2], [0, 3]]])
    for dense in (1e9, 0):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("stakecli.negotiation.frontier.DENSE", dense)
            points = [(p.scores, p.package, p.count) for p in frontier(space).points]
        assert points == [((F(3, 2), 2), (1, 2), 2), ((F(1, 2), 3), (1, 4), 1)]


def test_bounds_beyond_int64_select_no_point_or_every_point():
    front = frontier(space_of([[[1, 0], [0, 1]]]))
    assert front.scaled.dtype == "int64"
    assert front.at_least((F(10**20, 7), 0)).tolist() == []
    assert front.at_least((-(10**20), 0)).tolist() == [0, 1]
