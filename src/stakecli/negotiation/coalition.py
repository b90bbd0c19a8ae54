"""Which packages our own side will sign: the stances of our internal signatories.

Definitive and dominant internal stakeholders (power and legitimacy: they can approve or veto
a deal) state which options serve their interests and which they would refuse. For a package,
a signatory *blocks* it when it picks an option they refuse, *supports* it when it picks one
that serves them and none they refuse, and is neutral otherwise. A package clears the internal
coalition by the plan's rule [D] (docs/methods.md §4.14): `no-block` (default: every
signatory can veto, so nobody may block) or `majority` (more supporters than blockers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from stakecli.negotiation.arrays import np
from stakecli.negotiation.frontier import Array, Frontier
from stakecli.negotiation.model import Negotiation, Stance

Rule = Literal["no-block", "majority"]
DEFAULT_RULE: Rule = "no-block"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Who inside supports or blocks one package, and whether it clears the coalition."""

    support: tuple[str, ...]
    block: tuple[str, ...]
    neutral: tuple[str, ...]
    clears: bool


def _picks(stance_options: dict[str, list[str]], choice: dict[str, str]) -> bool:
    return any(choice.get(issue) in options for issue, options in stance_options.items())


def clears(support: int, block: int, rule: Rule = DEFAULT_RULE) -> bool:
    """The coalition rule: nobody blocks (`no-block`), or supporters outnumber blockers."""
    return block == 0 if rule == "no-block" else support > block


def verdict(plan: Negotiation, choice: dict[str, str], rule: Rule = DEFAULT_RULE) -> Verdict:
    """Each signatory's stance on the package `choice` (issue id -> option id)."""
    block = tuple(s.stakeholder for s in plan.internal if _picks(s.blocks, choice))
    support = tuple(
        s.stakeholder
        for s in plan.internal
        if s.stakeholder not in block and _picks(s.serves, choice)
    )
    neutral = tuple(s.stakeholder for s in plan.internal if s.stakeholder not in block + support)
    return Verdict(support, block, neutral, clears(len(support), len(block), rule))


def verdict_data(
    plan: Negotiation, choice: dict[str, str], rule: Rule = DEFAULT_RULE
) -> dict[str, Any]:
    """`{"inside": {...}}` for a view, or nothing when the plan records no stances."""
    if not plan.internal:
        return {}
    v = verdict(plan, choice, rule)
    return {
        "inside": {
            "support": list(v.support),
            "block": list(v.block),
            "neutral": list(v.neutral),
            "clears": v.clears,
        }
    }


def _mask(front: Frontier, plan: Negotiation, options: dict[str, list[str]]) -> Array:
    """Frontier points whose package picks any of `options` (issue id -> option ids)."""
    hit = np.zeros(len(front), dtype=bool)
    for i, issue in enumerate(plan.issues):
        wanted = [j for j, o in enumerate(issue.options) if o.id in options.get(issue.id, [])]
        if wanted and len(front):
            hit |= np.isin(front.packages[:, i], wanted)
    return hit


def stance_masks(front: Frontier, plan: Negotiation, stance: Stance) -> tuple[Array, Array]:
    """(supports, blocks) masks of one signatory over the frontier points."""
    block = _mask(front, plan, stance.blocks)
    return _mask(front, plan, stance.serves) & ~block, block


def signable(
    plan: Negotiation,
    front: Frontier,
    reservation: Sequence[Fraction],
    rule: Rule = DEFAULT_RULE,
) -> list[bool] | None:
    """Per frontier point: acceptable to every other party and clearing our coalition.

    None when the plan records no internal stances (nothing to say about our own side). Our
    own reservation is not required here: the coalition speaks for our side.
    """
    if not plan.internal:
        return None
    support = np.zeros(len(front), dtype=np.int64)
    block = np.zeros(len(front), dtype=np.int64)
    for stance in plan.internal:
        s, b = stance_masks(front, plan, stance)
        support += s
        block += b
    inside = block == 0 if rule == "no-block" else support > block
    others = np.ones(len(front), dtype=bool)
    if len(front):
        floor = front.floor(reservation)
        for p in range(1, len(floor)):
            others &= front.scaled[:, p] >= floor[p]
    return [bool(x) for x in (inside & others).tolist()]
