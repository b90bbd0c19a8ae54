"""Every built-in document on every example, compared with tests/golden (`make golden`)."""

import pytest

from conftest import EXAMPLES
from stakecli import pipeline
from stakecli.core import publishing
from stakecli.core.config import Config
from stakecli.core.project import Workspace
from stakecli.kinds import documents as specs

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "mistakes")
CASES = [
    (folder, doc)
    for folder in FOLDERS
    for doc in publishing.produce(
        Workspace(Config(), pipeline.run([folder]).parsed), specs(), folder, []
    )
]


@pytest.mark.parametrize(("folder", "doc"), CASES, ids=[f"{f.name}/{d.name}" for f, d in CASES])
def test_builtin_document_matches_its_golden_file(golden, folder, doc):
    golden(f"{folder.name}/{doc.name}", doc.body)


FIGURES = [(folder, name, svg) for folder, doc in CASES for name, svg in doc.figures]


@pytest.mark.parametrize(
    ("folder", "name", "svg"), FIGURES, ids=[f"{f.name}/{n}" for f, n, _ in FIGURES]
)
def test_builtin_figure_matches_its_golden_file(golden, folder, name, svg):
    golden(f"{folder.name}/{name}", svg)


def test_the_briefs_have_their_chart():
    assert {(f.name, n) for f, n, _ in FIGURES} == {
        (example, "negotiation.negotiation-brief.packages.internal.svg")
        for example in ("conflicting-kpis", "vendor-renewal")
    }


def test_every_builtin_document_has_a_golden_case():
    covered = {doc.spec.name for _, doc in CASES}
    assert covered == {s.name for s in specs()}
