"""Communication-plan rules: owners resolve, audiences resolve, key stakeholders are covered."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from stakecli.comms.model import CommsPlan
from stakecli.core.findings import Finding, Loc, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.stakeholders.model import Stakeholder
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
        why="""The stakeholders to manage closely are the ones a plan exists for; one that no
        row or ceremony reaches is the one who will be surprised (comms.key_score).""",
        bad=_plan(audience="[partners]"),
        good=_plan(audience="[ann, partners]"),
    ),
    Rule(
        "comms.no-approver",
        "warning",
        "A confidential communication names no approver.",
        why="""A confidential message must be released by someone who may release it; without
        an approver anyone on the plan might send it.""",
        bad=_plan(
            "  - {id: pricing, audience: [ann], message: Our walk-away price, channel: Call,\n"
            "     frequency: once, owner: ben, confidential: true}\n"
        ),
        good=_plan(
            "  - {id: pricing, audience: [ann], message: Our walk-away price, channel: Call,\n"
            "     frequency: once, owner: ben, confidential: true, approver: ann}\n"
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class Coverage:
    """A key stakeholder and the comms rows and ceremonies that reach them."""

    stakeholder: Stakeholder
    reached_by: tuple[str, ...]


def is_key(person: Stakeholder, threshold: int) -> bool:
    """Manage closely (power and interest at or above `threshold`) or definitive (methods §8.1)."""
    manage_closely = person.power >= threshold and person.interest >= threshold
    return manage_closely or is_definitive(person, threshold)


def is_definitive(person: Stakeholder, threshold: int) -> bool:
    """Power, legitimacy and urgency all at or above `threshold` (docs/methods.md §1.2).

    Uses the salience module where it is installed (its rule: present iff the score is above
    a cut-off, here `threshold - 1`), so both agree on who is definitive.
    """
    import importlib

    try:
        salience: Any = importlib.import_module("stakecli.stakeholders.salience")
        assessed = salience.assess(person.power, person.legitimacy, person.urgency, threshold - 1)
        return int(assessed.count) == 3
    except (ImportError, AttributeError, TypeError):
        return min(person.power, person.legitimacy, person.urgency) >= threshold


def reaches(audience: list[str], person: Stakeholder) -> bool:
    """Whether an audience (ids or tags) includes `person`."""
    return person.id in audience or any(tag in audience for tag in person.tags)


def coverage(plan: CommsPlan, people: list[Stakeholder], threshold: int) -> list[Coverage]:
    """For each key stakeholder (register order), what reaches them."""
    channels = [(c.id, c.audience) for c in plan.communications]
    channels += [(c.id, c.audience) for c in plan.ceremonies]
    return [
        Coverage(p, tuple(ident for ident, audience in channels if reaches(audience, p)))
        for p in people
        if is_key(p, threshold)
    ]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Ids unique; people and audiences resolve; every key stakeholder is reached."""
    plan = parsed.model
    assert isinstance(plan, CommsPlan)
    yield from _duplicates(plan)
    for row in (r for r in plan.communications if r.confidential and r.approver is None):
        i = plan.communications.index(row)
        yield warning(
            "comms.no-approver",
            ("communications", i, "confidential"),
            f"{row.id!r} is confidential but names no approver; add `approver:` (who "
            "authorises releasing it)",
        )
    people = stakeholders(workspace, near=parsed.path)
    if not workspace.of_kind("stakeholders"):
        return  # nothing to resolve against: `validate` the whole folder to check references
    yield from _references(plan, {p.id for p in people}, {t for p in people for t in p.tags})
    for item in coverage(plan, people, workspace.config.comms.key_score):
        if not item.reached_by:
            yield warning(
                "comms.uncovered",
                ("communications",),
                f"{item.stakeholder.id!r} ({item.stakeholder.name}) is a stakeholder to manage "
                "closely (or definitive) but no communication or ceremony reaches them; add "
                "their id or one of their tags to an audience",
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
