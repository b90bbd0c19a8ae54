"""A negotiation plan's analysis as plain data: the JSON output, and the source of every view.

Numbers stay numbers here (int when whole, else float); `views.negotiation_text` formats them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from stakecli.negotiation import batna, coalition, packages, points, sensitivity
from stakecli.negotiation import frontier as fr
from stakecli.negotiation import space as pspace
from stakecli.negotiation.model import Negotiation


def num(x: Fraction | None) -> int | float | None:
    """A JSON number: exact integers stay int, other values become the nearest float."""
    if x is None:
        return None
    return int(x) if x.denominator == 1 else float(x)


def _alt(a: batna.AlternativeValue) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "ev": num(a.ev),
        "worst": num(a.worst),
        "worst_outcome": a.worst_outcome,
        "best": num(a.best),
        "uncertain": a.uncertain,
    }


def _side(s: batna.Side) -> dict[str, Any]:
    return {
        "party": s.party,
        "us": s.us,
        "role": s.role.value if s.role else None,
        "alternatives": [_alt(a) for a in s.alternatives],
        "batna": s.batna.id if s.batna else None,
        "batna_ev": num(s.batna.ev) if s.batna else None,
        "watna": s.watna.id if s.watna else None,
        "watna_value": num(s.watna.worst) if s.watna else None,
        "watna_outcome": s.watna.worst_outcome if s.watna else None,
        "reservation": num(s.reservation),
        "reservation_source": s.reservation_source,
        "aspiration": num(s.aspiration),
    }


def summary(plan: Negotiation, *, seed: int = 0, samples: int = 10_000) -> dict[str, Any]:
    """BATNA/WATNA per side, ZOPA, proposals judged, recommendation, sensitivity, simulation.

    A score-only plan (`Negotiation.score_only`) is judged in package-score points instead of
    money (`units: score`): see `points`.
    """
    sides = batna.sides(plan)
    ours = next((s for s in sides if s.us), None)
    zone = batna.zopa(sides)
    beyond = {p.id: packages.value_beyond(plan, p.options) for p in plan.proposals}
    out: dict[str, Any] = {
        "title": plan.title,
        "currency": plan.currency,
        "units": "score" if plan.score_only else "money",
        "sides": [_side(s) for s in sides],
        "zopa": None if zone is None else _zone(zone),
        "zopas": [_pair(pair) for pair in batna.zopas(sides)],
        "zopa_scores": None,
        "proposals": _judged(plan, sides, beyond),
        "recommendation": None,
        "sensitivity": [],
        "simulation": None,
        "split_the_pie": _pie(batna.split_the_pie(plan, sides)),
        "value_beyond_price": _value_beyond(plan, beyond),
    }
    if plan.score_only:
        _score_only(plan, out, ours)
    elif ours is not None:
        out.update(_judgement(plan, ours, seed=seed, samples=samples))
    return out


Beyond = dict[str, tuple[Fraction, tuple[int, ...]]]
"""Per proposal id, its value beyond price and the items of `value_beyond_price` it delivers."""


def _judged(plan: Negotiation, sides: list[batna.Side], beyond: Beyond) -> list[dict[str, Any]]:
    """Each proposal judged in money against every side's walk-away point."""
    judged = [j for p in plan.proposals if (j := batna.judge(p, sides)) is not None]
    return [
        {
            "id": j.proposal,
            "name": j.name,
            "price": num(j.price),
            "surplus": {k: num(v) for k, v in j.surplus.items()},
            "acceptable": j.acceptable,
            "beats_batna": j.beats_batna,
            "verdict": j.verdict,
            "value_beyond": num(beyond[j.proposal][0]),
        }
        for j in judged
    ]


def _value_beyond(plan: Negotiation, beyond: Beyond) -> dict[str, Any]:
    """The plan's value beyond price: each item, which proposals deliver it, the total."""
    items = plan.value_beyond_price
    return {
        "items": [
            {
                **v.model_dump(),
                "counted": bool(v.options),
                "delivered_by": [pid for pid, (_, hits) in beyond.items() if k in hits],
            }
            for k, v in enumerate(items)
        ],
        "total": num(sum((batna.exact(v.value or 0) for v in items), Fraction(0))),
    }


def _pie(pie: batna.PieSplit | None) -> dict[str, Any] | None:
    """The split of the pie, when there is one to split."""
    if pie is None:
        return None
    return {
        "deal_value": num(pie.deal_value),
        "pie": num(pie.pie),
        "shares": {k: num(v) for k, v in pie.shares.items()},
    }


def _judgement(plan: Negotiation, ours: batna.Side, *, seed: int, samples: int) -> dict[str, Any]:
    """Our recommendation in money, how far each estimate may move, and the simulation."""
    rec = sensitivity.recommend(plan, ours)
    evens = _break_evens(sensitivity.break_evens(plan, ours))
    sim = sensitivity.simulate(plan, ours, seed=seed, samples=samples)
    return {
        "recommendation": {
            "accept": rec.accept,
            "proposal": rec.proposal,
            "value": num(rec.value),
            "batna": rec.batna.id if rec.batna else None,
            "batna_ev": num(rec.batna.ev) if rec.batna else None,
        },
        "sensitivity": evens,
        "simulation": None
        if sim is None
        else {"seed": sim.seed, "samples": sim.samples, "p_beats_batna": sim.probability},
    }


def _zone(zone: batna.Zopa) -> dict[str, Any]:
    return {
        "seller": zone.seller,
        "buyer": zone.buyer,
        "low": num(zone.low),
        "high": num(zone.high),
        "exists": zone.exists,
        "surplus": num(zone.surplus),
        "gap": num(zone.gap),
        "fair_price": num(zone.fair_price),
    }


def _pair(pair: batna.Pair) -> dict[str, Any]:
    zone = _zone(pair.zone) if pair.zone is not None else {}
    return {"seller": pair.seller, "buyer": pair.buyer, **zone, "reason": pair.reason}


def _break_evens(found: list[sensitivity.BreakEven]) -> list[dict[str, Any]]:
    return [
        {
            "alternative": b.alternative,
            "estimate": b.estimate,
            "current": num(b.current),
            "break_even": num(b.break_even),
            "change": num(b.change),
        }
        for b in found
    ]


def _score_only(plan: Negotiation, out: dict[str, Any], ours: batna.Side | None) -> None:
    """Reservation values, ZOPA, proposals and the recommendation in points (`points`)."""
    analysis = packages.analyse(plan)
    if analysis is None:
        return
    parties = analysis.space.parties
    rv = dict(zip(parties, analysis.reservation, strict=True))
    for side in out["sides"]:
        side["reservation"] = num(rv[side["party"]])
        given = next(p for p in plan.parties if p.id == side["party"]).reservation_score
        side["reservation_source"] = "given" if given is not None else side["reservation_source"]
    out["zopa_scores"] = _zopa_scores(analysis)
    out["proposals"] = _proposal_scores(analysis)
    rec = points.recommend(plan, analysis)
    if rec is not None:
        out["recommendation"] = {
            "accept": rec.accept,
            "proposal": rec.proposal,
            "package": rec.package,
            "value": num(rec.value),
            "batna": rec.batna.id if rec.batna else None,
            "batna_ev": num(rec.batna.ev) if rec.batna else None,
        }
        if ours is not None:
            out["sensitivity"] = _break_evens(sensitivity.break_evens(plan, ours, rec.value))


def _by_party(parties: Sequence[str], values: Sequence[Fraction]) -> dict[str, Any]:
    """Party -> value, as JSON numbers."""
    return {p: num(x) for p, x in zip(parties, values, strict=True)}


def _zopa_scores(analysis: packages.PackageAnalysis) -> dict[str, Any] | None:
    """The zone of agreement of a score-only plan: how many packages, each party's range."""
    zone = points.zopa(analysis)
    if zone is None:
        return None
    parties = analysis.space.parties
    return {
        "count": zone.count,
        "count_capped": zone.capped,
        "efficient": zone.efficient,
        "low": _by_party(parties, zone.low),
        "high": _by_party(parties, zone.high),
    }


def _proposal_scores(analysis: packages.PackageAnalysis) -> list[dict[str, Any]]:
    """Each proposal of a score-only plan: its scores, who accepts it, the verdict."""
    parties, reservation = analysis.space.parties, analysis.reservation
    return [
        {
            "id": s.id,
            "name": s.name,
            "scores": _by_party(parties, s.scores),
            "acceptable": {
                p: x >= r for p, x, r in zip(parties, s.scores, reservation, strict=True)
            },
            "verdict": points.proposal_verdict(s.scores, parties, reservation),
        }
        for s in analysis.proposals
    ]


def _point(sp: pspace.Space, scores: tuple[Fraction, ...], pkg: pspace.Package) -> dict[str, Any]:
    return {
        "scores": {p: num(s) for p, s in zip(sp.parties, scores, strict=True)},
        "joint": num(pspace.joint(scores)),
        "package": dict(zip(sp.issues, sp.names(pkg), strict=True)),
    }


def _ratio(n: int, d: int) -> int | float:
    """`num(Fraction(n, d))` without building the Fraction (int division rounds correctly)."""
    return n // d if n % d == 0 else n / d


def frontier_points(
    front: fr.Frontier, index: Sequence[int], marks: Sequence[bool] | None = None
) -> list[dict[str, Any]]:
    """`_point` dicts (with `count`) of frontier points `index`, from the exact integers.

    Equal to `_point` on each `FrontierPoint`, without a `Fraction` per score: the views of a
    40-issue plan list tens of thousands of points. `marks[f]` adds `signable` per point.
    """
    sp, dens = front.space, front.denominators
    common = math.lcm(*dens)
    steps = [common // d for d in dens]
    rows = front.scaled[list(index)].tolist() if len(index) else []
    choices = front.packages[list(index)].tolist() if len(index) else []
    out = []
    for f, row, pkg in zip(index, rows, choices, strict=True):
        point = {
            "scores": {p: _ratio(n, d) for p, n, d in zip(sp.parties, row, dens, strict=True)},
            "joint": _ratio(sum(n * k for n, k in zip(row, steps, strict=True)), common),
            "package": {
                i: names[j] for i, names, j in zip(sp.issues, sp.options, pkg, strict=True)
            },
            "count": front.counts[f],
        }
        if marks is not None:
            point["signable"] = bool(marks[f])
        out.append(point)
    return out


def package_points(front: fr.Frontier, pkgs: Sequence[pspace.Package]) -> list[dict[str, Any]]:
    """`_point` dicts of any packages, scored on the frontier's exact integers."""
    sp, dens = front.space, front.denominators
    common = math.lcm(*dens)
    steps = [common // d for d in dens]
    out = []
    for pkg in pkgs:
        row = front.score_ints(pkg)
        out.append(
            {
                "scores": {p: _ratio(n, d) for p, n, d in zip(sp.parties, row, dens, strict=True)},
                "joint": _ratio(sum(n * k for n, k in zip(row, steps, strict=True)), common),
                "package": dict(zip(sp.issues, sp.names(pkg), strict=True)),
            }
        )
    return out


def package_summary(
    plan: Negotiation,
    *,
    normalise: bool = False,
    limit: int | None = None,
    rule: coalition.Rule = coalition.DEFAULT_RULE,
) -> dict[str, Any] | None:
    """Scores per proposal, frontier, acceptable packages, Nash, compromise and logroll.

    `limit`: list at most this many frontier (and acceptable frontier) points; sizes and
    counts stay complete. None lists them all (JSON, the chart).
    """
    a = packages.analyse(plan, normalise=normalise)
    if a is None:
        return None
    sp = a.space
    marks = coalition.signable(plan, a.frontier, a.reservation, rule)
    return {
        "parties": list(sp.parties),
        "issues": list(sp.issues),
        "space_size": sp.size,
        "reservation_scores": _by_party(sp.parties, a.reservation),
        "disagreement": {
            "convention": a.convention,
            "point": _by_party(sp.parties, a.disagreement),
        },
        "proposals": _proposal_points(plan, a, rule),
        "frontier": _frontier(a.frontier, limit, marks),
        "acceptable": _acceptable(a, limit),
        **_solutions(a),
    }


def _proposal_points(
    plan: Negotiation, a: packages.PackageAnalysis, rule: coalition.Rule
) -> list[dict[str, Any]]:
    """Each proposal's scores, whether acceptable and efficient, and our coalition's verdict."""
    sp = a.space
    return [
        {
            "id": s.id,
            "name": s.name,
            **_point(sp, s.scores, s.package),
            "acceptable": s.acceptable,
            "efficient": s.efficient,
            **coalition.verdict_data(plan, s.choice(sp), rule),
        }
        for s in a.proposals
    ]


def _frontier(
    front: fr.Frontier, limit: int | None, marks: Sequence[bool] | None
) -> dict[str, Any]:
    """The frontier's size, its first `limit` points and how many of them we can sign."""
    shown = range(len(front) if limit is None else min(limit, len(front)))
    return {
        "size": len(front),
        "packages": sum(front.counts),
        "signable": None if marks is None else int(sum(marks)),
        "points": frontier_points(front, shown, marks),
    }


def _acceptable(a: packages.PackageAnalysis, limit: int | None) -> dict[str, Any]:
    """How many packages every party accepts, and the first `limit` efficient ones."""
    efficient = list(a.acceptable_index if limit is None else a.acceptable_index[:limit])
    return {
        "count": a.acceptable_count,
        "count_capped": a.acceptable_count >= packages.COUNTED,
        "packages": package_points(a.frontier, a.acceptable_packages),
        "efficient_count": len(a.acceptable_index),
        "efficient": [
            {k: v for k, v in p.items() if k not in ("count", "signable")}
            for p in frontier_points(a.frontier, efficient)
        ],
    }


def _solutions(a: packages.PackageAnalysis) -> dict[str, Any]:
    """The Nash and Kalai-Smorodinsky solutions, the compromise and the best logroll."""
    sp = a.space
    nash = [_point(sp, p.scores, p.package) for p in a.nash.points]
    return {
        "nash": {"product": num(a.nash.value), "solutions": nash, "tie": len(nash) > 1},
        "kalai_smorodinsky": {
            "min_share": num(a.kalai_smorodinsky.value),
            "solutions": [_point(sp, p.scores, p.package) for p in a.kalai_smorodinsky.points],
        },
        "compromise": _point(sp, a.logroll.compromise_scores, a.compromise),
        "logroll": {
            "best": [_point(sp, p.scores, p.package) for p in a.logroll.best],
            "joint_gain": num(a.logroll.joint_gain),
            "integrative_potential": num(a.logroll.integrative_potential),
        },
    }
