"""Multi-issue analysis of a plan: package scores, frontier, ZOPA, Nash and logroll.

Turns a `Negotiation` into the frontier module's `Space` (docs/methods.md §4.1 additive scoring) and
asks it the questions a negotiator has. Our party is always first in the score vectors.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from stakecli.negotiation import batna
from stakecli.negotiation import space as pspace
from stakecli.negotiation.batna import exact
from stakecli.negotiation.model import Negotiation, Party, ValueItem

if TYPE_CHECKING:  # the analysis needs numpy; scoring packages (the rules, offers) does not
    from stakecli.negotiation import bargaining as bg
    from stakecli.negotiation import frontier as fr

LISTED = 50
"""At most this many acceptable packages are listed (they are counted up to `COUNTED`)."""
COUNTED = 1_000


def ordered(plan: Negotiation) -> list[Party]:
    """Parties with ours first, the others in file order."""
    return sorted(plan.parties, key=lambda p: not p.us)


def contributions(
    plan: Negotiation, party: Party, *, normalise: bool = False
) -> list[list[Fraction]]:
    """`out[i][j]`: what option j of issue i adds to the party's 0-100 package score.

    With `weights` and `scores`: w_i * v_ij (weights divided by their sum when `normalise`).
    With raw `points`: weight_i = range_i / total range and v_ij = (x - min_i) / range_i * 100,
    so the contribution is (x - min_i) / total * 100 (docs/methods.md §4.2). Missing values count 0.
    """
    if party.points:
        lows = {
            i.id: min(map(exact, party.points.get(i.id, {}).values()), default=Fraction(0))
            for i in plan.issues
        }
        highs = {
            i.id: max(map(exact, party.points.get(i.id, {}).values()), default=Fraction(0))
            for i in plan.issues
        }
        total = sum((highs[k] - lows[k] for k in lows), Fraction(0))
        return [
            [
                (exact(party.points[i.id][o.id]) - lows[i.id]) * 100 / total
                if total and o.id in party.points.get(i.id, {})
                else Fraction(0)
                for o in i.options
            ]
            for i in plan.issues
        ]
    weights = {k: exact(w) for k, w in party.weights.items()}
    scale = sum(weights.values(), Fraction(0)) if normalise else Fraction(1)
    scale = scale or Fraction(1)
    return [
        [
            weights.get(i.id, Fraction(0)) / scale * exact(party.scores.get(i.id, {}).get(o.id, 0))
            for o in i.options
        ]
        for i in plan.issues
    ]


def space(plan: Negotiation, *, normalise: bool = False) -> pspace.Space:
    """The package space: issues, options, and each party's contributions (ours first)."""
    parties = ordered(plan)
    tables = [contributions(plan, p, normalise=normalise) for p in parties]
    return pspace.Space(
        parties=tuple(p.id for p in parties),
        issues=tuple(i.id for i in plan.issues),
        options=tuple(tuple(o.id for o in i.options) for i in plan.issues),
        scores=tuple(
            tuple(tuple(t[i][j] for t in tables) for j in range(len(issue.options)))
            for i, issue in enumerate(plan.issues)
        ),
    )


@dataclass(frozen=True, slots=True)
class Scored:
    """A named package with every party's score."""

    id: str
    name: str
    package: pspace.Package
    scores: tuple[Fraction, ...]
    acceptable: bool
    efficient: bool

    def choice(self, sp: pspace.Space) -> dict[str, str]:
        """The package as issue id -> option id."""
        return dict(zip(sp.issues, sp.names(self.package), strict=True))


@dataclass(frozen=True, slots=True)
class PackageAnalysis:
    """Everything docs/methods.md §4.1-§4.8 says about a plan's package space."""

    space: pspace.Space
    reservation: tuple[Fraction, ...]
    disagreement: tuple[Fraction, ...]
    """The Nash / Kalai-Smorodinsky disagreement point, under `convention`."""
    convention: str
    proposals: tuple[Scored, ...]
    frontier: fr.Frontier
    acceptable_index: tuple[int, ...]
    acceptable_packages: tuple[pspace.Package, ...]
    acceptable_count: int
    nash: bg.Solution
    kalai_smorodinsky: bg.Solution
    compromise: pspace.Package
    logroll: bg.Logroll

    @property
    def acceptable_points(self) -> tuple[fr.FrontierPoint, ...]:
        """Frontier points acceptable to every party: the efficient part of the ZOPA."""
        return tuple(self.frontier.point(f) for f in self.acceptable_index)


def reservation_scores(plan: Negotiation) -> tuple[Fraction, ...]:
    """Each party's reservation score, ours first.

    `reservation_score` when given; in a score-only plan (alternatives worth package-score
    points) the BATNA's expected value, clamped to 0-100; else 0 [D] (any package beats no
    deal).
    """
    out = []
    for party in ordered(plan):
        if party.reservation_score is not None:
            out.append(exact(party.reservation_score))
            continue
        best = batna.side(party).batna if plan.score_only else None
        out.append(min(max(best.ev, Fraction(0)), Fraction(100)) if best else Fraction(0))
    return tuple(out)


def package_of(plan: Negotiation, choice: dict[str, str]) -> pspace.Package | None:
    """Option indices of a proposal's choices; None when it misses an issue or option."""
    out = []
    for issue in plan.issues:
        ids = [o.id for o in issue.options]
        if choice.get(issue.id) not in ids:
            return None
        out.append(ids.index(choice[issue.id]))
    return tuple(out)


def analyse(plan: Negotiation, *, normalise: bool = False) -> PackageAnalysis | None:
    """The full multi-issue analysis; None when the plan has no issues.

    Reservation scores as `reservation_scores` says. The Nash and Kalai-Smorodinsky
    solutions measure gains from the plan's `disagreement` point (bargaining.CONVENTIONS;
    default: the reservation scores).
    """
    if not plan.issues:
        return None
    from stakecli.negotiation import bargaining as bg
    from stakecli.negotiation import frontier as fr

    sp = space(plan, normalise=normalise)
    rv = reservation_scores(plan)
    d = bg.disagreement_point(sp, rv, plan.disagreement)
    front = fr.frontier(sp)
    scored = []
    for prop in plan.proposals:
        pkg = package_of(plan, prop.options)
        if pkg is not None:
            s = pspace.package_scores(sp, pkg)
            scored.append(
                Scored(prop.id, prop.name, pkg, s, pspace.is_acceptable(s, rv), on(front, s))
            )
    listed = list(itertools.islice(fr.acceptable_packages(sp, rv), COUNTED))
    compromise = pspace.split_the_difference(sp)
    return PackageAnalysis(
        space=sp,
        reservation=rv,
        disagreement=d,
        convention=plan.disagreement,
        proposals=tuple(scored),
        frontier=front,
        acceptable_index=tuple(front.at_least(rv).tolist()),
        acceptable_packages=tuple(listed[:LISTED]),
        acceptable_count=len(listed),
        nash=bg.nash(front, d),
        kalai_smorodinsky=bg.kalai_smorodinsky(front, d),
        compromise=compromise,
        logroll=bg.logroll(front, compromise),
    )


def on(front: fr.Frontier, scores: tuple[Fraction, ...]) -> bool:
    """Whether `scores` is a point of the frontier (its packages are Pareto-efficient).

    A frontier point at least as good as an efficient score vector can only be that vector.
    """
    index = front.at_least(scores).tolist()
    return len(index) == 1 and front.point(index[0]).scores == scores


def delivers(item: ValueItem, choice: dict[str, str]) -> bool:
    """Whether a package delivers a Circle of Value item: a listed option on each listed issue."""
    return bool(item.options) and all(
        choice.get(issue) in options for issue, options in item.options.items()
    )


def value_beyond(plan: Negotiation, choice: dict[str, str]) -> tuple[Fraction, tuple[int, ...]]:
    """Our estimated value beyond price of a package, and the items (indices) it delivers.

    An item counts once, with its `value`, in every package that delivers it (Circle of Value,
    docs/methods.md §3.10); items without `options` or without a value count nothing.
    """
    hits = tuple(k for k, item in enumerate(plan.value_beyond_price) if delivers(item, choice))
    total = sum((exact(plan.value_beyond_price[k].value or 0) for k in hits), Fraction(0))
    return total, hits
