"""Communication-plan rules: references, confidentiality, coverage and cadence (docs/methods.md §8).

People and audiences resolve to the register; confidential rows name an approver and stay
inside; key stakeholders are covered; each stakeholder hears from the plan as often as their
grid strategy asks.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from stakecli.comms.model import CommsPlan, Frequency
from stakecli.core.config import CadenceConfig, FrequencyDays
from stakecli.core.findings import Finding, Loc, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.stakeholders.attention import Settings, assess
from stakecli.stakeholders.grid import Strategy
from stakecli.stakeholders.model import Side, Stakeholder
from stakecli.stakeholders.scope import stakeholders


def _plan(rows: str = "", audience: str = "[ann, partners]", owner: str = "ben") -> str:
    """A comms plan with one weekly row (`rows` adds rows after it)."""
    return (
        "kind: comms\nversion: 1\ncommunications:\n"
        f"  - {{id: weekly, audience: {audience}, message: Status, channel: Email,\n"
        f"     frequency: weekly, owner: {owner}}}\n" + rows
    )


RULES = [
    Rule(
        "comms.duplicate-id",
        "error",
        "Two rows or ceremonies of a comms plan share an id.",
        why="""Rows and ceremonies are referred to by id (in agendas, in documents); two with
        one id cannot be told apart.""",
        bad=_plan(
            "  - {id: weekly, audience: [cy], message: Invoices, channel: Portal,\n"
            "     frequency: monthly, owner: ben}\n"
        ),
        good=_plan(
            "  - {id: invoices, audience: [cy], message: Invoices, channel: Portal,\n"
            "     frequency: monthly, owner: ben}\n"
        ),
    ),
    Rule(
        "comms.unknown-person",
        "error",
        "An owner, approver or contact is not in a register.",
        why="""An owner who is in no register is nobody the team can hold to the plan; it is
        usually a typo of an id.""",
        bad=_plan(owner="benn"),
        good=_plan(owner="ben"),
    ),
    Rule(
        "comms.unknown-audience",
        "error",
        "An audience entry is neither a register id nor tag.",
        why="""An audience entry that matches no id and no tag reaches nobody, and the key
        stakeholder it was meant for goes uninformed.""",
        bad=_plan(audience="[ann, partner]"),
        good=_plan(audience="[ann, partners]"),
    ),
    Rule(
        "comms.uncovered",
        "warning",
        "A stakeholder to manage closely (high power and interest) or a definitive one is in "
        "no comms row or ceremony audience.",
        why="""The stakeholders the register analysis calls to manage closely, or definitive, are
        the ones a plan exists for; one that no row or ceremony reaches is the one who will be
        surprised (grid.cutoff, salience.threshold).""",
        bad=_plan(audience="[partners]"),
        good=_plan(audience="[ann, partners]"),
    ),
    Rule(
        "comms.no-approver",
        "error",
        "A confidential communication names no approver.",
        why="""PMBOK 5th 10.1.3.1 (docs/methods.md §8.3) names the person who authorises the
        release of confidential information; without an approver nobody has, and anyone on
        the plan might send it.""",
        bad=_plan(
            "  - {id: pricing, audience: [ann], message: Our walk-away price, channel: Call,\n"
            "     frequency: once, owner: ben, confidential: true}\n"
        ),
        good=_plan(
            "  - {id: pricing, audience: [ann], message: Our walk-away price, channel: Call,\n"
            "     frequency: once, owner: ben, confidential: true, approver: ann}\n"
        ),
    ),
    Rule(
        "comms.confidential-external",
        "error",
        "A confidential communication is addressed to an external stakeholder.",
        why="""Confidential content stays inside the organisation; an audience entry (an id, or
        a tag an external stakeholder holds) that reaches outside sends it out.""",
        bad=_plan(
            "  - {id: pricing, audience: [ann, partners], message: Our walk-away price,\n"
            "     channel: Call, frequency: once, owner: ben, confidential: true, approver: ann}\n"
        ),
        good=_plan(
            "  - {id: pricing, audience: [ann], message: Our walk-away price,\n"
            "     channel: Call, frequency: once, owner: ben, confidential: true, approver: ann}\n"
        ),
    ),
    Rule(
        "comms.cadence",
        "warning",
        "The most frequent communication reaching a stakeholder is slower than their grid "
        "strategy asks for (cadence.strategy_days).",
        why="""Manage closely means frequent contact: a stakeholder the grid says to manage
        closely (at least every 14 days) who hears from the plan once a month is not being
        managed closely. The days are the ones the overdue-contact check uses.""",
        bad=_plan(
            "  - {id: review, audience: [ann], message: Monthly review, channel: Meeting,\n"
            "     frequency: monthly, owner: ben}\n",
            audience="[partners]",
        ),
        good=_plan(
            "  - {id: review, audience: [ann], message: Monthly review, channel: Meeting,\n"
            "     frequency: monthly, owner: ben}\n"
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class Coverage:
    """A key stakeholder and the comms rows and ceremonies that reach them."""

    stakeholder: Stakeholder
    reached_by: tuple[str, ...]


def is_key(person: Stakeholder, settings: Settings) -> bool:
    """Manage closely or definitive, as the register analysis says (docs/methods.md §8.1).

    The same `grid.cutoff` and `salience.threshold` as `stakecli stakeholders`: power and
    interest both above the cut-off, or power, legitimacy and urgency all above the threshold.
    """
    a = assess(person, settings)
    return a.strategy is Strategy.MANAGE_CLOSELY or a.salience.count == 3


def reaches(audience: list[str], person: Stakeholder) -> bool:
    """Whether an audience (ids or tags) includes `person`."""
    return person.id in audience or any(tag in audience for tag in person.tags)


def coverage(plan: CommsPlan, people: list[Stakeholder], settings: Settings) -> list[Coverage]:
    """For each key stakeholder (register order), what reaches them."""
    channels = [(c.id, c.audience) for c in plan.communications]
    channels += [(c.id, c.audience) for c in plan.ceremonies]
    return [
        Coverage(p, tuple(ident for ident, audience in channels if reaches(audience, p)))
        for p in people
        if is_key(p, settings)
    ]


def days_of(frequency: Frequency, table: FrequencyDays) -> float:
    """Days between two occurrences (`cadence.frequency_days`); `once`, `ad-hoc`: infinite."""
    days = table.of(frequency.value)
    return math.inf if days is None else days


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Ids unique; people and audiences resolve; every key stakeholder is reached."""
    plan = parsed.model
    assert isinstance(plan, CommsPlan)
    yield from _duplicates(plan)
    for i, row in enumerate(plan.communications):
        if row.confidential and row.approver is None:
            yield error(
                "comms.no-approver",
                ("communications", i, "confidential"),
                f"{row.id!r} is confidential but names no approver; add `approver:` (who "
                "authorises releasing it)",
            )
    people = stakeholders(workspace, near=parsed.path)
    if not workspace.of_kind("stakeholders"):
        return  # nothing to resolve against: `validate` the whole folder to check references
    yield from _references(plan, {p.id for p in people}, {t for p in people for t in p.tags})
    yield from _confidential_outside(plan, people)
    settings = Settings.from_config(workspace.config)
    for item in coverage(plan, people, settings):
        if not item.reached_by:
            yield warning(
                "comms.uncovered",
                ("communications",),
                f"{item.stakeholder.id!r} ({item.stakeholder.name}) is a stakeholder to manage "
                "closely (or definitive) but no communication or ceremony reaches them; add "
                "their id or one of their tags to an audience",
            )
    yield from _cadence(plan, people, settings, workspace.config.cadence)


def _confidential_outside(plan: CommsPlan, people: list[Stakeholder]) -> Iterator[Finding]:
    outside = [p for p in people if p.side is Side.EXTERNAL]
    for i, row in enumerate(plan.communications):
        if not row.confidential:
            continue
        for j, entry in enumerate(row.audience):
            reached = [p for p in outside if reaches([entry], p)]
            if reached:
                names = ", ".join(f"{p.id!r} ({p.name})" for p in reached)
                yield error(
                    "comms.confidential-external",
                    ("communications", i, "audience", j),
                    f"{row.id!r} is confidential but its audience {entry!r} reaches external "
                    f"stakeholder {names}; address it to internal people only, or make it "
                    "not confidential",
                )


def _cadence(
    plan: CommsPlan, people: list[Stakeholder], settings: Settings, cadence: CadenceConfig
) -> Iterator[Finding]:
    """Per stakeholder reached: the most frequent row or ceremony meets their strategy's days.

    Slower means more days between occurrences than `cadence.strategy_days` asks of the
    strategy (docs/methods.md §12.2). Judged on the most frequent one, so a monthly newsletter
    beside a weekly sync is fine.
    """
    entries: list[tuple[Loc, str, Frequency, list[str]]] = [
        (("communications", i, "frequency"), c.id, c.frequency, c.audience)
        for i, c in enumerate(plan.communications)
    ]
    entries += [
        (("ceremonies", i, "frequency"), c.id, c.frequency, c.audience)
        for i, c in enumerate(plan.ceremonies)
    ]
    words = cadence.frequency_days
    for person in people:
        reaching = [e for e in entries if reaches(e[3], person)]
        if not reaching:
            continue
        strategy = assess(person, settings).strategy
        asked = cadence.strategy_days.of(strategy.value)
        loc, ident, frequency, _ = min(reaching, key=lambda e: days_of(e[2], words))
        days = days_of(frequency, words)
        if days > asked:
            every = "does not recur" if days == math.inf else f"every {days:g} days"
            yield warning(
                "comms.cadence",
                loc,
                f"{person.id!r} ({person.name}) is to {strategy.label.lower()}, which asks for "
                f"contact at least every {asked} days, but the most frequent communication "
                f"reaching them, {ident!r}, is {frequency.value} ({every}); add a more "
                "frequent one",
            )


def _duplicates(plan: CommsPlan) -> Iterator[Finding]:
    seen: set[str] = set()
    entries = [("communications", i, c.id) for i, c in enumerate(plan.communications)]
    entries += [("ceremonies", i, c.id) for i, c in enumerate(plan.ceremonies)]
    for section, i, ident in entries:
        if ident in seen:
            yield error(
                "comms.duplicate-id",
                (section, i, "id"),
                f"id {ident!r} is used twice in this plan; give each row and ceremony its own id",
            )
        seen.add(ident)


def _references(plan: CommsPlan, ids: set[str], tags: set[str]) -> Iterator[Finding]:
    people: list[tuple[Loc, str]] = []
    audiences: list[tuple[Loc, list[str]]] = []
    for i, row in enumerate(plan.communications):
        people.append((("communications", i, "owner"), row.owner))
        if row.approver:
            people.append((("communications", i, "approver"), row.approver))
        audiences.append((("communications", i, "audience"), row.audience))
    for i, cer in enumerate(plan.ceremonies):
        people.append((("ceremonies", i, "owner"), cer.owner))
        people += [
            (("ceremonies", i, "agenda", j, "owner"), item.owner)
            for j, item in enumerate(cer.agenda)
            if item.owner
        ]
        audiences.append((("ceremonies", i, "audience"), cer.audience))
    people += [(("escalation", i, "contact"), e.contact) for i, e in enumerate(plan.escalation)]
    for loc, ident in people:
        if ident not in ids:
            yield error(
                "comms.unknown-person",
                loc,
                f"{ident!r} is not a stakeholder id in the register; add them or fix the id",
            )
    for loc, audience in audiences:
        for j, entry in enumerate(audience):
            if entry not in ids and entry not in tags:
                yield error(
                    "comms.unknown-audience",
                    (*loc, j),
                    f"audience {entry!r} is neither a stakeholder id nor a tag in the register",
                )
