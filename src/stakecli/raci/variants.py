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
from stakecli.core.rules import Rule


def _row(variant: str, assign: str) -> str:
    return (
        f"kind: raci\nversion: 1\nvariant: {variant}\nrows:\n"
        f"  - {{id: vendor, name: Pick the vendor, assign: {{{assign}}}}}\n"
    )


RULES = [
    Rule(
        "raci.one-driver",
        "error",
        "DACI: a row needs exactly one D (Driver).",
        why="""The Driver herds the decision to a close; with two, each waits for the other,
        with none, the decision drifts (DOMAIN.md 4.3).""",
        bad=_row("daci", "ann: A, ben: D, cy: D"),
        good=_row("daci", "ann: A, ben: D, cy: C"),
    ),
    Rule(
        "raci.approver-missing",
        "error",
        "DACI: a row has no A (Approver).",
        why="""A DACI decision without an Approver has nobody who can make it final.""",
        bad=_row("daci", "ben: D, cy: C"),
        good=_row("daci", "ann: A, ben: D, cy: C"),
    ),
    Rule(
        "raci.many-approvers",
        "warning",
        "DACI: a row has more than one A (Approver).",
        why="""Several Approvers can each veto; one is the default, more only for decisions
        that cross areas.""",
        bad=_row("daci", "ann: A, dee: A, ben: D, cy: C"),
        good=_row("daci", "ann: A, dee: C, ben: D, cy: C"),
    ),
    Rule(
        "raci.one-decider",
        "error",
        "RAPID: a row needs exactly one D (Decide).",
        why="""RAPID exists to say who has the D; a row with two deciders, or none, leaves the
        decision where it was.""",
        bad=_row("rapid", "ann: D, dee: D, ben: R, cy: I"),
        good=_row("rapid", "ann: D, dee: A, ben: R, cy: I"),
    ),
    Rule(
        "raci.recommender-missing",
        "error",
        "RAPID: a row has no R (Recommend).",
        why="""Without a Recommender nobody gathers the input and proposes; the decider decides
        on nothing.""",
        bad=_row("rapid", "ann: D, cy: I"),
        good=_row("rapid", "ann: D, ben: R, cy: I"),
    ),
    Rule(
        "raci.many-agree",
        "warning",
        "RAPID: more A (Agree) in a row than max_agree.",
        why="""Each A (Agree) is a veto; many vetoes stall the decision (raci.max_agree, 2 by
        default).""",
        bad=_row("rapid", "ann: D, ben: R, cy: A, dee: A, eve: A"),
        good=_row("rapid", "ann: D, ben: R, cy: A, dee: I, eve: I"),
    ),
]


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

MEANING = {
    "raci": {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"},
    "rasci": {"R": "Responsible", "A": "Accountable", "S": "Support", "C": "Consulted",
              "I": "Informed"},
    "raci-vs": {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed",
                "V": "Verifier", "S": "Signatory"},
    "daci": {"D": "Driver", "A": "Approver", "C": "Contributor", "I": "Informed"},
    "rapid": {"R": "Recommend", "A": "Agree", "P": "Perform", "I": "Input", "D": "Decide"},
}  # fmt: skip
"""Variant -> letter -> what the letter means in that variant (docs/methods.md §5.5, §5.6).

One letter means different things in different variants (A is Accountable in RACI, Approver
in DACI, Agree in RAPID; S is Support in RASCI, Signatory in RACI-VS), so anything counted
across variants is counted by meaning, never by letter."""

ROLE_ORDER = (
    "Responsible", "Accountable", "Support", "Consulted", "Informed", "Verifier", "Signatory",
    "Driver", "Approver", "Contributor", "Recommend", "Agree", "Perform", "Input", "Decide",
)  # fmt: skip
"""Column order of the load table: the RACI family's roles, then DACI's, then RAPID's."""

ROLE_LETTER = {role: letter for table in MEANING.values() for letter, role in table.items()}
"""Role -> its letter (each role has one letter, whichever variant it is in)."""

LEADS = frozenset({"Responsible", "Accountable", "Driver", "Approver", "Recommend", "Perform",
                   "Decide"})  # fmt: skip
"""Roles that do the work or own the outcome in their variant (the load's sort order)."""


def meaning(variant: str, letter: str) -> str:
    """What a letter means in a variant: A in DACI is 'Approver'."""
    return MEANING[variant][letter]


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
