"""The RACI model: roles and their holders."""

from __future__ import annotations

from pathlib import Path

from stakecli import pipeline
from stakecli.core.config import Config

RACI = """
kind: raci
version: 1
rows:
  - id: launch
    name: Launch
    assign: {ann: A, ben: R, cy: I}
"""


def findings(folder: Path, config: Config | None = None) -> list[tuple[str, str, int | None]]:
    report = pipeline.run([folder], config)
    return [(Path(f.path).name, f.code, f.line) for f in report.findings]


def test_a_role_held_by_nobody_yet_is_allowed(tmp_path, write):
    # A matrix drawn before the register exists (or imported from a sheet of roles).
    write("raci.yaml", RACI + "roles: {owner: []}\n")
    assert not [f for f in findings(tmp_path) if f[1].startswith("schema.")]
