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


def test_a_role_held_by_nobody_is_a_schema_error(tmp_path, write):
    write("raci.yaml", RACI + "roles: {owner: []}\n")
    assert ("raci.yaml", "schema.empty", 7) in findings(tmp_path)
