"""Every Mermaid diagram stakecli writes parses in the pinned Mermaid, in a real browser."""

from __future__ import annotations

from conftest import EXAMPLES, GOLDEN
from product.helpers import diagrams

COMMITTED = sorted(GOLDEN.rglob("*.md")) + sorted(EXAMPLES.glob("*/docs/*.md"))


def test_the_check_catches_a_diagram_mermaid_rejects(mermaid):
    error = mermaid.parse_error("quadrantChart\n    A: [1.000, 0.5]\n")
    assert error is not None
    assert "Lexical error" in error


def test_a_valid_diagram_parses(mermaid):
    assert mermaid.parse_error("quadrantChart\n    A: [1, 0.5]\n    B: [0, 0.25]\n") is None


def test_the_documents_hold_both_kinds_of_diagram_stakecli_writes():
    kinds = {
        text.split()[0] for path in COMMITTED for text in diagrams(path.read_text(encoding="utf-8"))
    }
    assert kinds == {"quadrantChart", "flowchart", "pie", "journey"}
