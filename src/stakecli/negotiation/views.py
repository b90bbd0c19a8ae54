"""A negotiation plan's analysis as plain data: the JSON output, and the source of every view.

Numbers stay numbers here (int when whole, else float); `views.negotiation_text` formats them.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from stakecli.negotiation import batna, packages, sensitivity
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
    """BATNA/WATNA per side, ZOPA, proposals judged, recommendation, sensitivity, simulation."""
    sides = batna.sides(plan)
    ours = next((s for s in sides if s.us), None)
    zone = batna.zopa(sides)
    judged = [j for p in plan.proposals if (j := batna.judge(p, sides)) is not None]
    out: dict[str, Any] = {
        "title": plan.title,
        "currency": plan.currency,
        "sides": [_side(s) for s in sides],
        "zopa": None,
        "proposals": [
            {
                "id": j.proposal,
                "name": j.name,
                "price": num(j.price),
                "surplus": {k: num(v) for k, v in j.surplus.items()},
                "acceptable": j.acceptable,
                "beats_batna": j.beats_batna,
                "verdict": j.verdict,
            }
            for j in judged
        ],
        "recommendation": None,
        "sensitivity": [],
        "simulation": None,
        "split_the_pie": None,
        "value_beyond_price": {
            "items": [v.model_dump() for v in plan.value_beyond_price],
            "total": num(
                sum((batna.exact(v.value or 0) for v in plan.value_beyond_price), Fraction(0))
            ),
        },
    }
    if zone is not None:
        out["zopa"] = {
            "seller": zone.seller,
            "buyer": zone.buyer,
            "low": num(zone.low),
            "high": num(zone.high),
            "exists": zone.exists,
            "surplus": num(zone.surplus),
            "gap": num(zone.gap),
            "fair_price": num(zone.fair_price),
        }
    pie = batna.split_the_pie(plan, sides)
    if pie is not None:
        out["split_the_pie"] = {
            "deal_value": num(pie.deal_value),
            "pie": num(pie.pie),
            "shares": {k: num(v) for k, v in pie.shares.items()},
        }
    if ours is not None:
        rec = sensitivity.recommend(plan, ours)
        out["recommendation"] = {
            "accept": rec.accept,
            "proposal": rec.proposal,
            "value": num(rec.value),
            "batna": rec.batna.id if rec.batna else None,
            "batna_ev": num(rec.batna.ev) if rec.batna else None,
        }
        out["sensitivity"] = [
            {
                "alternative": b.alternative,
                "estimate": b.estimate,
                "current": num(b.current),
                "break_even": num(b.break_even),
                "change": num(b.change),
            }
            for b in sensitivity.break_evens(plan, ours)
        ]
        sim = sensitivity.simulate(plan, ours, seed=seed, samples=samples)
        if sim is not None:
            out["simulation"] = {
                "seed": sim.seed,
                "samples": sim.samples,
                "p_beats_batna": sim.probability,
            }
    return out


def _point(sp: pspace.Space, scores: tuple[Fraction, ...], pkg: pspace.Package) -> dict[str, Any]:
    return {
        "scores": {p: num(s) for p, s in zip(sp.parties, scores, strict=True)},
        "joint": num(pspace.joint(scores)),
        "package": dict(zip(sp.issues, sp.names(pkg), strict=True)),
    }


def package_summary(plan: Negotiation, *, normalise: bool = False) -> dict[str, Any] | None:
    """Scores per proposal, frontier, acceptable packages, Nash, compromise and logroll."""
    a = packages.analyse(plan, normalise=normalise)
    if a is None:
        return None
    sp = a.space
    nash_points = [_point(sp, p.scores, p.package) for p in a.nash.points]
    return {
        "parties": list(sp.parties),
        "issues": list(sp.issues),
        "space_size": sp.size,
        "reservation_scores": {p: num(r) for p, r in zip(sp.parties, a.reservation, strict=True)},
        "disagreement": {
            "convention": a.convention,
            "point": {p: num(d) for p, d in zip(sp.parties, a.disagreement, strict=True)},
        },
        "proposals": [
            {
                "id": s.id,
                "name": s.name,
                **_point(sp, s.scores, s.package),
                "acceptable": s.acceptable,
                "efficient": s.efficient,
            }
            for s in a.proposals
        ],
        "frontier": {
            "size": len(a.frontier.points),
            "packages": sum(p.count for p in a.frontier.points),
            "points": [
                {**_point(sp, p.scores, p.package), "count": p.count} for p in a.frontier.points
            ],
        },
        "acceptable": {
            "count": a.acceptable_count,
            "count_capped": a.acceptable_count >= packages.COUNTED,
            "packages": [
                _point(sp, pspace.package_scores(sp, k), k) for k in a.acceptable_packages
            ],
            "efficient": [_point(sp, p.scores, p.package) for p in a.acceptable_points],
        },
        "nash": {
            "product": num(a.nash.value),
            "solutions": nash_points,
            "tie": len(nash_points) > 1,
        },
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
