"""Rules about a register's analysis: owners, planned actions, sources, references."""

from __future__ import annotations

from collections.abc import Iterator

from stakecli.core.findings import Finding, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.stakeholders import grid, scope
from stakecli.stakeholders.attention import Settings, owner_due
from stakecli.stakeholders.model import Register

_HEAD = "kind: stakeholders\nversion: 1\nstakeholders:\n"
_BEN = (
    "  - {id: ben, name: Ben Okafor, side: internal, power: 2, legitimacy: 2, urgency: 2,\n"
    "     interest: 2}\n"
)


def _ann(extra: str) -> str:
    """A register of ben and ann, a definitive stakeholder (`extra` ends her entry)."""
    return (
        _HEAD
        + _BEN
        + "  - {id: ann, name: Ann Lee, side: external, power: 5, legitimacy: 5, urgency: 5,\n"
        + f"     interest: 5{extra}}}\n"
    )


RULES = [
    Rule(
        "stakeholders.no-owner",
        "warning",
        "A definitive or manage-closely stakeholder has no relationship `owner`.",
        why="""The stakeholders who matter most are the ones whose relationship must be owned
        by a named person; without an owner, each assumes someone else keeps in touch.""",
        bad=_ann(""),
        good=_ann(", owner: ben"),
    ),
    Rule(
        "stakeholders.gap-without-actions",
        "warning",
        "Current and desired engagement differ and no `engagement.actions` are planned.",
        why="""Recording that someone is resistant but should be supportive is only useful with
        a plan to move them; a gap without actions is a wish.""",
        bad=_ann(", owner: ben,\n     engagement: {current: resistant, desired: supportive}"),
        good=_ann(
            ", owner: ben,\n     engagement: {current: resistant, desired: supportive,\n"
            "                  actions: [Walk her through the pilot results]}"
        ),
    ),
    Rule(
        "stakeholders.hidden-without-source",
        "warning",
        "A `hidden: true` stakeholder does not say where it was found (`discovered.source`).",
        why="""A stakeholder marked hidden was found by digging; without the source (which
        interview, which document) nobody can check or follow up the finding.""",
        bad=_ann(", owner: ben, hidden: true"),
        good=_ann(
            ", owner: ben, hidden: true,\n"
            "     discovered: {method: interview, source: Interview with the CFO}"
        ),
    ),
    Rule(
        "stakeholders.unknown-reference",
        "error",
        "`owner` or `influences` names an id that no register of the folder defines.",
        why="""An owner or influence that points at nobody makes the relationship map wrong
        and usually hides a typo in an id.""",
        bad=_ann(", owner: benn"),
        good=_ann(", owner: ben"),
    ),
    Rule(
        "stakeholders.self-influence",
        "error",
        "A stakeholder lists itself under `influences`.",
        why="""Influence is a relation between two stakeholders; a self-loop adds nothing to the
        map, inflates network measures and usually hides a copy-paste slip of an id.""",
        bad=_ann(", owner: ben, influences: [ann]"),
        good=_ann(", owner: ben, influences: [ben]"),
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Owners where attention is due, plans for gaps, sources for hidden ones, references."""
    register = parsed.model
    assert isinstance(register, Register)
    settings = Settings.from_config(workspace.config)
    known = {s.id for s in scope.stakeholders(workspace, parsed.path)}
    for i, person in enumerate(register.stakeholders):
        at = ("stakeholders", i)
        why = owner_due(person, settings) if person.owner is None else None
        if why is not None:  # assessed only here: the other rules need no salience
            yield warning(
                "stakeholders.no-owner",
                at,
                f"{person.id!r} is {why} but has no `owner`; name who owns the relationship",
            )
        eng = person.engagement
        if eng is not None and eng.current is not eng.desired and not eng.actions:
            yield warning(
                "stakeholders.gap-without-actions",
                (*at, "engagement"),
                f"{person.id!r} is {eng.current.value} but should be {eng.desired.value} "
                f"(gap {grid.gap(eng.current, eng.desired):+d}); list what closes it under "
                "`engagement.actions`",
            )
        found = person.discovered
        if person.hidden and (found is None or (found.source is None and found.interview is None)):
            yield warning(
                "stakeholders.hidden-without-source",
                (*at, "discovered") if person.discovered else (*at, "hidden"),
                f"{person.id!r} is hidden but `discovered.source` does not say where they "
                "were found (which interview, journey map or document)",
            )
        yield from _references(person.owner, person.influences, known, at)
        for j, target in enumerate(person.influences):
            if target == person.id:
                yield error(
                    "stakeholders.self-influence",
                    (*at, "influences", j),
                    f"{person.id!r} influences itself; list the other stakeholders it influences",
                )


def _references(
    owner: str | None, influences: list[str], known: set[str], at: tuple[str, int]
) -> Iterator[Finding]:
    if owner is not None and owner not in known:
        yield error(
            "stakeholders.unknown-reference",
            (*at, "owner"),
            f"owner {owner!r} is not a stakeholder id in this folder's registers; "
            "add them to the register or fix the id",
        )
    for j, target in enumerate(influences):
        if target not in known:
            yield error(
                "stakeholders.unknown-reference",
                (*at, "influences", j),
                f"influences {target!r}, which is not a stakeholder id in this folder's "
                "registers; add them to the register or fix the id",
            )
