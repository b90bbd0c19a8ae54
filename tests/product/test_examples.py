"""The shipped agreement examples validate clean against their registers."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLES
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


def test_partnership_example_is_clean_with_a_register(tmp_path):
    for name in ("raci.yaml", "charter.yaml"):
        shutil.copy(EXAMPLES / "partnership" / name, tmp_path / name)
    shutil.copy(EXAMPLES / "partnership" / "stakeholders.yaml", tmp_path / "stakeholders.yaml")
    assert findings(tmp_path) == []


def test_vendor_renewal_team_raci_is_clean_against_its_register():
    # Only the RACI's findings: the folder's other files belong to other checks.
    assert [f for f in findings(EXAMPLES / "vendor-renewal") if f[0] == "raci.yaml"] == []
    assert "raci.yaml" in [p.name for p in pipeline.run([EXAMPLES / "vendor-renewal"]).files]
