"""Parsed files, the workspace checks run in, and the report of a run."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stakecli.core.findings import Finding, Severity

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pydantic import BaseModel

    from stakecli.core.config import Config
    from stakecli.core.loading import Document
    from stakecli.core.rules import Rule


@dataclass(frozen=True, slots=True)
class Parsed:
    """A file that loaded and passed its schema."""

    path: Path
    kind: str
    document: Document
    model: BaseModel


@dataclass(slots=True)
class Workspace:
    """The parsed files of one project, for checks that look across files.

    `pipeline.run` builds one workspace per project (`core.projects`), so a check sees only
    the files of its own project and the config that serves it. `root` is the project's
    folder; `registers` names the project's register files, parsed or not, so a check can
    tell "no register" from "a register that does not load".
    """

    config: Config
    files: list[Parsed] = field(default_factory=list)
    root: Path | None = None
    registers: list[Path] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Parsed]:
        """The parsed files of one kind, in path order."""
        return [f for f in self.files if f.kind == kind]


FileCheck = Callable[[Parsed, Workspace], Iterable[Finding]]
"""Checks one file; may look at the rest of the workspace. Findings carry only a loc."""
ProjectCheck = Callable[[Workspace], Iterable[Finding]]
DataCheck = Callable[[dict[str, Any]], Iterable[Finding]]
"""A check of one file's plain data: runs whether or not the file passes its schema."""
"""Checks across files. Findings carry a path and a loc."""


@dataclass(slots=True)
class Report:
    """The outcome of one run over one or more files."""

    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    parsed: list[Parsed] = field(default_factory=list)
    rules: Mapping[str, Rule] = field(default_factory=dict)
    """The catalogue of codes, for reports that describe each rule (SARIF)."""
    workspaces: list[Workspace] = field(default_factory=list)
    """One per project of the run, with every parsed file of the project (context too)."""

    def errors(self) -> list[Finding]:
        """The findings at error severity."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    def workspace_of(self, path: Path) -> Workspace | None:
        """The workspace of the project `path` belongs to (None: no parsed file there)."""
        wanted = path.resolve()
        for workspace in self.workspaces:
            if any(f.path.resolve() == wanted for f in workspace.files):
                return workspace
        return None

    def counts(self) -> dict[str, int]:
        """Findings per severity."""
        return {s.value: sum(f.severity is s for f in self.findings) for s in Severity}
