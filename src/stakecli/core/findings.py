"""Problems found in users' files, as values: severity, stable code, location, message."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum

Loc = tuple[str | int, ...]


class Severity(StrEnum):
    """How much a finding matters; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class ExitCode(IntEnum):
    """What the process tells CI."""

    OK = 0
    FINDINGS = 1
    FAILED = 2


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one place of one file.

    `loc` is the path inside the document (as pydantic reports it); the pipeline fills
    `line` and `col` (1-based) from the YAML node marks.
    """

    code: str
    severity: Severity
    message: str
    path: str = ""
    loc: Loc = ()
    line: int | None = None
    col: int | None = None
    end_line: int | None = None
    end_col: int | None = None
    at_key: bool = field(default=False, compare=False)

    @property
    def dotted(self) -> str:
        """The loc as `stakeholders[41].power`."""
        return dotted(self.loc)

    def with_severity(self, severity: Severity) -> Finding:
        """The same finding re-graded (project config)."""
        return replace(self, severity=severity)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, then position, then code."""
        return (self.path, self.line or 0, self.col or 0, self.code)


def dotted(loc: Loc) -> str:
    """A loc as `stakeholders[41].power`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def error(code: str, loc: Loc, message: str, *, at_key: bool = False) -> Finding:
    """An error finding at `loc` (path and line are filled in by the pipeline)."""
    return Finding(code, Severity.ERROR, message, loc=loc, at_key=at_key)


def warning(code: str, loc: Loc, message: str, *, at_key: bool = False) -> Finding:
    """A warning finding at `loc`."""
    return Finding(code, Severity.WARNING, message, loc=loc, at_key=at_key)


def info(code: str, loc: Loc, message: str, *, at_key: bool = False) -> Finding:
    """An informational finding at `loc`."""
    return Finding(code, Severity.INFO, message, loc=loc, at_key=at_key)


def exit_code(findings: Iterable[Finding], *, strict: bool = False) -> ExitCode:
    """OK when nothing reaches the fail level (error; warning too with `strict`)."""
    floor = Severity.WARNING.rank if strict else Severity.ERROR.rank
    failed = any(f.severity.rank >= floor for f in findings)
    return ExitCode.FINDINGS if failed else ExitCode.OK
