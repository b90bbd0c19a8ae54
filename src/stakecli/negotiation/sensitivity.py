"""How robust our recommendation is: break-even estimates and a seeded simulation.

The recommendation compares our best priced proposal with our BATNA, Fisher and Ury's trip
wire: accept when the proposal is worth at least the BATNA's expected value, else walk away.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from stakecli.core import progress
from stakecli.negotiation.batna import (
    AlternativeValue,
    Side,
    evaluate,
    exact,
    side,
    surplus,
    value_of,
)
from stakecli.negotiation.model import Alternative, Negotiation, Proposal
from stakecli.negotiation.packages import value_beyond


@dataclass(frozen=True, slots=True)
class Recommendation:
    """Accept `proposal` (worth `value` to us) or walk away to the BATNA.

    `accept` is None when we have no alternative to compare with (or no priced proposal).
    """

    proposal: str | None
    value: Fraction | None
    batna: AlternativeValue | None
    accept: bool | None


def recommend(plan: Negotiation, ours: Side) -> Recommendation:
    """Our best priced proposal judged against our BATNA's EV.

    Candidates are the priced proposals no other side rejects by its (estimated) reservation
    value, or every priced proposal when each is rejected; the best for us wins, the first on
    ties. A proposal is worth its price to us plus the value beyond price of the Circle of
    Value items its options deliver (`packages.value_beyond`).
    """
    others = [side(p) for p in plan.parties if p.id != ours.party]
    priced = [
        (worth(plan, p, ours), p.id)
        for p in plan.proposals
        if p.price is not None
        and all((g := surplus(exact(p.price), o)) is None or g >= 0 for o in others)
    ] or [(worth(plan, p, ours), p.id) for p in plan.proposals if p.price is not None]
    if not priced:
        return Recommendation(None, None, ours.batna, None)
    value = max(v for v, _ in priced)
    best = next(pid for v, pid in priced if v == value)
    accept = None if ours.batna is None else value >= ours.batna.ev
    return Recommendation(best, value, ours.batna, accept)


def worth(plan: Negotiation, proposal: Proposal, ours: Side) -> Fraction:
    """A priced proposal's worth to us: its price, plus the value beyond price it delivers."""
    assert proposal.price is not None
    return value_of(exact(proposal.price), ours.role) + value_beyond(plan, proposal.options)[0]


@dataclass(frozen=True, slots=True)
class BreakEven:
    """An estimate, its value now, and the value at which the recommendation flips.

    `break_even` is None when no value of this estimate alone flips it (another alternative
    already beats the proposal, a probability would have to leave [0, 1], or a range bound
    would have to cross the range's mode or other bound).
    """

    alternative: str
    estimate: str
    current: Fraction
    break_even: Fraction | None

    @property
    def change(self) -> Fraction | None:
        """How far the estimate must move (signed)."""
        return None if self.break_even is None else self.break_even - self.current


def _linear(alt: Alternative) -> Iterator[tuple[str, Fraction, Fraction]]:
    """(name, current value, dEV/dvalue) for every estimate the EV is linear in."""
    if alt.value is not None:
        yield "value", exact(alt.value), Fraction(1)
    for o in alt.outcomes or []:
        p = exact(o.probability)
        yield f"outcomes[{o.name}].value", exact(o.value), p
        yield f"outcomes[{o.name}].cost", exact(o.cost), -p
    if alt.range is not None:
        tri = alt.range.distribution == "triangular" and alt.range.mode is not None
        share = Fraction(1, 3) if tri else Fraction(1, 2)
        yield "range.low", exact(alt.range.low), share
        yield "range.high", exact(alt.range.high), share
        if tri and alt.range.mode is not None:
            yield "range.mode", exact(alt.range.mode), share


def _keeps_range(alt: Alternative, name: str, value: Fraction) -> bool:
    """Whether a range estimate moved to `value` still gives low <= mode <= high."""
    r = alt.range
    if r is None or not name.startswith("range."):
        return True
    low, high = exact(r.low), exact(r.high)
    mode = exact(r.mode) if r.mode is not None and r.distribution == "triangular" else None
    if name == "range.low":
        return value <= (mode if mode is not None else high)
    if name == "range.high":
        return value >= (mode if mode is not None else low)
    return low <= value <= high


def _probability(alt: Alternative, k: int, target: Fraction) -> Fraction | None:
    """p_k giving EV == target when the other probabilities keep their proportions.

    EV(q) = q x_k + (1 - q) R, with R the others' probability-weighted mean net value.
    """
    outcomes = alt.outcomes or []
    nets = [exact(o.value) - exact(o.cost) for o in outcomes]
    probs = [exact(o.probability) for o in outcomes]
    rest = sum(probs) - probs[k]
    if rest <= 0:
        return None
    mean = (
        sum(
            (p * x for j, (p, x) in enumerate(zip(probs, nets, strict=True)) if j != k), Fraction(0)
        )
        / rest
    )
    if nets[k] == mean:
        return None
    q = (target - mean) / (nets[k] - mean)
    return q if 0 <= q <= 1 else None


def break_evens(plan: Negotiation, ours: Side, target: Fraction | None = None) -> list[BreakEven]:
    """Break-even value of each of our estimates, where accept/walk-away flips.

    The break-even makes the alternative's EV equal the best proposal's value to us (or
    `target`: a score-only plan's recommended package score, in points).
    """
    party = next(p for p in plan.parties if p.id == ours.party)
    if target is None:
        target = recommend(plan, ours).value
    if target is None:
        return []
    out: list[BreakEven] = []
    for alt, val in zip(party.alternatives, ours.alternatives, strict=True):
        others = max((a.ev for a in ours.alternatives if a is not val), default=None)
        blocked = others is not None and others > target
        for name, current, slope in _linear(alt):
            flip = None if blocked or slope == 0 else current + (target - val.ev) / slope
            if flip is not None and not _keeps_range(alt, name, flip):
                flip = None
            out.append(BreakEven(alt.id, name, current, flip))
        for k, o in enumerate(alt.outcomes or []):
            flip = None if blocked else _probability(alt, k, target)
            out.append(
                BreakEven(alt.id, f"outcomes[{o.name}].probability", exact(o.probability), flip)
            )
    return out


@dataclass(frozen=True, slots=True)
class Simulation:
    """P(a proposal is worth at least our BATNA), from `samples` seeded draws."""

    seed: int
    samples: int
    probability: dict[str, float]


def simulate(plan: Negotiation, ours: Side, *, seed: int, samples: int) -> Simulation | None:
    """Seeded Monte Carlo of our BATNA; None when none of our alternatives is a range.

    Draw every `range` alternative of ours (uniform or triangular), take the best alternative
    in each draw (outcome gambles count at their EV: a risk-neutral party's value), and count
    how often each priced proposal is worth at least that.
    """
    party = next(p for p in plan.parties if p.id == ours.party)
    ranged = [a for a in party.alternatives if a.range is not None]
    if not ranged or samples <= 0:
        return None
    fixed = max(
        (float(evaluate(a).ev) for a in party.alternatives if a.range is None),
        default=float("-inf"),
    )
    rng = random.Random(seed)
    batnas = []
    with progress.task("simulating", samples) as tick:
        for i in range(samples):
            batnas.append(_draw(ranged, fixed, rng))
            if i % 4096 == 4095:
                tick.advance(4096)
    result = {}
    for p in plan.proposals:
        if p.price is not None:
            value = float(worth(plan, p, ours))
            result[p.id] = sum(value >= b for b in batnas) / samples
    return Simulation(seed, samples, result)


def _draw(ranged: list[Alternative], fixed: float, rng: random.Random) -> float:
    """One draw of our BATNA: the best of the fixed alternatives and one draw of each range."""
    best = fixed
    for alt in ranged:
        r = alt.range
        assert r is not None
        mode = r.mode if r.mode is not None else (r.low + r.high) / 2
        draw = (
            rng.triangular(r.low, r.high, mode)
            if r.distribution == "triangular"
            else rng.uniform(r.low, r.high)
        )
        best = max(best, draw)
    return best
