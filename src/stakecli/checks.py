"""Which checks run on which kind of file, and the context they run in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stakecli.findings import Finding

if TYPE_CHECKING:
    from pydantic import BaseModel

    from stakecli.config import Config
    from stakecli.loading import Document


@dataclass(frozen=True, slots=True)
class Parsed:
    """A file that loaded and passed its schema."""

    path: Path
    kind: str
    document: Document
    model: BaseModel


@dataclass(slots=True)
class Workspace:
    """Every parsed file of a run, for checks that look across files."""

    config: Config
    files: list[Parsed] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Parsed]:
        """The parsed files of one kind, in path order."""
        return [f for f in self.files if f.kind == kind]


FileCheck = Callable[[Parsed, Workspace], Iterable[Finding]]
"""Checks one file; may look at the rest of the workspace. Findings carry only a loc."""
ProjectCheck = Callable[[Workspace], Iterable[Finding]]
"""Checks across files. Findings carry a path and a loc."""


def file_checks() -> dict[str, list[FileCheck]]:
    """The checks per kind (imported lazily: only `validate` needs them)."""
    from stakecli.analysis import (
        charter,
        comms,
        decision_raci,
        decisions,
        negotiation,
        raci,
        register,
        stakeholder_rules,
    )

    return {
        "stakeholders": [register.check, stakeholder_rules.check],
        "raci": [raci.check],
        "charter": [charter.check],
        "scorecard": [charter.check_scorecard_file],
        "decision": [decisions.check, decision_raci.check],
        "comms": [comms.check],
        "negotiation": [negotiation.check],
    }


def project_checks() -> list[ProjectCheck]:
    """The checks that need every file of the run."""
    from stakecli.analysis import charter, decisions, references

    return [
        references.check,
        references.check_unique_ids,
        charter.check_decision_rights,
        decisions.check_folders,
    ]
