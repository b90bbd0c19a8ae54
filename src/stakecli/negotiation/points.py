"""Plans without money: BATNA, ZOPA and the recommendation in package-score points.

In a score-only plan (`Negotiation.score_only`: no roles, no prices; the conflicting-KPIs
kind) every alternative's value is a package score, 0-100, on the party's own scale: what
walking away is worth compared with a package. So each party's reservation score defaults to
its BATNA's EV (`packages.reservation_scores`), the ZOPA is the set of packages every party
scores at or above its reservation (§4.3), and the recommendation compares packages
with our BATNA in points (docs/methods.md §4.13).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from stakecli.negotiation import batna
from stakecli.negotiation import packages as pk
from stakecli.negotiation import space as pspace
from stakecli.negotiation.model import Negotiation


@dataclass(frozen=True, slots=True)
class ScoreZopa:
    """The multi-issue ZOPA in points: how many packages, and each party's range in it."""

    count: int
    capped: bool
    efficient: int
    low: tuple[Fraction, ...]
    high: tuple[Fraction, ...]


@dataclass(frozen=True, slots=True)
class ScoreRecommendation:
    """Accept `proposal` (our score `value`) or walk away to the BATNA, in points.

    `proposal` is a proposal id, or None when the plan has none and the Nash package is
    recommended instead (`package`). `accept` is None without an alternative of ours.
    """

    proposal: str | None
    package: dict[str, str]
    value: Fraction
    batna: batna.AlternativeValue | None
    accept: bool | None


def zopa(analysis: pk.PackageAnalysis) -> ScoreZopa | None:
    """The ZOPA in score units; None when no package is acceptable to every party."""
    points = analysis.acceptable_points
    if not points:
        return None
    k = len(analysis.reservation)
    return ScoreZopa(
        analysis.acceptable_count,
        analysis.acceptable_count >= pk.COUNTED,
        len(points),
        analysis.reservation,
        tuple(max(p.scores[q] for p in points) for q in range(k)),
    )


def recommend(plan: Negotiation, analysis: pk.PackageAnalysis) -> ScoreRecommendation | None:
    """What to do in points: accept the best package for us, or walk away to our BATNA.

    The package is our best proposal by our score among those every other party accepts (all
    proposals if none is), else the Nash package; accept iff it scores at least our BATNA's
    EV in points.
    """
    ours = plan.us
    if ours is None:
        return None
    best = batna.side(ours).batna
    others = list(enumerate(analysis.reservation))[1:]
    scored = [s for s in analysis.proposals if all(s.scores[q] >= r for q, r in others)] or list(
        analysis.proposals
    )
    sp = analysis.space
    if scored:
        top = max(s.scores[0] for s in scored)
        pick = next(s for s in scored if s.scores[0] == top)
        choice, value, pid = pick.choice(sp), top, pick.id
    elif analysis.nash.points:
        point = analysis.nash.points[0]
        names = sp.names(point.package)
        choice = dict(zip(sp.issues, names, strict=True))
        value, pid = point.scores[0], None
    else:
        return None
    accept = None if best is None else value >= best.ev
    return ScoreRecommendation(pid, choice, value, best, accept)


def proposal_verdict(scores: tuple[Fraction, ...], parties: tuple[str, ...],
                     reservation: tuple[Fraction, ...]) -> str:  # fmt: skip
    """`acceptable to all` or `rejected by <ids>` by reservation scores."""
    refusing = [p for p, s, r in zip(parties, scores, reservation, strict=True) if s < r]
    return "acceptable to all" if not refusing else "rejected by " + ", ".join(refusing)


def scores_of(analysis: pk.PackageAnalysis, choice: dict[str, str]) -> tuple[Fraction, ...]:
    """Every party's score of a package given as issue id -> option id (all issues present)."""
    sp = analysis.space
    pkg = tuple(sp.options[i].index(choice[name]) for i, name in enumerate(sp.issues))
    return pspace.package_scores(sp, pkg)
