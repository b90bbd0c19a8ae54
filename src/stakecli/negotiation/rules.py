"""Rules of a negotiation plan that the schema alone cannot express (docs/methods.md §3-§4)."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from stakecli.core.findings import Finding, Loc, error
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.negotiation import scores as scoring
from stakecli.negotiation.batna import exact
from stakecli.negotiation.model import Alternative, Negotiation

TOLERANCE = scoring.TOLERANCE
"""Probabilities and weights sum to 1 within this (0.333333333333 three times passes)."""

RULES = [
    Rule(
        "negotiation.us-count",
        "error",
        "Exactly one party must have `us: true`.",
        why="""BATNA, reservation value and every recommendation are computed for the party
        that is us; with none, or two, nobody knows whose side the plan takes.""",
        bad=scoring.example_plan(cy="    us: true\n"),
        good=scoring.example_plan(),
    ),
    Rule(
        "negotiation.duplicate-id",
        "error",
        "Two parties, issues, options, alternatives or proposals share an id.",
        why="""Scores, points and proposals name options and issues by id; a repeated id makes
        them ambiguous.""",
        bad=scoring.example_plan().replace("{id: high, name: High}", "{id: low, name: High}"),
        good=scoring.example_plan(),
    ),
    Rule(
        "negotiation.alternative-form",
        "error",
        "An alternative needs exactly one of `value`, `outcomes` (at least one) or `range`.",
        why="""An alternative's value is a number, an expected value over outcomes, or a range;
        with two of them it is unclear which one the BATNA is computed from.""",
        bad=scoring.example_plan(alternative="value: -100, range: {low: -150, high: -90}"),
        good=scoring.example_plan(alternative="range: {low: -150, high: -90}"),
    ),
    Rule(
        "negotiation.probabilities",
        "error",
        "An alternative's outcome probabilities do not sum to 1.",
        why="""An expected value over outcomes whose probabilities do not sum to 1 is not an
        expected value: the BATNA would be misstated (DOMAIN.md 8.3).""",
        bad=scoring.example_plan(
            alternative="outcomes: [{name: win, probability: 0.6, value: -80}, "
            "{name: lose, probability: 0.3, value: -170}]"
        ),
        good=scoring.example_plan(
            alternative="outcomes: [{name: win, probability: 0.7, value: -80}, "
            "{name: lose, probability: 0.3, value: -170}]"
        ),
    ),
    Rule(
        "negotiation.invalid-range",
        "error",
        "A range has low > high, or a triangular mode missing or outside it.",
        why="""A range whose low is above its high, or whose most likely value lies outside
        it, describes no distribution to simulate.""",
        bad=scoring.example_plan(alternative="range: {low: -90, high: -150}"),
        good=scoring.example_plan(alternative="range: {low: -150, high: -90}"),
    ),
    Rule(
        "negotiation.incomplete-proposal",
        "error",
        "A proposal, offer or the agreement picks no option for some issue, or has neither "
        "options nor a price.",
        why="""A proposal is scored as a package; one that leaves an issue open cannot be
        scored or compared with the BATNA.""",
        bad=scoring.example_plan(rest="proposals:\n  - {id: offer, name: Offer, by: ann}\n"),
        good=scoring.example_plan(
            rest="proposals:\n  - {id: offer, name: Offer, by: ann, options: {price: low}}\n"
        ),
    ),
    Rule(
        "negotiation.unknown-party",
        "error",
        "A proposal, offer, advocate or relationship item names a party not in `parties`.",
        why="""A proposal made by, or an advocate of, a party the plan does not define points at
        nobody; usually a typo of a party id.""",
        bad=scoring.example_plan(
            rest="proposals:\n  - {id: offer, name: Offer, by: anne, options: {price: low}}\n"
        ),
        good=scoring.example_plan(
            rest="proposals:\n  - {id: offer, name: Offer, by: ann, options: {price: low}}\n"
        ),
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Every rule above, on one plan."""
    plan = parsed.model
    assert isinstance(plan, Negotiation)
    normalise = workspace.config.negotiation.normalise_weights
    yield from _us(plan)
    yield from _duplicates(plan)
    for i, party in enumerate(plan.parties):
        for j, alt in enumerate(party.alternatives):
            yield from _alternative(alt, ("parties", i, "alternatives", j))
        yield from scoring.check_scores(plan, party, ("parties", i), normalise)
    yield from _proposals(plan)


def _us(plan: Negotiation) -> Iterator[Finding]:
    count = sum(p.us for p in plan.parties)
    if count != 1:
        yield error(
            "negotiation.us-count",
            ("parties",),
            f"{count} parties have `us: true`; mark exactly one as our side",
        )


def _duplicates(plan: Negotiation) -> Iterator[Finding]:
    groups: list[tuple[Loc, list[str]]] = [
        (("parties",), [p.id for p in plan.parties]),
        (("issues",), [i.id for i in plan.issues]),
        (("proposals",), [p.id for p in plan.proposals]),
    ]
    groups += [
        (("issues", k, "options"), [o.id for o in i.options]) for k, i in enumerate(plan.issues)
    ]
    groups += [
        (("parties", k, "alternatives"), [a.id for a in p.alternatives])
        for k, p in enumerate(plan.parties)
    ]
    for loc, ids in groups:
        for n, ident in enumerate(ids):
            if ident in ids[:n]:
                yield error(
                    "negotiation.duplicate-id",
                    (*loc, n, "id"),
                    f"id {ident!r} is already used in {loc[-1]}; give each its own id",
                )


def _alternative(alt: Alternative, loc: Loc) -> Iterator[Finding]:
    forms = [alt.value is not None, bool(alt.outcomes), alt.range is not None]
    if sum(forms) != 1:
        yield error(
            "negotiation.alternative-form",
            loc,
            f"alternative {alt.id!r} needs exactly one of value, outcomes or range",
        )
    if alt.outcomes:
        total = sum((exact(o.probability) for o in alt.outcomes), Fraction(0))
        if abs(total - 1) > TOLERANCE:
            yield error(
                "negotiation.probabilities",
                (*loc, "outcomes"),
                f"probabilities of {alt.id!r} sum to {float(total):g}, not 1",
            )
    r = alt.range
    if r is not None:
        bad = r.low > r.high or (r.mode is not None and not r.low <= r.mode <= r.high)
        if bad or (r.distribution == "triangular" and r.mode is None):
            yield error(
                "negotiation.invalid-range",
                (*loc, "range"),
                f"range of {alt.id!r} needs low <= mode <= high (triangular: a mode)",
            )


def _proposals(plan: Negotiation) -> Iterator[Finding]:
    parties = {p.id for p in plan.parties}
    options = {i.id: [o.id for o in i.options] for i in plan.issues}
    for k, prop in enumerate(plan.proposals):
        loc: Loc = ("proposals", k)
        if prop.by is not None and prop.by not in parties:
            yield error(
                "negotiation.unknown-party",
                (*loc, "by"),
                f"no party {prop.by!r}; parties are {scoring.listed(parties)}",
            )
        yield from scoring.unknown_issues(prop.options, options, (*loc, "options"))
        for issue, option in prop.options.items():
            yield from scoring.unknown_options(issue, [option], options, (*loc, "options", issue))
        missing = [i for i in options if i not in prop.options]
        if (prop.options or prop.price is None) and missing:
            yield error(
                "negotiation.incomplete-proposal",
                loc,
                f"proposal {prop.id!r} picks no option for {scoring.listed(missing)}",
            )
        elif not prop.options and prop.price is None:
            yield error(
                "negotiation.incomplete-proposal",
                loc,
                f"proposal {prop.id!r} has neither options nor a price",
            )
    for k, adv in enumerate(plan.advocates):
        if adv.party not in parties:
            yield error(
                "negotiation.unknown-party",
                ("advocates", k, "party"),
                f"no party {adv.party!r}; parties are {scoring.listed(parties)}",
            )
