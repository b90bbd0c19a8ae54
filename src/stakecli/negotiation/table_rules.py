"""Rules for what happens at the table and who signs: offers, the agreement, team roles, stances."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from stakecli.core.findings import Finding, Loc, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.negotiation import scores as scoring
from stakecli.negotiation.model import Negotiation, TeamRole
from stakecli.negotiation.scores import example_plan

if TYPE_CHECKING:
    from stakecli.negotiation.offers import Step

SIGNATORY_CLASSES = ("definitive", "dominant")
"""Salience classes (power and legitimacy) whose stance decides what our side will sign."""

_TRADE = example_plan().replace("    name: Price\n", "    name: Price\n    tradeable: false\n")


def _offers_of(*offers: tuple[int, str, str]) -> str:
    return "offers:\n" + "".join(
        f"  - {{round: {n}, by: {by}, {what}}}\n" for n, by, what in offers
    )


RULES = [
    Rule(
        "negotiation.unknown-role",
        "error",
        "A team member's role is neither a default role nor one the plan adds in `roles`.",
        why="""A typo in a role silently drops a member from the part they were meant to play;
        a role the team really uses (good cop, bad cop) is declared once in `roles`.""",
        bad=example_plan(rest="team:\n  - {id: ben, role: good-cop}\n"),
        good=example_plan(rest="roles: [good-cop]\nteam:\n  - {id: ben, role: good-cop}\n"),
    ),
    Rule(
        "negotiation.offer-below-reservation",
        "error",
        "An offer of ours is worse for us than our reservation (score or price).",
        why="""Offering a package below our walk-away point commits us to a deal worse than our
        BATNA.""",
        bad=example_plan(rest=_offers_of((1, "ann", "price: 120"))),
        good=example_plan(rest=_offers_of((1, "ann", "price: 90"))),
    ),
    Rule(
        "negotiation.concession-not-for-trade",
        "warning",
        "An offer of ours concedes on an issue the plan marks `tradeable: false`.",
        why="""The plan says this issue is not for trade; conceding on it gives away what the
        team agreed to hold.""",
        bad=_TRADE
        + _offers_of((1, "ann", "package: {price: low}"), (2, "ann", "package: {price: high}")),
        good=_TRADE
        + _offers_of((1, "ann", "package: {price: low}"), (2, "ann", "package: {price: low}")),
    ),
    Rule(
        "negotiation.unanswered-concession",
        "warning",
        "We conceded twice in a row without a counter-offer from the other side.",
        why="""Bidding against ourselves: hold our offer and use strategic silence until the
        other side moves.""",
        bad=example_plan(
            rest=_offers_of(
                (1, "ann", "price: 80"), (2, "ann", "price: 85"), (3, "ann", "price: 90")
            )
        ),
        good=example_plan(
            rest=_offers_of(
                (1, "ann", "price: 80"), (1, "cy", "price: 120"), (2, "ann", "price: 85")
            )
        ),
    ),
    Rule(
        "negotiation.not-a-signatory",
        "warning",
        "An internal stance names someone who is not a definitive or dominant insider.",
        why="""Only insiders with power and legitimacy decide what our side signs; the stances
        of others belong in the register, not in the coalition count.""",
        bad=example_plan(rest="internal:\n  - {stakeholder: ben, blocks: {price: [high]}}\n"),
        good=example_plan(rest="internal:\n  - {stakeholder: ann, blocks: {price: [high]}}\n"),
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Every rule above, and the option references of offers, the agreement and stances."""
    plan = parsed.model
    assert isinstance(plan, Negotiation)
    yield from _references(plan)
    yield from _roles(plan)
    if plan.offers:
        yield from _offers(plan, workspace.config.negotiation.silence_days)
    if plan.internal:
        yield from _signatories(plan, parsed, workspace)


def _choice(
    choice: dict[str, str], options: dict[str, list[str]], loc: Loc, what: str, complete: bool
) -> Iterator[Finding]:
    yield from scoring.unknown_issues(choice, options, loc)
    for issue, option in choice.items():
        yield from scoring.unknown_options(issue, [option], options, (*loc, issue))
    missing = [i for i in options if i not in choice]
    if complete and choice and missing:
        yield error(
            "negotiation.incomplete-proposal",
            loc[:-1],
            f"{what} picks no option for {scoring.listed(missing)}",
        )


def _references(plan: Negotiation) -> Iterator[Finding]:
    options = {i.id: [o.id for o in i.options] for i in plan.issues}
    parties = {p.id for p in plan.parties}
    for k, offer in enumerate(plan.offers):
        loc: Loc = ("offers", k)
        if offer.by not in parties:
            yield error(
                "negotiation.unknown-party",
                (*loc, "by"),
                f"no party {offer.by!r}; parties are {scoring.listed(parties)}",
            )
        yield from _choice(offer.package, options, (*loc, "package"), f"offer {k + 1}", True)
        if not offer.package and offer.price is None:
            yield error("negotiation.incomplete-proposal", loc, "offer has neither a package "
                        "nor a price")  # fmt: skip
    if plan.agreement is not None:
        yield from _choice(
            plan.agreement.package, options, ("agreement", "package"), "the agreement", True
        )
    for k, item in enumerate(plan.value_beyond_price):
        for issue, picked in item.options.items():
            yield from scoring.unknown_issues(
                [issue], options, ("value_beyond_price", k, "options")
            )
            yield from scoring.unknown_options(
                issue, picked, options, ("value_beyond_price", k, "options", issue)
            )
    for k, stance in enumerate(plan.internal):
        for key in ("serves", "blocks"):
            table: dict[str, list[str]] = getattr(stance, key)
            yield from scoring.unknown_issues(table, options, ("internal", k, key))
            for issue, picked in table.items():
                yield from scoring.unknown_options(
                    issue, picked, options, ("internal", k, key, issue)
                )
    for k, matter in enumerate(plan.relationship):
        if matter.party is not None and matter.party not in parties:
            yield error(
                "negotiation.unknown-party",
                ("relationship", k, "party"),
                f"no party {matter.party!r}; parties are {scoring.listed(parties)}",
            )


def _roles(plan: Negotiation) -> Iterator[Finding]:
    known = [r.value for r in TeamRole] + list(plan.roles)
    for k, member in enumerate(plan.team):
        if member.role not in known:
            yield error(
                "negotiation.unknown-role",
                ("team", k, "role"),
                f"role {member.role!r} of {member.id!r} is not a team role; add it to `roles` "
                f"or use one of {', '.join(r.value for r in TeamRole)}",
            )


def _offers(plan: Negotiation, silence_days: int) -> Iterator[Finding]:
    from stakecli.negotiation import offers as offer_history  # scored only when there are offers
    from stakecli.negotiation import packages

    ours = plan.us
    if ours is None:
        return
    found = offer_history.history(plan, silence_days=silence_days)
    mine = packages.contributions(plan, ours) if plan.issues else []
    previous: Step | None = None
    for step in found.steps:
        if step.by != ours.id:
            continue
        loc: Loc = ("offers", step.index)
        if step.above_reservation is False:
            yield error(
                "negotiation.offer-below-reservation",
                loc,
                f"our offer in round {step.round} is worse for us than our reservation "
                f"({_why_below(plan, step)}); we would do better walking away",
            )
        if previous is not None and previous.package is not None and step.package is not None:
            for i, issue in enumerate(plan.issues):
                was, now = previous.package[i], step.package[i]
                if not issue.tradeable and mine[i][now] < mine[i][was]:
                    yield warning(
                        "negotiation.concession-not-for-trade",
                        (*loc, "package", issue.id),
                        f"our offer in round {step.round} concedes on {issue.id!r} "
                        f"({issue.options[was].id} -> {issue.options[now].id}), an issue the "
                        "plan marks not for trade",
                    )
        if step.unanswered:
            yield warning(
                "negotiation.unanswered-concession",
                loc,
                f"our offer in round {step.round} is a second concession in a row without a "
                "counter-offer; hold and let silence work until the other side moves",
            )
        previous = step


def _why_below(plan: Negotiation, step: Step) -> str:
    from stakecli.negotiation import packages

    parts = []
    rv = packages.reservation_scores(plan)
    if step.scores is not None and step.scores[0] < rv[0]:
        parts.append(f"score {float(step.scores[0]):g} < reservation score {float(rv[0]):g}")
    if step.price is not None:
        parts.append(f"price {float(step.price):,.0f} beyond our reservation value")
    return "; ".join(parts) or "below reservation"


def _signatories(plan: Negotiation, parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    from stakecli.stakeholders import scope
    from stakecli.stakeholders.attention import Settings, assess

    people = {s.id: s for s in scope.stakeholders(workspace, parsed.path)}
    settings = Settings.from_config(workspace.config)
    for k, stance in enumerate(plan.internal):
        person = people.get(stance.stakeholder)
        if person is None:
            continue  # refs.unknown-id (or refs.no-register) speaks for it
        cls = assess(person, settings).cls.value
        if person.side.value != "internal" or cls not in SIGNATORY_CLASSES:
            yield warning(
                "negotiation.not-a-signatory",
                ("internal", k, "stakeholder"),
                f"{stance.stakeholder!r} is {person.side.value} and {cls} in the register; "
                "only definitive and dominant insiders count in the internal coalition",
            )
