"""Charter checks: completeness profile, escalation ladder, signatures, scorecards.

Across files: each decision right agrees with the RACI row it points at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from stakecli.charters import scorecard
from stakecli.charters.model import Charter, DecisionRight
from stakecli.charters.scorecard_model import ScorecardFile
from stakecli.core.findings import Finding, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.raci import refs
from stakecli.raci.model import Raci
from stakecli.stakeholders import scope

RULES = [
    Rule(
        "charter.missing-section",
        "error",
        "A section the profile requires is missing or empty (charter.required_sections).",
    ),
    Rule("charter.escalation-order", "error", "Escalation levels are not numbered 1, 2, 3..."),
    Rule("charter.unsigned", "warning", "An active charter has a signatory without `signed_on`."),
    Rule("charter.raci-unresolved", "error", "A decision right points at no RACI row of the run."),
    Rule(
        "charter.decision-conflict",
        "error",
        "A decision right names someone other than the RACI row's decider (its A; D in RAPID).",
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Completeness, escalation ladder, signatures and scorecards of one charter."""
    charter = parsed.model
    assert isinstance(charter, Charter)
    for section in workspace.config.charter.required_sections:
        value = getattr(charter, section)
        if value is None or value == []:
            yield error(
                "charter.missing-section",
                (section,),
                f"the charter has no `{section}:`; the project's profile requires it",
            )
    for i, level in enumerate(charter.escalation):
        if level.level != i + 1:
            yield error(
                "charter.escalation-order",
                ("escalation", i, "level"),
                f"escalation step {i + 1} is numbered {level.level}; number the ladder 1, 2, 3...",
            )
    if charter.status == "active":
        for i, signatory in enumerate(charter.signatories):
            if signatory.signed_on is None:
                yield warning(
                    "charter.unsigned",
                    ("signatories", i),
                    f"the charter is active but {signatory.id!r} has not signed (`signed_on:`)",
                )
    yield from scorecard.check(
        charter.scorecards, ("scorecards",), date.today(), workspace.config.scorecard.max_age_days
    )


def check_scorecard_file(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Scorecards kept in their own file."""
    model = parsed.model
    assert isinstance(model, ScorecardFile)
    max_age = workspace.config.scorecard.max_age_days
    yield from scorecard.check(model.scorecards, ("scorecards",), date.today(), max_age)


def check_decision_rights(workspace: Workspace) -> Iterator[Finding]:
    """Each decision right resolves to a RACI row whose decider is the one the charter names."""
    for parsed in workspace.of_kind("charter"):
        charter = parsed.model
        assert isinstance(charter, Charter)
        matrices = [
            (p.path, p.model)
            for p in scope.files(workspace, "raci", parsed.path)
            if isinstance(p.model, Raci)
        ]
        for d, right in enumerate(charter.decision_rights):
            for finding in _agree(right, d, parsed.path, matrices):
                yield replace(finding, path=str(parsed.path))


def _agree(
    right: DecisionRight, d: int, charter: Path, matrices: list[tuple[Path, Raci]]
) -> Iterator[Finding]:
    found = refs.resolve(right.raci, charter, matrices)
    if isinstance(found, str):
        yield error("charter.raci-unresolved", ("decision_rights", d, "raci"), found)
        return
    matrix, row = found
    letter, deciders = refs.deciders(matrix, row)
    if right.decides not in deciders:
        yield error(
            "charter.decision-conflict",
            ("decision_rights", d, "decides"),
            f"the charter says {right.decides!r} decides {right.decision!r}, but the RACI row "
            f"{row.id!r} gives {letter} to {', '.join(deciders) or 'nobody'}; make them agree",
        )
