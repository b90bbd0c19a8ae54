"""The RACI variants: alphabets, which letter plays which part, and their counting rules.

docs/methods.md §5.5: RASCI adds S (Support), RACI-VS adds V (Verifier) and S (Signatory); DACI
(Driver, Approver, Contributors, Informed) and RAPID (Recommend, Agree, Perform, Input, Decide)
are decision-oriented and count their own letters.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from stakecli.core.config import RaciConfig
from stakecli.core.findings import Finding, Loc, error, warning


@dataclass(frozen=True, slots=True)
class VariantSpec:
    """The alphabet of a variant and which letters play which part in the generic rules."""

    alphabet: str
    family: str
    work: str
    own: str
    consulted: str
    informed: str
    pair: frozenset[str] = frozenset()


_RACI = {"family": "raci", "work": "R", "own": "A", "consulted": "C", "informed": "I"}
VARIANTS = {
    "raci": VariantSpec("RACI", pair=frozenset("AR"), **_RACI),
    "rasci": VariantSpec("RASCI", pair=frozenset("AR"), **_RACI),
    "raci-vs": VariantSpec("RACIVS", pair=frozenset("AR"), **_RACI),
    "daci": VariantSpec("DACI", "daci", work="D", own="A", consulted="C", informed="I"),
    "rapid": VariantSpec("RAPID", "rapid", work="RP", own="D", consulted="I", informed=""),
}


def daci(held: dict[str, list[str]], loc: Loc, name: str) -> Iterator[Finding]:
    """DACI: exactly one D (Driver); one A (Approver) by default, more is a warning."""
    drivers, approvers = held.get("D", []), held.get("A", [])
    if len(drivers) != 1:
        yield error(
            "raci.one-driver",
            loc,
            f"{name} has {len(drivers)} drivers ({', '.join(drivers) or 'nobody'}); "
            "expected exactly 1 D",
        )
    if not approvers:
        yield error("raci.approver-missing", loc, f"{name} has no A (Approver); name one")
    elif len(approvers) > 1:
        yield warning(
            "raci.many-approvers",
            loc,
            f"{name} has {len(approvers)} approvers ({', '.join(approvers)}); one is the "
            "default, more only for cross-area decisions",
        )


def rapid(held: dict[str, list[str]], loc: Loc, name: str, config: RaciConfig) -> Iterator[Finding]:
    """RAPID: exactly one D (Decide), at least one R (Recommend), few A (Agree)."""
    deciders, agree = held.get("D", []), held.get("A", [])
    if len(deciders) != 1:
        yield error(
            "raci.one-decider",
            loc,
            f"{name} has {len(deciders)} deciders ({', '.join(deciders) or 'nobody'}); "
            "expected exactly 1 D: who has the D?",
        )
    if not held.get("R"):
        yield error("raci.recommender-missing", loc, f"{name} has no R (Recommend); name one")
    if len(agree) > config.max_agree:
        yield warning(
            "raci.many-agree",
            loc,
            f"{name} has {len(agree)} A (Agree: {', '.join(agree)}), more than "
            f"{config.max_agree}; assign veto rights sparingly",
        )
