"""Errors that stop a run (as opposed to findings, which are problems in the user's files)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from stakecli.core.findings import Finding


class StakeError(Exception):
    """A run cannot complete; `str(e)` is shown to the user verbatim, without a traceback."""


class UsageError(StakeError):
    """The command line or the configuration asks for something impossible."""


class ConfigError(StakeError):
    """The project configuration file is unreadable or invalid."""


class TemplateError(StakeError):
    """A template cannot be loaded or rendered."""


class FindingsStop(StakeError):
    """The files a command needs have findings at error severity: exit 1, not 2.

    The command printed nothing; the findings are shown as `validate` shows them.
    """

    def __init__(self, findings: Sequence[Finding], subject: str, done: str = "analysed") -> None:
        self.findings = list(findings)
        self.subject = subject
        n = len(self.findings)
        super().__init__(
            f"{subject}: {n} error{'s' if n != 1 else ''} in the project; nothing {done} "
            f"(fix {'it' if n == 1 else 'them'} first: `stakecli validate` shows the same "
            "findings)"
        )
