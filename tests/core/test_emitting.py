"""Block-style YAML for people: every text comes back as it was written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from stakecli.core.emitting import dump
from stakecli.core.loading import Document, parse


def back(data: object) -> object:
    doc = parse(dump(data, "a comment").encode("utf-8"), Path("x.yaml"))
    assert isinstance(doc, Document), doc
    return doc.data


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_round_trips(text):
    assert back({"name": text, "items": [text]}) == {"name": text, "items": [text]}


def test_block_style_in_order_with_literal_blocks():
    data = {"kind": "x", "b": [1, 2], "a": {"c": "line one\nline two"}, "d": dt.date(2026, 1, 2)}
    assert dump(data, "head") == (
        "# head\nkind: x\nb:\n- 1\n- 2\na:\n  c: |-\n    line one\n    line two\nd: 2026-01-02\n"
    )


def test_yaml_lookalikes_are_quoted():
    for text in ("yes", "null", "1e3", '=HYPERLINK("http://x")', "a: b, [c]", "- x", "#x", "~"):
        assert back({"v": text}) == {"v": text}
