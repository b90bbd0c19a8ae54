"""A decision that is a RACI row must name the same decision-makers as the row.

The decision's `raci:` is a row reference as everywhere in stakecli (`raci.refs`): `<row-id>`
or `<file>#<row-id>`. Its `deciders` must be exactly the people holding the row's deciding
letter: D in RAPID, A (Accountable / Approver) in RACI, RASCI, DACI and RACI-VS.
"""

from __future__ import annotations

from collections.abc import Iterator

from stakecli.core.findings import Finding, error
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.decisions.model import Decision
from stakecli.raci import refs
from stakecli.stakeholders import scope

_RACI = (
    "# file: raci.yaml\nkind: raci\nversion: 1\nrows:\n"
    "  - {id: vendor, name: Pick the vendor, assign: {ann: A, ben: R, cy: C}}\n"
)


def _decision(raci: str, deciders: str) -> str:
    return (
        "kind: decision\nversion: 1\nnumber: 1\ntitle: Pick the vendor\nstatus: accepted\n"
        f"date: 2026-01-10\ndeciders: [{deciders}]\nraci: {raci}\n"
        "context: The contract ends in March.\noptions: [{name: Renew}, {name: Switch}]\n"
        "outcome: {chosen: Renew, rationale: it is cheaper.}\n" + _RACI
    )


RULES = [
    Rule(
        "decision.raci-unknown",
        "error",
        "`raci:` names no row of a RACI file in the project.",
        why="""A decision linked to a RACI row is checked against it; a link to no row (a
        renamed row, a typo) checks nothing.""",
        bad=_decision("vendors", "ann"),
        good=_decision("vendor", "ann"),
    ),
    Rule(
        "decision.raci-mismatch",
        "error",
        "A decision's deciders differ from the A (or RAPID D) holders of its RACI row.",
        why="""When the decision record and the RACI disagree on who decides, one of them is
        wrong, and people will cite whichever suits them.""",
        bad=_decision("vendor", "ben"),
        good=_decision("vendor", "ann"),
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """The decision's row exists, and its deciders are the row's deciding-letter holders."""
    d = parsed.model
    assert isinstance(d, Decision)
    matrices = refs.matrices_of(
        (p.path, p.model) for p in scope.files(workspace, "raci", parsed.path)
    )
    if d.raci is None or not matrices:
        return
    found = refs.resolve(d.raci, parsed.path, matrices)
    if isinstance(found, str):
        yield error(
            "decision.raci-unknown",
            ("raci",),
            f"{found}; use a row id, or <raci-file>#<row-id>",
        )
        return
    _, expected = refs.deciders(*found)
    if set(expected) != set(d.deciders):
        want = ", ".join(expected) or "nobody"
        yield error(
            "decision.raci-mismatch",
            ("deciders",),
            f"the RACI row {d.raci!r} makes {want} the decision-maker(s); deciders are "
            f"{', '.join(d.deciders) or 'empty'}: make them agree",
        )
