"""The raci-chart document of the partnership example."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from stakecli import pipeline
from stakecli.core import rendering
from stakecli.core.config import Config
from stakecli.core.project import Workspace
from stakecli.kinds import documents as specs


@pytest.fixture
def workspace(tmp_path):
    for name in ("raci.yaml", "charter.yaml"):
        shutil.copy(ROOT / "examples" / "partnership" / name, tmp_path / name)
    shutil.copy(ROOT / "examples" / "partnership" / "stakeholders.yaml", tmp_path / "s.yaml")
    report = pipeline.run([tmp_path])
    assert report.findings == []
    return Workspace(Config(), report.parsed)


def render(name: str, workspace: Workspace) -> str:
    (spec,) = [s for s in specs() if s.name == name]
    (parsed,) = workspace.of_kind(spec.kind)
    return rendering.render(spec.template, spec.context(parsed, workspace))


def test_user_strings_cannot_break_the_chart_table(workspace, tmp_path):
    raci = tmp_path / "raci.yaml"
    raci.write_text(raci.read_text().replace("Roll back after an incident", "Roll back | revert"))
    report = pipeline.run([tmp_path])
    text = render("raci-chart", Workspace(Config(), report.parsed))
    assert "| Roll back \\| revert |" in text
