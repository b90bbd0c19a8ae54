"""Bargaining over a package space's frontier: Nash, Kalai-Smorodinsky, logrolling.

docs/methods.md §4.5, §4.6 and §4.8.

Each solution is searched on the frontier only: the Nash product and the Kalai-Smorodinsky
share are increasing in every party's score where u > d, so a dominated package can never beat
the efficient package that dominates it. Ties are reported, never resolved silently.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from stakecli.negotiation.arrays import np
from stakecli.negotiation.frontier import Array, Frontier, FrontierPoint
from stakecli.negotiation.space import (
    Exact,
    Package,
    Space,
    is_acceptable,
    joint,
    max_joint,
    package_scores,
)

_INT64 = 2**63  # integers below it are exact in int64

CONVENTIONS = ("reservation", "worst", "zero")
"""Where the disagreement point d of the Nash and Kalai-Smorodinsky solutions comes from.

* `reservation` (stakecli's default): each party's reservation score, 0 for a party without
  one (docs/methods.md §4.5).
* `worst`: each party's score of its own worst package, the default of the NegMAS library
  (a party that states no reservation value is taken to accept anything but its worst).
* `zero`: 0 for every party, whatever the reservation scores say.

The acceptable set (the multi-issue ZOPA, u >= reservation) is the same under every
convention; only the point the gains are measured from moves. See docs/negotiation.md.
"""


@dataclass(frozen=True, slots=True)
class Solution:
    """A bargaining solution: every efficient point reaching the best value of its criterion.

    `value` is the maximised criterion (the Nash product, or the Kalai-Smorodinsky share);
    it is None and `points` empty when no package is acceptable (u >= d).
    """

    value: Fraction | None
    points: tuple[FrontierPoint, ...]


@dataclass(frozen=True, slots=True)
class Logroll:
    """Frontier points that weakly dominate a compromise and maximise the joint score.

    Attributes:
        compromise: The compromise package.
        compromise_scores: Its scores.
        best: Frontier points >= the compromise for every party with maximal joint score (ties
            all reported; the compromise's own point when it is already efficient).
        joint_gain: Joint score of `best` minus the compromise's.
        integrative_potential: Max joint score over all packages minus the compromise's
            (docs/methods.md §4.8; meaningful only when the parties' scales are comparable).
    """

    compromise: Package
    compromise_scores: tuple[Fraction, ...]
    best: tuple[FrontierPoint, ...]
    joint_gain: Fraction
    integrative_potential: Fraction


def worst_scores(space: Space) -> tuple[Fraction, ...]:
    """Each party's score of its own worst package: the sum of its per-issue minima.

    Scores are additive over independent issues, so the worst package picks, on every issue,
    the option this party likes least (the parties' worst packages usually differ).
    """
    return tuple(
        sum((min(Fraction(row[p]) for row in rows) for rows in space.scores), Fraction(0))
        for p in range(len(space.parties))
    )


def disagreement_point(
    space: Space, reservation: Sequence[Exact], convention: str = "reservation"
) -> tuple[Fraction, ...]:
    """D under one of `CONVENTIONS`, ours first like every score vector."""
    if convention == "worst":
        return worst_scores(space)
    if convention == "zero":
        return tuple(Fraction(0) for _ in space.parties)
    if convention == "reservation":
        return tuple(Fraction(r) for r in reservation)
    raise ValueError(f"unknown disagreement convention {convention!r}; use {CONVENTIONS}")


def nash_product(scores: Sequence[Exact], disagreement: Sequence[Exact]) -> Fraction | None:
    """Product of gains over the disagreement point, or None if some party is below it."""
    if not is_acceptable(scores, disagreement):
        return None
    return math.prod(
        (Fraction(s) - d for s, d in zip(scores, disagreement, strict=True)), start=Fraction(1)
    )


def nash(front: Frontier, disagreement: Sequence[Exact]) -> Solution:
    """Nash bargaining solution over the packages, with every tied maximiser reported.

    Searching the frontier suffices: if u maximises the product N(u) = prod(u_p - d_p) > 0 over
    u >= d and v dominates u, then v >= u >= d, every factor of N(v) is at least the matching
    positive factor of N(u) and one is larger, so N(v) > N(u), a contradiction. When the
    maximum is 0 (no package gives every party strictly more than d), every acceptable package
    ties; only the efficient ones are reported (Nash's Pareto axiom). Computed on the
    frontier's exact integers (see `_gains`), so tens of thousands of points cost milliseconds.
    """
    index, gains, scale = _gains(front, disagreement)
    if not len(index):
        return Solution(None, ())
    bound = math.prod(int(g.max()) for g in gains)  # gains are >= 0 on acceptable points
    products = _exact(gains, bound).prod(axis=0)
    return _best(front, index, products, scale)


def kalai_smorodinsky(front: Frontier, disagreement: Sequence[Exact]) -> Solution:
    """Kalai-Smorodinsky solution: maximise the smallest share of each party's ideal gain.

    The ideal gain of a party is its best score over acceptable packages minus its
    disagreement value (attained on the frontier); a party whose ideal gain is 0 counts as
    fully served. `value` is the achieved smallest share. Ties are all reported.
    """
    index, gains, _ = _gains(front, disagreement)
    if not len(index):
        return Solution(None, ())
    ideal = [int(g.max()) for g in gains]
    common = math.prod(i for i in ideal if i)  # shares scaled by it are exact integers
    exact = _exact(gains, common)  # a share times `common` is at most `common`
    shares = np.stack(
        [
            col * (common // i) if i else np.full_like(col, common)
            for col, i in zip(exact, ideal, strict=True)
        ]
    )
    return _best(front, index, shares.min(axis=0), common)


def _gains(front: Frontier, disagreement: Sequence[Exact]) -> tuple[Array, Array, int]:
    """Acceptable points, each party's gain over d on them as integers, and their common scale.

    Party p's gain on point f is `(u_p - d_p) * den_p * b_p` with `d_p * den_p = a_p / b_p`,
    so a product of gains divided by `scale` = prod(den_p * b_p) is the exact Nash product.
    Gains are (parties, points), int64 when they fit (Python ints otherwise).
    """
    index = front.at_least(disagreement)
    cuts = [Fraction(d) * den for d, den in zip(disagreement, front.denominators, strict=True)]
    scale = math.prod(c.denominator * den for c, den in zip(cuts, front.denominators, strict=True))
    if not len(index):
        return index, np.zeros((len(cuts), 0), dtype=np.int64), scale
    scores = front.scaled[index].T
    bound = max(
        int(np.abs(col).max()) * c.denominator + abs(c.numerator)
        for col, c in zip(scores, cuts, strict=True)
    )
    scores = _exact(scores, bound)
    gains = np.stack(
        [col * c.denominator - c.numerator for col, c in zip(scores, cuts, strict=True)]
    )
    return index, gains, scale


def _exact(values: Array, bound: int) -> Array:
    """`values` as int64 when every result up to `bound` fits, else as Python ints (exact)."""
    if values.dtype == np.int64 and bound < _INT64:
        return values
    return values.astype(object)


def _best(front: Frontier, index: Array, values: Array, scale: int) -> Solution:
    if not len(values):
        return Solution(None, ())
    top = int(values.max())
    return Solution(
        Fraction(top, scale), tuple(front.point(f) for f in index[values == top].tolist())
    )


def logroll(front: Frontier, compromise: Package) -> Logroll:
    """Best logroll from a compromise: frontier points >= it for all, with maximal joint score."""
    base = package_scores(front.space, compromise)
    better = front.at_least(base)  # never empty: the compromise is on or below it
    common = math.lcm(*front.denominators)
    steps = [common // d for d in front.denominators]
    scores = front.scaled[better]
    bound = sum(int(np.abs(col).max()) * k for col, k in zip(scores.T, steps, strict=True))
    joints = _exact(scores, bound) @ np.array(steps, dtype=object if bound >= _INT64 else np.int64)
    top = int(joints.max())
    best = tuple(front.point(f) for f in better[joints == top].tolist())
    top_joint = Fraction(top, common)
    return Logroll(
        compromise, base, best, top_joint - joint(base), max_joint(front.space) - joint(base)
    )
