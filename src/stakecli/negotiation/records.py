"""The table and after as plain data: offer history, debrief, preparation, our coalition.

Like `views`, numbers stay JSON numbers here (int when whole, else float); `text` formats them.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from stakecli.negotiation import batna, coalition, debrief, offers, packages, questions
from stakecli.negotiation import space as pspace
from stakecli.negotiation.model import Agreement, Negotiation
from stakecli.negotiation.views import num


def _scores(parties: tuple[str, ...], scores: tuple[Fraction, ...] | None) -> Any:
    return None if scores is None else {p: num(s) for p, s in zip(parties, scores, strict=True)}


def offer_data(plan: Negotiation, *, silence_days: int = offers.SILENCE_DAYS) -> dict[str, Any]:
    """Every offer with scores, concessions (own and receivers'), reservation and silence."""
    found = offers.history(plan, silence_days=silence_days)
    parties = found.parties
    rows = []
    for step, offer in zip(found.steps, plan.offers, strict=True):
        rows.append(
            {
                "number": step.index + 1,
                "round": step.round,
                "by": step.by,
                "at": step.at.isoformat() if step.at else None,
                "package": dict(offer.package),
                "price": num(step.price),
                "scores": _scores(parties, step.scores),
                "concession": num(step.concession),
                "price_concession": num(step.price_concession),
                "receiver_gain": {k: num(v) for k, v in step.receiver_gain.items()},
                "above_reservation": step.above_reservation,
                "silence_days": step.silence,
                "unanswered": step.unanswered,
                "response": offer.response,
                "message": offer.message,
            }
        )
    return {
        "parties": list(parties),
        "silence_days": silence_days,
        "offers": rows,
        "conceded": {k: num(v) for k, v in found.conceded.items()},
        "reciprocity": {k: num(v) for k, v in found.reciprocity.items()},
    }


def preparation(plan: Negotiation, forms: list[str] | None = None) -> list[dict[str, Any]]:
    """Open positions of the other side and the questions to ask about each."""
    return [
        {"party": o.party, "position": o.position, "questions": list(o.questions)}
        for o in questions.open_positions(plan, forms or questions.DEFAULT_QUESTIONS)
    ]


def stances(plan: Negotiation) -> list[dict[str, Any]]:
    """Our signatories' stances, with the options named by issue."""
    return [
        {
            "stakeholder": s.stakeholder,
            "serves": {k: list(v) for k, v in s.serves.items()},
            "blocks": {k: list(v) for k, v in s.blocks.items()},
            "why": s.why,
        }
        for s in plan.internal
    ]


def _improvement(sp: pspace.Space, imp: debrief.Improvement) -> dict[str, Any]:
    return {
        "package": dict(zip(sp.issues, sp.names(imp.package), strict=True)),
        "scores": _scores(sp.parties, imp.scores),
        "gains": _scores(sp.parties, imp.gains),
        "joint_gain": num(imp.joint_gain),
    }


def _split(sp: pspace.Space, found: debrief.Split | None) -> Any:
    if found is None:
        return None
    return {
        "gains": _scores(sp.parties, found.gains),
        "shares": {p: num(s) for p, s in zip(sp.parties, found.shares, strict=True)},
    }


def debrief_data(
    plan: Negotiation, *, normalise: bool = False, rule: coalition.Rule = coalition.DEFAULT_RULE
) -> dict[str, Any] | None:
    """The debrief of the recorded agreement; None when the plan records none."""
    agreed = plan.agreement
    if agreed is None:
        return None
    side = batna.side(plan.us) if plan.us is not None else None
    out = _deal_data(plan, agreed, side, rule)
    settled = _settlement(plan, agreed, normalise)
    if settled is None:
        return out
    out["packages"], our_score = settled
    if plan.score_only and side is not None and side.batna is not None:
        out["beats_batna"] = our_score >= side.batna.ev
    return out


def _deal_data(
    plan: Negotiation, agreed: Agreement, side: batna.Side | None, rule: coalition.Rule
) -> dict[str, Any]:
    """The agreement as recorded, its worth to us against our BATNA, and the coalition verdict."""
    price = batna.exact(agreed.price) if agreed.price is not None else None
    beyond, hits = packages.value_beyond(plan, agreed.package)
    worth = None
    if price is not None and side is not None:
        worth = batna.value_of(price, side.role) + beyond
    return {
        "title": plan.title,
        "currency": plan.currency,
        "units": "score" if plan.score_only else "money",
        "round": agreed.round,
        "at": agreed.at.isoformat() if agreed.at else None,
        "package": dict(agreed.package),
        "price": num(price),
        "rationale": agreed.rationale,
        "value_beyond": num(beyond),
        "delivered": [plan.value_beyond_price[k].interest for k in hits],
        "worth": num(worth),
        **_batna_data(price, worth, side),
        "closest": _closest(plan),
        "packages": None,
        **coalition.verdict_data(plan, dict(agreed.package), rule),
    }


def _batna_data(
    price: Fraction | None, worth: Fraction | None, side: batna.Side | None
) -> dict[str, Any]:
    """Our BATNA, its expected value, whether the deal's worth beats it, and the surplus."""
    alternative = side.batna if side is not None else None
    return {
        "batna": alternative.id if alternative else None,
        "batna_ev": num(alternative.ev) if alternative else None,
        "beats_batna": worth >= alternative.ev
        if worth is not None and alternative is not None
        else None,
        "surplus": num(batna.surplus(price, side)) if price is not None and side else None,
    }


def _settlement(
    plan: Negotiation, agreed: Agreement, normalise: bool
) -> tuple[dict[str, Any], Fraction] | None:
    """The agreed package against the frontier (§4.11) and our score in it; None without one."""
    analysis = packages.analyse(plan, normalise=normalise)
    pkg = packages.package_of(plan, agreed.package)
    if analysis is None or pkg is None:
        return None
    sp, front = analysis.space, analysis.frontier
    post = debrief.post_settlement(front, pkg)
    nash, nash_split = debrief.nash_split(front, analysis.disagreement)
    found = {
        "parties": list(sp.parties),
        "scores": _scores(sp.parties, post.scores),
        "joint": num(pspace.joint(post.scores)),
        "reservation_scores": _scores(sp.parties, analysis.reservation),
        "acceptable": pspace.is_acceptable(post.scores, analysis.reservation),
        "efficient": post.efficient,
        "frontier_size": len(front),
        "dominating": [_improvement(sp, d) for d in post.dominating],
        "dominating_count": post.dominating_count,
        "dominating_capped": post.dominating_count >= debrief.COUNTED,
        "pss_gain": num(post.pss_gain),
        "tu_gap": num(post.tu_gap),
        "suggestion": [_improvement(sp, d) for d in post.suggestion],
        "split": _split(sp, debrief.split(post.scores, analysis.disagreement)),
        "disagreement": _scores(sp.parties, analysis.disagreement),
        "convention": analysis.convention,
        "nash": [_scored_package(sp, p.package, p.scores) for p in nash.points],
        "nash_split": _split(sp, nash_split),
    }
    return found, post.scores[0]


def _scored_package(
    sp: pspace.Space, package: pspace.Package, scores: tuple[Fraction, ...]
) -> dict[str, Any]:
    """A package with its options named by issue, and each party's score."""
    return {
        "package": dict(zip(sp.issues, sp.names(package), strict=True)),
        "scores": _scores(sp.parties, scores),
    }


def _closest(plan: Negotiation) -> dict[str, Any] | None:
    """Our prepared proposal nearest the agreement, with the rationale recorded for it.

    [D] Most issues in common, then the nearest price, then file order.
    """
    agreed = plan.agreement
    ours = plan.us
    if agreed is None or ours is None:
        return None
    prepared = [p for p in plan.proposals if p.by == ours.id]
    if not prepared:
        return None

    def key(k: int) -> tuple[int, Fraction, int]:
        prop = prepared[k]
        same = sum(agreed.package.get(i) == o for i, o in prop.options.items())
        gap = (
            abs(batna.exact(prop.price) - batna.exact(agreed.price))
            if prop.price is not None and agreed.price is not None
            else Fraction(0)
        )
        return (-same, gap, k)

    best = prepared[min(range(len(prepared)), key=key)]
    same = [i for i, o in best.options.items() if agreed.package.get(i) == o]
    return {
        "id": best.id,
        "name": best.name,
        "rationale": best.rationale,
        "same_issues": same,
        "issues": len(plan.issues),
        "price": num(batna.exact(best.price)) if best.price is not None else None,
    }
