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
    Rule("negotiation.us-count", "error", "Exactly one party must have `us: true`."),
    Rule(
        "negotiation.duplicate-id",
        "error",
        "Two parties, issues, options, alternatives or proposals share an id.",
    ),
    Rule(
        "negotiation.alternative-form",
        "error",
        "An alternative needs exactly one of `value`, `outcomes` (at least one) or `range`.",
    ),
    Rule(
        "negotiation.probabilities",
        "error",
        "An alternative's outcome probabilities do not sum to 1.",
    ),
    Rule(
        "negotiation.invalid-range",
        "error",
        "A range has low > high, or a triangular mode missing or outside it.",
    ),
    Rule(
        "negotiation.weights",
        "error",
        "A party's issue weights do not sum to 1 (a warning "
        "when `negotiation.normalise_weights` is on).",
    ),
    Rule(
        "negotiation.scores-and-points",
        "error",
        "A party gives both raw `points` and `weights`/`scores`; use one form.",
    ),
    Rule(
        "negotiation.unknown-issue",
        "error",
        "Weights, scores, points or a proposal name an issue the plan does not define.",
    ),
    Rule(
        "negotiation.unknown-option",
        "error",
        "Scores, points or a proposal name an option the issue does not have.",
    ),
    Rule(
        "negotiation.missing-score",
        "error",
        "A party has no score (or no weight) for an option (issue) of the plan.",
    ),
    Rule(
        "negotiation.incomplete-proposal",
        "error",
        "A proposal picks no option for some issue, or has neither options nor a price.",
    ),
    Rule(
        "negotiation.unknown-party",
        "error",
        "A proposal or advocate names a party that is not in `parties`.",
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
