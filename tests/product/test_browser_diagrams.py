"""Every Mermaid diagram stakecli writes parses in the pinned Mermaid, in a real browser.

Checked: each document rendered from each example, each golden file, each committed document
under examples/*/docs, and the documents of examples whose names are hostile to Mermaid.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, GOLDEN, ROOT
from product.helpers import FOLDERS, HOSTILE_NAMES, diagrams, hostile_copy, render_all

COMMITTED = sorted(GOLDEN.rglob("*.md")) + sorted(EXAMPLES.glob("*/docs/*.md"))


def mermaid_errors(mermaid, documents: list[Path]) -> dict[str, list[str]]:
    """Mermaid's errors per document name, for the documents that have any."""
    found = {d.name: mermaid.errors(d.read_text(encoding="utf-8")) for d in documents}
    return {name: errors for name, errors in found.items() if errors}


def test_the_check_catches_a_diagram_mermaid_rejects(mermaid):
    error = mermaid.parse_error("quadrantChart\n    A: [1.000, 0.5]\n")
    assert error is not None
    assert "Lexical error" in error


def test_a_valid_diagram_parses(mermaid):
    assert mermaid.parse_error("quadrantChart\n    A: [1, 0.5]\n    B: [0, 0.25]\n") is None


def test_the_documents_hold_the_kinds_of_diagram_stakecli_writes():
    kinds = {
        text.split()[0] for path in COMMITTED for text in diagrams(path.read_text(encoding="utf-8"))
    }
    assert kinds == {"quadrantChart", "flowchart", "pie", "journey"}


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_every_document_rendered_from_an_example_parses(mermaid, folder, tmp_path):
    documents = render_all(folder, tmp_path)
    assert documents
    assert mermaid_errors(mermaid, documents) == {}


@pytest.mark.parametrize(
    "path", COMMITTED, ids=[str(p.relative_to(ROOT)).replace("/", ":") for p in COMMITTED]
)
def test_every_golden_and_committed_document_parses(mermaid, path):
    assert mermaid.errors(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_documents_of_hostile_names_parse(mermaid, folder, tmp_path):
    copy = hostile_copy(folder, tmp_path / folder.name)
    documents = render_all(copy, tmp_path / "docs")
    assert any(diagrams(d.read_text(encoding="utf-8")) for d in documents)
    assert mermaid_errors(mermaid, documents) == {}


def test_hostile_names_cover_mermaid_traps():
    joined = "".join(HOSTILE_NAMES)
    for trap in ['"', ":", "[", "]", "(", "{", "%%", "#", ";", "<", "`", "\\", "-->"]:
        assert trap in joined
    assert any(len(name) > 100 for name in HOSTILE_NAMES)
    assert any(not name.isascii() for name in HOSTILE_NAMES)
