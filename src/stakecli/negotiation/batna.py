"""Single-issue analysis: alternatives' expected values, BATNA, WATNA, ZOPA and surplus.

Every number follows docs/methods.md §3.1 and is computed exactly with `Fraction` (YAML decimals are
read through their shortest decimal form, so 0.6 is 3/5).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from stakecli.negotiation.model import Alternative, Negotiation, Party, Proposal, Role


def exact(x: float) -> Fraction:
    """The exact decimal a YAML number was written as (0.1 -> 1/10, not the float)."""
    return Fraction(str(x)) if isinstance(x, float) else Fraction(x)


@dataclass(frozen=True, slots=True)
class AlternativeValue:
    """An alternative's expected value and its worst and best possible results."""

    id: str
    name: str
    ev: Fraction
    worst: Fraction
    worst_outcome: str | None
    best: Fraction
    uncertain: bool


def evaluate(alt: Alternative) -> AlternativeValue:
    """Expected value, worst and best result of one alternative.

    EV = sum p_i (value_i - cost_i) for outcomes; (low + high) / 2 for a uniform range,
    (low + mode + high) / 3 for a triangular one; the value itself when certain.
    """
    if alt.outcomes:
        nets = [
            (o.name, exact(o.probability), exact(o.value) - exact(o.cost)) for o in alt.outcomes
        ]
        ev = sum((p * v for _, p, v in nets), Fraction(0))
        live = [(n, v) for n, p, v in nets if p > 0] or [(n, v) for n, _, v in nets]
        worst = min(live, key=lambda nv: nv[1])
        best = max(v for _, v in live)
        return AlternativeValue(alt.id, alt.name, ev, worst[1], worst[0], best, True)
    if alt.range is not None:
        low, high = exact(alt.range.low), exact(alt.range.high)
        if alt.range.distribution == "triangular":
            mode = exact(alt.range.mode) if alt.range.mode is not None else (low + high) / 2
            ev = (low + mode + high) / 3
        else:
            ev = (low + high) / 2
        return AlternativeValue(alt.id, alt.name, ev, low, None, high, True)
    value = exact(alt.value) if alt.value is not None else Fraction(0)
    return AlternativeValue(alt.id, alt.name, value, value, None, value, False)


@dataclass(frozen=True, slots=True)
class Side:
    """One party's no-deal picture and its reservation value (money, its own perspective)."""

    party: str
    us: bool
    role: Role | None
    alternatives: tuple[AlternativeValue, ...]
    batna: AlternativeValue | None
    watna: AlternativeValue | None
    reservation: Fraction | None
    reservation_source: str
    aspiration: Fraction | None


def side(party: Party) -> Side:
    """One party's alternatives, BATNA, WATNA and reservation value.

    BATNA = the alternative with the highest EV (first on ties); WATNA = the one whose worst
    result is lowest (the worst case of the no-deal path, docs/methods.md §3.2).

    The reservation value defaults to the BATNA's EV translated into a price [D]: a seller
    accepts any price >= EV; a buyer pays at most -EV (its alternatives are costs, so their
    values are negative). Without a role, the EV itself.
    """
    alts = tuple(evaluate(a) for a in party.alternatives)
    batna = max(alts, key=lambda a: a.ev, default=None)
    watna = min(alts, key=lambda a: a.worst, default=None)
    if party.reservation is not None:
        rv: Fraction | None = exact(party.reservation)
        source = "given"
    elif batna is not None:
        rv = -batna.ev if party.role is Role.BUYER else batna.ev
        source = "batna"
    else:
        rv, source = None, "unknown"
    aspiration = exact(party.aspiration) if party.aspiration is not None else None
    return Side(party.id, party.us, party.role, alts, batna, watna, rv, source, aspiration)


def sides(plan: Negotiation) -> list[Side]:
    """Every party's side, in file order."""
    return [side(p) for p in plan.parties]


@dataclass(frozen=True, slots=True)
class Zopa:
    """The bargaining zone between a seller and a buyer (docs/methods.md §3.4).

    `exists` is True when RV_s <= RV_b; at RV_s == RV_b agreement is possible with zero
    surplus [D]. Otherwise `gap` = RV_s - RV_b and each side's BATNA governs.
    """

    seller: str
    buyer: str
    low: Fraction
    high: Fraction
    exists: bool
    surplus: Fraction
    gap: Fraction
    fair_price: Fraction | None


def zopa(all_sides: list[Side]) -> Zopa | None:
    """ZOPA = [RV_s, RV_b] for the first seller and first buyer with reservation values."""
    seller = next(
        (s for s in all_sides if s.role is Role.SELLER and s.reservation is not None), None
    )
    buyer = next((s for s in all_sides if s.role is Role.BUYER and s.reservation is not None), None)
    if seller is None or buyer is None:
        return None
    assert seller.reservation is not None
    assert buyer.reservation is not None
    low, high = seller.reservation, buyer.reservation
    exists = low <= high
    fair = (low + high) / 2 if exists else None
    return Zopa(
        seller.party,
        buyer.party,
        low,
        high,
        exists,
        high - low if exists else Fraction(0),
        Fraction(0) if exists else low - high,
        fair,
    )


@dataclass(frozen=True, slots=True)
class Pair:
    """One seller and one buyer: their ZOPA, or why there is none to compute."""

    seller: str
    buyer: str
    zone: Zopa | None
    reason: str | None


def zopas(all_sides: list[Side]) -> list[Pair]:
    """The ZOPA of every seller with every buyer (several buyers or sellers: one per pair).

    A pair where a side has no reservation value gets the reason instead of a zone.
    """
    sellers = [s for s in all_sides if s.role is Role.SELLER]
    buyers = [s for s in all_sides if s.role is Role.BUYER]
    out = []
    for seller in sellers:
        for buyer in buyers:
            missing = [s.party for s in (seller, buyer) if s.reservation is None]
            if missing:
                reason = (
                    f"{' and '.join(missing)} {'has' if len(missing) == 1 else 'have'} no "
                    "reservation value (give `reservation` or alternatives)"
                )
                out.append(Pair(seller.party, buyer.party, None, reason))
            else:
                out.append(Pair(seller.party, buyer.party, zopa([seller, buyer]), None))
    return out


def value_of(price: Fraction, role: Role | None) -> Fraction:
    """What a price is worth to a party: received by a seller, paid (negative) by a buyer."""
    return -price if role is Role.BUYER else price


def surplus(price: Fraction, s: Side) -> Fraction | None:
    """Negotiator's surplus: P - RV_s for a seller, RV_b - P for a buyer (docs/methods.md §3.5)."""
    if s.reservation is None or s.role is None:
        return None
    return price - s.reservation if s.role is Role.SELLER else s.reservation - price


@dataclass(frozen=True, slots=True)
class Judgement:
    """A priced proposal against every side's reservation value."""

    proposal: str
    name: str
    price: Fraction
    surplus: dict[str, Fraction | None]
    acceptable: dict[str, bool | None]
    beats_batna: dict[str, bool | None]

    @property
    def verdict(self) -> str:
        """`acceptable to all`, `rejected by <ids>`, or `unknown` when a side lacks an RV."""
        if any(v is None for v in self.acceptable.values()):
            return "unknown"
        refusing = [p for p, ok in self.acceptable.items() if not ok]
        return "acceptable to all" if not refusing else "rejected by " + ", ".join(refusing)


def judge(proposal: Proposal, all_sides: list[Side]) -> Judgement | None:
    """Surplus and acceptability of a priced proposal for each side (None without a price)."""
    if proposal.price is None:
        return None
    price = exact(proposal.price)
    gains = {s.party: surplus(price, s) for s in all_sides}
    ok = {p: (None if g is None else g >= 0) for p, g in gains.items()}
    beats = {
        s.party: None if s.batna is None else value_of(price, s.role) >= s.batna.ev
        for s in all_sides
    }
    return Judgement(proposal.id, proposal.name, price, gains, ok, beats)


@dataclass(frozen=True, slots=True)
class PieSplit:
    """Nalebuff's split of the pie a deal creates."""

    deal_value: Fraction
    pie: Fraction
    shares: dict[str, Fraction]


def split_the_pie(plan: Negotiation, all_sides: list[Side]) -> PieSplit | None:
    """Nalebuff's split (docs/methods.md §3.9: the Nash solution with transferable utility).

    Each side gets its BATNA EV plus an equal share of the pie, pie = deal value - sum of BATNAs.
    """
    if plan.deal_value is None or any(s.batna is None for s in all_sides):
        return None
    batnas = {s.party: s.batna.ev for s in all_sides if s.batna is not None}
    total = exact(plan.deal_value)
    pie = total - sum(batnas.values(), Fraction(0))
    return PieSplit(total, pie, {party: ev + pie / len(batnas) for party, ev in batnas.items()})


def derived_secrets(plan: Negotiation) -> Iterator[tuple[tuple[str | int, ...], Fraction]]:
    """Amounts computed from confidential inputs, as confidential as those (the leak guard).

    Every alternative's expected value, worst and best result, each party's reservation
    value (derived from its BATNA when not given), the ZOPA's surplus, gap and fair price,
    and the split of the pie (docs/methods.md §3).
    """
    all_sides = sides(plan)
    for i, s in enumerate(all_sides):
        for j, alt in enumerate(s.alternatives):
            loc = ("parties", i, "alternatives", j)
            yield (*loc, "ev"), alt.ev
            yield (*loc, "worst"), alt.worst
            yield (*loc, "best"), alt.best
        if s.reservation is not None:
            yield ("parties", i, "reservation"), s.reservation
    zone = zopa(all_sides)
    if zone is not None:
        yield ("zopa", "surplus"), zone.surplus
        yield ("zopa", "gap"), zone.gap
        if zone.fair_price is not None:
            yield ("zopa", "fair_price"), zone.fair_price
    pie = split_the_pie(plan, all_sides)
    if pie is not None:
        yield ("pie",), pie.pie
        for party, share in pie.shares.items():
            yield ("pie", party), share
