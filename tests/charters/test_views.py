"""The charter and agenda documents of the partnership example (golden files)."""

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


@pytest.mark.parametrize("name", ["raci-chart", "charter", "agenda"])
def test_agreement_documents_are_internal(name):
    (spec,) = [s for s in specs() if s.name == name]
    assert spec.audience == "internal"


def test_charter_document(workspace, golden):
    text = render("charter", workspace)
    assert "Passes when every metric meets its target. Result: **pass**." in text
    assert "| Go/no-go for general availability | Olivia Brandt | Go/no-go" in text
    golden("partnership-charter.md", text)


def test_agenda_document(workspace, golden):
    text = render("agenda", workspace)
    assert "## Fortnightly rollout sync\n\nFortnightly, 45 minutes. Owner: Hannah Osei." in text
    golden("partnership-agenda.md", text)


def test_charter_document_shows_a_failing_gate(workspace, tmp_path):
    charter = tmp_path / "charter.yaml"  # 50 is below the amber edge (57): a plain fail
    charter.write_text(charter.read_text().replace("{value: 63,", "{value: 50,"))
    report = pipeline.run([tmp_path])
    text = render("charter", Workspace(Config(), report.parsed))
    assert "Result: **fail**." in text
    row = "| Weekly engagement of new sign-ups | Lena Vogel | at least 60% | 50% | 2026-11-23 "
    assert row + "| fail |" in text


@pytest.mark.parametrize(
    ("uptime", "engagement", "status"),
    [("99.5", "55", "fail"), ("99.2", "63", "pass"), ("98.7", "63", "amber")],
)
def test_shipped_adoption_gate_gives_domain_8_6_answers(
    workspace, tmp_path, uptime, engagement, status
):
    charter = tmp_path / "charter.yaml"
    text = charter.read_text().replace("{value: 99.2,", f"{{value: {uptime},")
    charter.write_text(text.replace("{value: 63,", f"{{value: {engagement},"))
    report = pipeline.run([tmp_path])
    assert f"Passes when every metric meets its target. Result: **{status}**." in render(
        "charter", Workspace(Config(), report.parsed)
    )
