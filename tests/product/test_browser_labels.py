"""The diagrams, drawn by Mermaid in a real browser, show what the documents say."""

from __future__ import annotations

import pytest

from product.helpers import FOLDERS, diagrams, hostile_copy, labels, render_all


def drawn_documents(mermaid, documents):
    """(document, the texts its diagrams label things with, the text Mermaid drew) per document."""
    for document in documents:
        markdown = document.read_text(encoding="utf-8")
        sources = diagrams(markdown)
        if sources:
            mermaid.show(markdown)
            yield document, [q for s in sources for q in labels(s)], mermaid.drawn_text()


@pytest.mark.parametrize("hostile", [False, True], ids=["as-shipped", "hostile-names"])
@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_every_label_is_drawn_as_written(mermaid, folder, hostile, tmp_path):
    source = hostile_copy(folder, tmp_path / folder.name) if hostile else folder
    documents = render_all(source, tmp_path / "docs")
    missing = {}
    for document, shown, text in drawn_documents(mermaid, documents):
        name = f"{folder.name}{'-hostile' if hostile else ''}-{document.stem}"
        mermaid.screenshot_diagrams(name)
        assert shown
        missing[document.name] = [label for label in shown if label not in text]
    assert missing
    assert {name: texts for name, texts in missing.items() if texts} == {}
