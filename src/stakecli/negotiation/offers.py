"""The offer history at the table: scores, concessions, reciprocity, silence (methods §4.10).

Offers are taken in file order (turns need not alternate). Each party's score of a package is
its additive 0-100 score (§4.1); a price is worth `+P` to a seller and `-P` to a buyer.
The concession of an offer is measured by the party that makes it, in its own score, from its
own previous offer: `c = V_i(x_prev) - V_i(x_t)` (> 0 a concession, 0 firm, < 0 a
retraction). The receivers' view (Vetschera) is each other party's gain between the same two
offers, `V_j(x_t) - V_j(x_prev)` (docs/methods.md §4.10).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from stakecli.negotiation import batna
from stakecli.negotiation import space as pspace
from stakecli.negotiation.batna import exact
from stakecli.negotiation.model import Negotiation, Offer
from stakecli.negotiation.packages import ordered, package_of, reservation_scores, space

SILENCE_DAYS = 7
"""[D] A reply that comes more than this many days after the offer it answers is a silence."""


@dataclass(frozen=True, slots=True)
class Step:
    """One offer with everything docs/methods.md §4.10 reports about it.

    Attributes:
        scores: Every party's score of the package (parties ours first), None without one.
        worth: Every party's money value of the price (None without a price or a role).
        concession: The offering party's score drop from its previous offer (None: first
            offer, or either lacks a package).
        price_concession: The same in money, from its own perspective.
        receiver_gain: Each other party's score gain between the same two offers.
        above_reservation: Whether the offer is still acceptable to us: our score >= our
            reservation score, and the price within our reservation value (None: neither
            can be judged).
        silence: Days since the other side's offer this one answers, when more than the
            silence threshold.
    """

    index: int
    round: int
    by: str
    at: date | None
    package: pspace.Package | None
    scores: tuple[Fraction, ...] | None
    price: Fraction | None
    worth: dict[str, Fraction | None]
    concession: Fraction | None
    price_concession: Fraction | None
    receiver_gain: dict[str, Fraction | None]
    above_reservation: bool | None
    silence: int | None
    unanswered: bool


@dataclass(frozen=True, slots=True)
class History:
    """The whole offer history, and each party's concessions and reciprocity."""

    parties: tuple[str, ...]
    steps: tuple[Step, ...]
    conceded: dict[str, Fraction]
    reciprocity: dict[str, Fraction | None]


def _gives(step: Step) -> bool:
    """Whether an offer concedes, in score or in money."""
    return any(c is not None and c > 0 for c in (step.concession, step.price_concession))


def history(plan: Negotiation, *, silence_days: int = SILENCE_DAYS) -> History:
    """Score every offer and measure each concession (offers naming unknown options unscored).

    An offer of ours is `unanswered` (the strategic-silence prompt) when it concedes, the
    offer just before it is also ours, and that one conceded too: a second concession in a
    row with no counter-offer from the other side.
    """
    table = _table(plan, silence_days)
    last: dict[str, Step] = {}
    steps: list[Step] = []
    for index, offer in enumerate(plan.offers):
        step = _step(table, index, offer, last.get(offer.by), steps)
        steps.append(step)
        last[offer.by] = step
    conceded, reciprocity = _reciprocity(table.ids, steps)
    return History(table.ids, tuple(steps), conceded, reciprocity)


@dataclass(frozen=True, slots=True)
class _Table:
    """What every offer of one plan is measured against."""

    plan: Negotiation
    ids: tuple[str, ...]
    sides: dict[str, batna.Side]
    space: pspace.Space | None
    reservation: tuple[Fraction, ...] | None
    us: str | None
    silence_days: int


def _table(plan: Negotiation, silence_days: int) -> _Table:
    """The plan's parties (ours first), their no-deal sides, its package space and our id."""
    ids = tuple(p.id for p in ordered(plan))
    sides = {s.party: s for s in batna.sides(plan)}
    sp = space(plan) if plan.issues else None
    rv = reservation_scores(plan) if plan.issues else None
    us = plan.us.id if plan.us is not None else None
    return _Table(plan, ids, sides, sp, rv, us, silence_days)


def _step(table: _Table, index: int, offer: Offer, prev: Step | None, steps: list[Step]) -> Step:
    """One offer measured against the same party's previous offer `prev` and the ones before."""
    sp = table.space
    pkg = package_of(table.plan, offer.package) if sp is not None and offer.package else None
    scores = pspace.package_scores(sp, pkg) if sp is not None and pkg is not None else None
    price = exact(offer.price) if offer.price is not None else None
    worth = {pid: _worth(price, table.sides[pid]) for pid in table.ids}
    before = prev.scores if prev is not None else None
    own = worth.get(offer.by)
    was = prev.worth.get(offer.by) if prev is not None else None
    gain = was - own if own is not None and was is not None else None
    ours = table.sides.get(table.us) if table.us is not None else None
    step = Step(
        index, offer.round, offer.by, offer.at, pkg, scores, price, worth,
        _concession(table.ids, offer.by, before, scores), gain,
        _receiver_gains(table.ids, offer.by, before, scores),
        _above(offer, scores, table.reservation, ours),
        _silence(steps, offer, table.silence_days), False,
    )  # fmt: skip
    if _unanswered(table.us, step, steps):
        step = replace(step, unanswered=True)
    return step


def _concession(
    ids: tuple[str, ...],
    by: str,
    before: tuple[Fraction, ...] | None,
    scores: tuple[Fraction, ...] | None,
) -> Fraction | None:
    """The offering party's drop in its own score since its previous offer."""
    if by not in ids or before is None or scores is None:
        return None
    me = ids.index(by)
    return before[me] - scores[me]


def _receiver_gains(
    ids: tuple[str, ...],
    by: str,
    before: tuple[Fraction, ...] | None,
    scores: tuple[Fraction, ...] | None,
) -> dict[str, Fraction | None]:
    """Each other party's score gain between the offering party's previous offer and this one."""
    return {
        pid: scores[q] - before[q] if before is not None and scores is not None else None
        for q, pid in enumerate(ids)
        if pid != by
    }


def _unanswered(us: str | None, step: Step, steps: list[Step]) -> bool:
    """Whether `step` is our second concession in a row with no offer from the other side."""
    return (
        us is not None
        and step.by == us
        and bool(steps)
        and steps[-1].by == us
        and _gives(step)
        and _gives(steps[-1])
    )


def _worth(price: Fraction | None, side: batna.Side) -> Fraction | None:
    return None if price is None or side.role is None else batna.value_of(price, side.role)


def _above(
    offer: Offer,
    scores: tuple[Fraction, ...] | None,
    rv: tuple[Fraction, ...] | None,
    ours: batna.Side | None,
) -> bool | None:
    checks = []
    if scores is not None and rv is not None:
        checks.append(scores[0] >= rv[0])
    if offer.price is not None and ours is not None:
        gain = batna.surplus(exact(offer.price), ours)
        if gain is not None:
            checks.append(gain >= 0)
    return all(checks) if checks else None


def _silence(steps: list[Step], offer: Offer, days: int) -> int | None:
    """Days since the other side's offer that this one answers, if longer than `days`."""
    if not steps or steps[-1].by == offer.by or offer.at is None or steps[-1].at is None:
        return None
    waited = (offer.at - steps[-1].at).days
    return waited if waited > days else None


def _reciprocity(
    ids: tuple[str, ...], steps: list[Step]
) -> tuple[dict[str, Fraction], dict[str, Fraction | None]]:
    """Score concessions per party, and [D] reciprocity = the others' sum / one's own.

    Both sums run over the same rounds: those in which the party and another party each made
    a scored concession (a second or later scored offer).
    """
    by_round: dict[str, dict[int, Fraction]] = {pid: {} for pid in ids}
    for step in steps:
        if step.concession is not None and step.by in by_round:
            rounds = by_round[step.by]
            rounds[step.round] = rounds.get(step.round, Fraction(0)) + step.concession
    conceded = {pid: sum(r.values(), Fraction(0)) for pid, r in by_round.items()}
    out: dict[str, Fraction | None] = {}
    for pid in ids:
        others = [q for q in ids if q != pid]
        shared = {r for r in by_round[pid] if any(r in by_round[q] for q in others)}
        own = sum((by_round[pid][r] for r in shared), Fraction(0))
        theirs = sum(
            (by_round[q][r] for q in others for r in shared if r in by_round[q]), Fraction(0)
        )
        out[pid] = theirs / own if shared and own else None
    return conceded, out
