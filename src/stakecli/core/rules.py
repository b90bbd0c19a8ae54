"""Finding codes: the `Rule` record every module that emits codes declares them with.

Each module that emits codes declares them in its own `RULES` list, beside the code that
emits them (core codes in `core/loading.py`, `core/schema_errors.py` and `pipeline.py`);
`kinds.all_rules()` gathers the catalogue that `stakecli rules` and docs/rules.md show.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from stakecli.core.findings import Severity

REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: ann, name: Ann Lee, side: internal, power: 4, legitimacy: 4, urgency: 4,
     interest: 4, owner: ben}
  - {id: ben, name: Ben Okafor, side: internal, power: 2, legitimacy: 2, urgency: 2,
     interest: 2}
  - {id: dee, name: Dee Moss, side: internal, power: 2, legitimacy: 2, urgency: 2,
     interest: 2}
  - {id: eve, name: Eve Roy, side: internal, power: 2, legitimacy: 2, urgency: 2,
     interest: 2}
  - {id: fay, name: Fay Wu, side: internal, power: 2, legitimacy: 2, urgency: 2,
     interest: 2}
  - {id: gus, name: Gus Hale, side: internal, power: 2, legitimacy: 2, urgency: 2,
     interest: 2}
  - {id: hal, name: Hal Ito, side: internal, power: 2, legitimacy: 2, urgency: 2,
     interest: 2}
  - {id: cy, name: Cy Park, side: external, power: 2, legitimacy: 2, urgency: 2, interest: 2,
     tags: [partners]}
"""
"""The register the examples of every rule assume beside them (`stakeholders.yaml`)."""


def _snippet(text: str) -> str:
    """An example as written in the source, its indentation and outer blank lines removed."""
    body = textwrap.dedent(text).strip("\n")
    return body + "\n" if body else ""


@dataclass(frozen=True, slots=True)
class Rule:
    """A documented, stable finding code.

    `bad` and `good` are whole files (or, where the rule is about a CSV, its text); an example
    that needs more than one file introduces each with a `# file: NAME` line. Examples assume
    the register `REGISTER` beside them unless they bring their own.
    """

    code: str
    severity: str
    summary: str
    why: str = ""
    """Why it matters: what goes wrong in practice when a file breaks the rule."""
    bad: str = ""
    """A file that breaks the rule."""
    good: str = ""
    """The same file, fixed."""
    module: str = ""
    """The module that declares and emits the code (filled in by the registry)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "why", " ".join(self.why.split()))
        object.__setattr__(self, "bad", _snippet(self.bad))
        object.__setattr__(self, "good", _snippet(self.good))

    @property
    def default(self) -> Severity:
        """The severity a finding with this code has unless the project re-grades it."""
        return Severity(self.severity)

    @property
    def source(self) -> str:
        """Where the rule lives, as a repository path: `src/stakecli/raci/rules.py`."""
        return "src/" + self.module.replace(".", "/") + ".py" if self.module else ""
