"""Finding codes: the `Rule` record, and the codes the core itself emits (files, YAML, schema).

Each domain module that emits codes declares them in its own `RULES` list; `kinds.all_rules()`
gathers the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from stakecli.core.findings import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """A documented, stable finding code."""

    code: str
    severity: str
    summary: str
    why: str = ""
    """Why it matters: what goes wrong in practice when a file breaks the rule."""
    bad: str = ""
    """A YAML snippet that breaks the rule."""
    good: str = ""
    """The same snippet, fixed."""
    module: str = ""
    """The module that declares and emits the code (filled in by the registry)."""

    @property
    def default(self) -> Severity:
        """The severity a finding with this code has unless the project re-grades it."""
        return Severity(self.severity)


RULES = [
    Rule("file.unreadable", "error", "The file cannot be read (permissions, a folder...)."),
    Rule("file.too-large", "error", "The file is larger than the 10 MiB limit; split it."),
    Rule("file.encoding", "error", "The file is not UTF-8 (a UTF-8 byte-order mark is fine)."),
    Rule("file.empty", "error", "The file is empty or holds only comments."),
    Rule("file.not-mapping", "error", "The document is not a mapping (key: value pairs)."),
    Rule("yaml.syntax", "error", "The YAML cannot be parsed (including tab indentation)."),
    Rule("yaml.duplicate-key", "error", "A key appears twice in one mapping."),
    Rule("yaml.alias-bomb", "error", "Aliases expand past 2,000,000 nodes (billion laughs)."),
    Rule("yaml.alias-cycle", "error", "An alias refers to a node that contains it."),
    Rule("yaml.too-deep", "error", "Nesting is deeper than 64 levels."),
    Rule("kind.missing", "error", "The file has no `kind:` saying which stakecli file it is."),
    Rule("kind.unknown", "error", "`kind:` names no stakecli file kind."),
    Rule("kind.version", "error", "`version:` is missing or not a version stakecli reads."),
    Rule("schema.missing", "error", "A required key is missing."),
    Rule("schema.unknown-key", "error", "A key the schema does not know (typo?): did-you-mean."),
    Rule("schema.type", "error", "A value has the wrong type."),
    Rule("schema.invalid-choice", "error", "A value is not one of the allowed choices."),
    Rule("schema.out-of-range", "error", "A number is outside its documented scale."),
    Rule("schema.pattern", "error", "An id or code does not match its pattern."),
    Rule("schema.empty", "error", "A text or list that must not be empty is empty."),
    Rule("schema.invalid", "error", "Any other schema violation."),
]
