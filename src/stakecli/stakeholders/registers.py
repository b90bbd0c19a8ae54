"""Find a stakeholder register on disk or in git, and parse it or explain why it cannot be."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from stakecli.core.errors import StakeError
from stakecli.core.findings import Finding, Severity
from stakecli.core.loading import declares_kind
from stakecli.stakeholders.model import Register

NAMES = ("stakeholders.yaml", "stakeholders.yml")
"""Preferred file names when a folder holds several registers."""


class InvalidRegister(StakeError):
    """The register does not load or does not pass its schema."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        first = self.findings[0]
        where = ":".join(str(p) for p in (first.path, first.line, first.col) if p is not None)
        more = f" (and {len(self.findings) - 1} more)" if len(self.findings) > 1 else ""
        super().__init__(
            f"{where}: {first.severity} [{first.code}] {first.message}{more}; "
            "run `stakecli validate` for every finding"
        )


def find(path: Path) -> Path:
    """The register `path` names: the file itself, or the one register in the folder."""
    if not path.exists():
        raise StakeError(f"{path} does not exist")
    if path.is_file():
        return path
    candidates = [p for p in sorted(path.iterdir()) if p.suffix in (".yaml", ".yml")]
    registers = [p for p in candidates if p.is_file() and declares_kind(p, "stakeholders")]
    preferred = [p for p in registers if p.name in NAMES]
    if len(registers) == 1 or len(preferred) == 1:
        return (preferred or registers)[0]
    if not registers:
        raise StakeError(
            f"no stakeholder register (a YAML file with `kind: stakeholders`) in {path}; "
            "pass the register file or its folder"
        )
    names = ", ".join(p.name for p in registers)
    raise StakeError(f"{path} holds several registers ({names}); pass one of them")


def read(path: Path) -> Register:
    """Load and schema-check the register at `path`; problems raise InvalidRegister."""
    from stakecli import pipeline
    from stakecli.core.config import Config
    from stakecli.core.project import Parsed

    outcome = pipeline.parse_file(path)
    if isinstance(outcome, Parsed) and isinstance(outcome.model, Register):
        return outcome.model
    if isinstance(outcome, Parsed):
        problem = Finding(
            "kind.unknown",
            Severity.ERROR,
            f"this is a {outcome.kind} file, not a stakeholder register",
            path=str(path),
            line=1,
            col=1,
        )
        raise InvalidRegister([problem])
    findings, document = outcome if outcome is not None else ([], None)
    documents = {str(path): document} if document is not None else {}
    raise InvalidRegister(list(pipeline.finalise(findings, documents, Config())))


def parse(raw: bytes, name: str, label: str) -> Register:
    """Parse register bytes read elsewhere (a git revision); findings name `label`."""
    from dataclasses import replace

    with tempfile.TemporaryDirectory(prefix="stakecli-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(raw)
        try:
            return read(path)
        except InvalidRegister as exc:
            raise InvalidRegister([replace(f, path=label) for f in exc.findings]) from None
