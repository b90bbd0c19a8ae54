"""Rendering one file renders its own documents only, as filtering all of them did."""

import pytest

from conftest import EXAMPLES
from stakecli import pipeline
from stakecli.core import publishing
from stakecli.kinds import documents

FOLDER = EXAMPLES / "conflicting-kpis"


@pytest.mark.parametrize("name", ["stakeholders.yaml", "raci.yaml", "negotiation.yaml"])
def test_one_files_documents_are_those_of_the_whole_folder_for_it(name):
    report = pipeline.run([FOLDER], whole=True)
    (workspace,) = report.workspaces
    specs = documents()
    everything = publishing.produce(workspace, specs, FOLDER, [])
    path = FOLDER / name
    own = publishing.produce(workspace, specs, FOLDER, [], only=path)
    assert own == [d for d in everything if d.source.resolve() == path.resolve()]
    assert own


def test_render_of_a_file_asks_only_for_its_kinds_documents(run, monkeypatch):
    import stakecli.kinds as kinds

    asked = []
    real = kinds.documents

    def spy(present=None):
        asked.append(present)
        return real(present)

    monkeypatch.setattr(kinds, "documents", spy)
    result = run("render", EXAMPLES / "partnership" / "raci.yaml")
    assert result.exit_code == 0, result.stderr
    assert asked == [{"stakeholders", "raci", "charter"}]
