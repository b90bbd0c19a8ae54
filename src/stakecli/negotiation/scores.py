"""Rules on a party's weights, scores and raw points (docs/methods.md §4.1, §4.2)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction

from stakecli.core.findings import Finding, Loc, error, warning
from stakecli.core.rules import Rule
from stakecli.negotiation.batna import exact
from stakecli.negotiation.model import Negotiation, Party


def example_plan(
    us: str = "", cy: str = "", rest: str = "", alternative: str = "value: -100"
) -> str:
    """A two-party, one-issue plan for the rules' examples; the arguments change one part."""
    return (
        "kind: negotiation\nversion: 1\ntitle: Renewal\nparties:\n"
        "  - id: ann\n    us: true\n    role: buyer\n"
        f"    alternatives:\n      - {{id: other, name: Other supplier, {alternative}}}\n"
        "    weights: {price: 1}\n    scores: {price: {low: 100, high: 0}}\n"
        f"{us}"
        "  - id: cy\n    role: seller\n    points: {price: {low: 0, high: 10}}\n"
        f"{cy}"
        "issues:\n  - id: price\n    name: Price\n"
        "    options: [{id: low, name: Low}, {id: high, name: High}]\n"
        f"{rest}"
    )


RULES = [
    Rule(
        "negotiation.weights",
        "error",
        "A party's issue weights do not sum to 1 (a warning "
        "when `negotiation.normalise_weights` is on).",
        why="""Weighted scores are only comparable across parties when each party's weights sum
        to 1; otherwise a party with larger weights looks like it gains more.""",
        bad=example_plan().replace("weights: {price: 1}", "weights: {price: 0.8}"),
        good=example_plan(),
    ),
    Rule(
        "negotiation.scores-and-points",
        "error",
        "A party gives both raw `points` and `weights`/`scores`; use one form.",
        why="""Points and weighted scores are two ways to say the same thing; with both it is
        unclear which one the frontier should use.""",
        bad=example_plan(us="    points: {price: {low: 10, high: 0}}\n"),
        good=example_plan(),
    ),
    Rule(
        "negotiation.unknown-issue",
        "error",
        "Weights, scores, points, a proposal, offer, agreement, value item or stance name an "
        "issue the plan does not define.",
        why="""A weight or score for an issue the plan does not have is a typo or a leftover;
        the value would be silently ignored.""",
        bad=example_plan().replace("points: {price:", "points: {prize:"),
        good=example_plan(),
    ),
    Rule(
        "negotiation.unknown-option",
        "error",
        "Scores, points, a proposal, offer, agreement, value item or stance name an option "
        "the issue does not have.",
        why="""A score for an option the issue does not list is lost, and the option it was
        meant for has none.""",
        bad=example_plan().replace("{low: 0, high: 10}", "{low: 0, hi: 10}"),
        good=example_plan(),
    ),
    Rule(
        "negotiation.missing-score",
        "error",
        "A party has no score (or no weight) for an option (issue) of the plan.",
        why="""A package containing an option a party has not scored has no value for that
        party, so no frontier can be computed.""",
        bad=example_plan().replace("{low: 0, high: 10}", "{low: 0}"),
        good=example_plan(),
    ),
]


TOLERANCE = Fraction(1, 10**9)
"""Weights must sum to 1 within this."""


def check_scores(plan: Negotiation, party: Party, loc: Loc, normalise: bool) -> Iterator[Finding]:
    """Weights, scores and points of one party against the plan's issues and options."""
    if party.points and (party.weights or party.scores):
        yield error(
            "negotiation.scores-and-points",
            (*loc, "points"),
            f"{party.id!r} gives points and weights/scores; keep one form",
            at_key=True,
        )
    yield from _unknown_keys(plan, party, loc)
    if not plan.issues:
        return
    yield from _missing_scores(plan, party, loc)
    if not party.points:
        yield from _missing_weights(plan, party, loc)
        yield from _weight_total(party, loc, normalise)


def _unknown_keys(plan: Negotiation, party: Party, loc: Loc) -> Iterator[Finding]:
    """Issues the plan does not have, and options their issue does not have, in each table."""
    options = {i.id: [o.id for o in i.options] for i in plan.issues}
    for key in ("weights", "scores", "points"):
        yield from unknown_issues(getattr(party, key), options, (*loc, key))
    for key in ("scores", "points"):
        for issue, row in getattr(party, key).items():
            yield from unknown_options(issue, row, options, (*loc, key, issue))


def _missing_scores(plan: Negotiation, party: Party, loc: Loc) -> Iterator[Finding]:
    """Every option of every issue has a score (or points, when the party gives points)."""
    table: dict[str, dict[str, float]] = party.points or party.scores
    form = "points" if party.points else "scores"
    for issue in plan.issues:
        for option in issue.options:
            if option.id not in table.get(issue.id, {}):
                yield error(
                    "negotiation.missing-score",
                    (*loc, form),
                    f"{party.id!r} has no {form} for option {option.id!r} of issue {issue.id!r}",
                    at_key=True,
                )


def _missing_weights(plan: Negotiation, party: Party, loc: Loc) -> Iterator[Finding]:
    """Every issue of the plan has a weight."""
    for issue in plan.issues:
        if issue.id not in party.weights:
            yield error(
                "negotiation.missing-score",
                (*loc, "weights"),
                f"{party.id!r} has no weight for issue {issue.id!r}",
                at_key=True,
            )


def _weight_total(party: Party, loc: Loc, normalise: bool) -> Iterator[Finding]:
    """The weights sum to 1 (a warning when `normalise` will rescale a positive total)."""
    total = sum((exact(w) for w in party.weights.values()), Fraction(0))
    if party.weights and abs(total - 1) > TOLERANCE:
        make = warning if normalise and total > 0 else error
        what = "normalised to 1" if make is warning else "they must sum to 1"
        yield make(
            "negotiation.weights",
            (*loc, "weights"),
            f"weights of {party.id!r} sum to {float(total):g}; {what}",
            at_key=True,
        )


def unknown_issues(
    table: Iterable[str], options: dict[str, list[str]], loc: Loc
) -> Iterator[Finding]:
    """Keys of `table` that name no issue."""
    for issue in table:
        if issue not in options:
            yield error(
                "negotiation.unknown-issue",
                (*loc, issue),
                f"no issue {issue!r}; issues are {listed(options)}",
                at_key=True,
            )


def unknown_options(
    issue: str, row: Iterable[str], options: dict[str, list[str]], loc: Loc
) -> Iterator[Finding]:
    """Options in `row` that issue `issue` does not have (unknown issues are reported apart)."""
    if issue not in options:
        return
    for option in row:
        if option not in options[issue]:
            yield error(
                "negotiation.unknown-option",
                (*loc, option),
                f"issue {issue!r} has no option {option!r}; options are {listed(options[issue])}",
                at_key=True,
            )


def listed(items: Iterable[str]) -> str:
    """Sorted, comma-separated, or `(none)`."""
    return ", ".join(sorted(items)) or "(none)"
