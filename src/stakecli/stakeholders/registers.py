"""Find the stakeholder register a path names (checking it is `pipeline.register`)."""

from __future__ import annotations

from pathlib import Path

from stakecli.core.errors import StakeError
from stakecli.core.loading import declares_kind

NAMES = ("stakeholders.yaml", "stakeholders.yml")
"""Preferred file names when a folder holds several registers."""


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
