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
from stakecli.core.config import CharterConfig
from stakecli.core.findings import Finding, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.raci import refs
from stakecli.raci.model import Raci
from stakecli.stakeholders import scope


def _charter(rights: str = "", *, status: str = "active", signed: str = "2026-10-01") -> str:
    """A charter with every required section (`rights` replaces its decision rights)."""
    return (
        f"kind: charter\nversion: 1\ntitle: Rollout\nstatus: {status}\n"
        "purpose: Ship the new onboarding together.\n"
        "goals: [{statement: Ship by March, owners: [ann]}]\n"
        "decision_rights:\n"
        + (rights or '  - {decision: Launch, raci: "raci.yaml#launch", decides: ann}\n')
        + "escalation:\n  - {level: 1, who: [ben], time_limit_days: 2}\n"
        "  - {level: 2, who: [ann], time_limit_days: 3}\n"
        "scorecards:\n  - id: adoption\n    name: Adoption\n    type: gate\n    metrics:\n"
        '      - {id: uptime, name: Uptime, owner: cy, unit: "%", comparator: ">=",\n'
        "         threshold: 99, current: {value: 99.5, as_of: 2026-11-20}}\n"
        f"signatories:\n  - {{id: ann, signed_on: {signed}}}\n"
        "# file: raci.yaml\nkind: raci\nversion: 1\nrows:\n"
        "  - {id: launch, name: Launch, assign: {ann: A, ben: R, cy: I}}\n"
    )


RULES = [
    Rule(
        "charter.missing-section",
        "error",
        "A section the completeness profile (charter.profile) requires is missing or empty.",
        why="""A charter is the agreement on purpose, goals, who decides and how to escalate;
        one without a required section leaves that part to be argued about later.""",
        bad=_charter().replace("purpose: Ship the new onboarding together.\n", ""),
        good=_charter(),
    ),
    Rule(
        "charter.escalation-order",
        "error",
        "Escalation levels are not numbered 1, 2, 3...",
        why="""An escalation ladder is followed step by step; a gap or a repeated number
        leaves people unsure where to go next.""",
        bad=_charter().replace("level: 2", "level: 3"),
        good=_charter(),
    ),
    Rule(
        "charter.unsigned",
        "warning",
        "An active charter has a signatory without `signed_on`.",
        why="""An active charter binds its signatories; one who has not signed has not agreed
        to it, whatever the status says.""",
        bad=_charter(signed="null"),
        good=_charter(),
    ),
    Rule(
        "charter.raci-unresolved",
        "error",
        "A decision right points at no RACI row of the run.",
        why="""A decision right is checked against the RACI row it names; a reference to no row
        (a renamed row, a typo) checks nothing.""",
        bad=_charter('  - {decision: Launch, raci: "raci.yaml#lanch", decides: ann}\n'),
        good=_charter(),
    ),
    Rule(
        "charter.decision-conflict",
        "error",
        "A decision right names someone other than the RACI row's decider (its A; D in RAPID).",
        why="""When the charter says one person decides and the RACI gives the A to another,
        two documents the team signed disagree on who decides.""",
        bad=_charter('  - {decision: Launch, raci: "raci.yaml#launch", decides: ben}\n'),
        good=_charter(),
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Completeness, escalation ladder, signatures and scorecards of one charter."""
    charter = parsed.model
    assert isinstance(charter, Charter)
    yield from missing_sections(charter, workspace.config.charter)
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


SECTION_NAMES = {
    "purpose": "project purpose",
    "goals": "measurable objectives",
    "requirements": "high-level requirements",
    "assumptions": "assumptions",
    "constraints": "constraints",
    "scope": "description and boundaries",
    "risks": "high-level risks",
    "milestones": "summary milestone schedule",
    "budget": "summary budget",
    "financial_resources": "preapproved financial resources",
    "stakeholders": "key stakeholder list",
    "approval_requirements": "approval requirements",
    "exit_criteria": "project exit criteria",
    "manager": "assigned project manager and their authority",
    "sponsor": "sponsor and their authority",
    "decision_rights": "decision rights",
    "escalation": "escalation ladder",
    "scorecards": "scorecards",
    "ceremonies": "ceremonies",
    "signatories": "signatories",
}
"""What each section holds, as the PMBOK lists name it (docs/methods.md §6.1)."""
PROFILE_NAMES = {"default": "default", "pmbok5": "PMBOK 5", "pmbok6": "PMBOK 6", "custom": "custom"}


def missing(charter: Charter, config: CharterConfig) -> list[str]:
    """The sections the profile in force requires that the charter leaves missing or empty."""
    return [s for s in config.sections() if getattr(charter, s) in (None, [])]


def missing_sections(charter: Charter, config: CharterConfig) -> Iterator[Finding]:
    """One `charter.missing-section` per required section the charter lacks."""
    profile = PROFILE_NAMES[config.chosen]
    for section in missing(charter, config):
        yield error(
            "charter.missing-section",
            (section,),
            f"the charter has no `{section}:` ({SECTION_NAMES[section]}); the {profile} "
            "profile requires it",
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
