"""A decision that is a RACI row must name the same decision-makers as the row.

The decision's `raci:` is `<row-id>` or `<raci-id>#<row-id>`. Its `deciders` must be exactly
the people holding the row's deciding letter: D in RAPID, A (Accountable / Approver) in
RACI, RASCI, DACI and RACI-VS. RACI files are read duck-typed (`rows`, `assign`, `people`,
`variant`), so this module does not depend on the RACI model's import path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from stakecli.core.findings import Finding, error
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.decisions.model import Decision
from stakecli.stakeholders import scope

RULES = [
    Rule("decision.raci-unknown", "error", "`raci:` names no row of a RACI file in the run."),
    Rule(
        "decision.raci-mismatch",
        "error",
        "A decision's deciders differ from the A (or RAPID D) holders of its RACI row.",
    ),
]

_SEPARATORS = "/,+ -"


def deciding_letter(variant: str) -> str:
    """The letter whose holder makes the decision in a RACI variant."""
    return "D" if variant == "rapid" else "A"


def find_row(ref: str, workspace: Workspace, near: Path | None = None) -> tuple[Any, Any] | None:
    """(raci model, row) for `<row-id>` or `<raci-id>#<row-id>`, or None.

    Only the RACI files of the project folder of `near` are searched (analysis.scope).
    """
    file_id, _, row_id = ref.rpartition("#")
    for parsed in scope.files(workspace, "raci", near):
        model = parsed.model
        if file_id and getattr(model, "id", None) != file_id:
            continue
        for row in getattr(model, "rows", []):
            if getattr(row, "id", None) == row_id:
                return model, row
    return None


def holders(model: Any, row: Any) -> set[str]:
    """The register ids holding the deciding letter in `row` (role names expanded)."""
    letter = deciding_letter(str(getattr(model, "variant", "raci")))
    found: set[str] = set()
    for participant, cell in getattr(row, "assign", {}).items():
        cell_letters = {c for c in str(cell).upper() if c not in _SEPARATORS}
        if letter in cell_letters:
            people = getattr(model, "people", None)
            found.update(people(participant) if callable(people) else [participant])
    return found


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """The decision's row exists, and its deciders are the row's deciding-letter holders."""
    d = parsed.model
    assert isinstance(d, Decision)
    if d.raci is None or not scope.files(workspace, "raci", parsed.path):
        return
    found = find_row(d.raci, workspace, parsed.path)
    if found is None:
        yield error(
            "decision.raci-unknown",
            ("raci",),
            f"no RACI row {d.raci!r}; use a row id, or <raci-id>#<row-id>",
        )
        return
    expected = holders(*found)
    if expected != set(d.deciders):
        want = ", ".join(sorted(expected)) or "nobody"
        yield error(
            "decision.raci-mismatch",
            ("deciders",),
            f"the RACI row {d.raci!r} makes {want} the decision-maker(s); deciders are "
            f"{', '.join(d.deciders) or 'empty'}: make them agree",
        )
