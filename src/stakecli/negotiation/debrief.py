"""After the agreement: post-settlement improvements, value left on the table, the debrief.

Raiffa's post-settlement settlement (§4.11): once a package `a` is agreed, the
packages both sides prefer are those that dominate it, D(a) (§4.4). stakecli reports
them with each party's gain, and [D] (docs/methods.md §4.11):

* `pss_gain = max over D(a) of the joint score - joint(a)` (0 when a is efficient);
* `tu_gap = max joint score over all packages - joint(a)` (comparable scales only);
* the suggestion: the package of D(a) whose smallest party gain is largest, ties broken by the
  larger joint gain (every tie is reported).

The maxima over D(a) are attained on the frontier: a dominated member of D(a) is dominated by
a frontier point that is also in D(a) and has a larger joint score and no smaller gain, so
only the listing of D(a) walks the package space.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

from stakecli.negotiation import bargaining as bg
from stakecli.negotiation import frontier as fr
from stakecli.negotiation import space as pspace

LISTED = 50
"""At most this many dominating packages are listed (they are counted up to `COUNTED`)."""
COUNTED = 1_000


@dataclass(frozen=True, slots=True)
class Improvement:
    """A package both sides prefer to the agreement, and each party's gain."""

    package: pspace.Package
    scores: tuple[Fraction, ...]
    gains: tuple[Fraction, ...]

    @property
    def joint_gain(self) -> Fraction:
        """Sum of the gains."""
        return pspace.joint(self.gains)


@dataclass(frozen=True, slots=True)
class PostSettlement:
    """What the agreed package left on the table (§4.11)."""

    agreed: pspace.Package
    scores: tuple[Fraction, ...]
    efficient: bool
    dominating: tuple[Improvement, ...]
    dominating_count: int
    pss_gain: Fraction
    tu_gap: Fraction
    suggestion: tuple[Improvement, ...]


def _improvement(sp: pspace.Space, pkg: pspace.Package, base: tuple[Fraction, ...]) -> Improvement:
    scores = pspace.package_scores(sp, pkg)
    return Improvement(pkg, scores, tuple(s - b for s, b in zip(scores, base, strict=True)))


def post_settlement(front: fr.Frontier, agreed: pspace.Package) -> PostSettlement:
    """Pareto improvements over `agreed`, the value left on the table, and a suggestion."""
    sp = front.space
    base = pspace.package_scores(sp, agreed)
    better = [
        p for p in (front.point(f) for f in front.at_least(base).tolist()) if p.scores != base
    ]
    weakly = fr.acceptable_packages(sp, base)  # every package >= a, in lexicographic order
    listed = [
        imp
        for imp in itertools.islice((_improvement(sp, k, base) for k in weakly), COUNTED + 1)
        if imp.scores != base
    ]
    joint = pspace.joint(base)
    pss = max((pspace.joint(p.scores) for p in better), default=joint) - joint
    keys = [
        (min(s - b for s, b in zip(p.scores, base, strict=True)), pspace.joint(p.scores))
        for p in better
    ]
    top = max(keys, default=None)
    suggestion = tuple(
        _improvement(sp, p.package, base) for p, key in zip(better, keys, strict=True) if key == top
    )
    return PostSettlement(
        agreed=agreed,
        scores=base,
        efficient=not better,
        dominating=tuple(listed[:LISTED]),
        dominating_count=min(len(listed), COUNTED),
        pss_gain=pss,
        tu_gap=pspace.max_joint(sp) - joint,
        suggestion=suggestion,
    )


@dataclass(frozen=True, slots=True)
class Split:
    """How a package divides the gains over the disagreement point d between the parties."""

    gains: tuple[Fraction, ...]
    shares: tuple[Fraction | None, ...]


def split(scores: tuple[Fraction, ...], disagreement: tuple[Fraction, ...]) -> Split:
    """Each party's gain `u_p - d_p` and its share of the summed gains (None: no gain)."""
    gains = tuple(s - d for s, d in zip(scores, disagreement, strict=True))
    total = sum(gains, Fraction(0))
    return Split(gains, tuple(g / total if total else None for g in gains))


def nash_split(
    front: fr.Frontier, disagreement: tuple[Fraction, ...]
) -> tuple[bg.Solution, Split | None]:
    """The Nash solution over d, and the split of its first point (None: nothing acceptable)."""
    solution = bg.nash(front, disagreement)
    if not solution.points:
        return solution, None
    return solution, split(solution.points[0].scores, disagreement)
