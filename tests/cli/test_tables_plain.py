"""Tables written without rich are the text rich writes, for any table, title and width."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from stakecli.cli import _app, tables

TEXT = st.lists(
    st.sampled_from(
        [
            *"abc xyz;:-.,0123456789",
            *["東京", "é", "🚀", ":smile:"],
            *["\x07", "\x1b", "\t", "\r", "\u00a0", "\u0301", "\u200b", "\u200d", "\ufe0f"],
        ]
    ),
    max_size=24,
).map("".join)
HEADER = st.text("abcdefg é東", min_size=1, max_size=12).filter(str.strip)
"""Headings as stakecli writes them: never empty (a column is at least its heading wide)."""
JUSTIFY = st.sampled_from(["left", "right", "center"])


def rich_text(renderable, width: int) -> str:
    """What rich writes for `renderable` on a stream that is not a terminal."""
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, soft_wrap=True).print(
        renderable, markup=False, highlight=False
    )
    return out.getvalue()


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[tables.Col], list[list[str]], int]:
    n = draw(st.integers(1, 5))
    cols = [
        tables.Col(
            draw(HEADER) + draw(st.sampled_from(["", "\nsecond", " of Halden Retail Group"])),
            fixed=draw(st.booleans()),
            priority=0 if i == 0 else draw(st.integers(0, 4)),
            justify=draw(JUSTIFY),
            minimum=draw(st.integers(1, 14)),
            wrap=draw(st.booleans()),
        )
        for i in range(n)
    ]
    rows = draw(st.lists(st.lists(TEXT, min_size=n, max_size=n), max_size=6))
    return cols, rows, draw(st.integers(10, 120))


@settings(max_examples=400, deadline=None)
@given(cases())
def test_a_plain_table_is_the_text_rich_writes(case):
    cols, rows, width = case
    out = io.StringIO()
    tables.show(tables.Plain(out, width), "", cols, rows)
    assert out.getvalue() == rich_text(tables.table(cols, rows, width), width) + "".join(
        rich_text(
            tables.fold(
                f"(not shown at this width: {', '.join(gone)}; widen the terminal or use --format)",
                width,
            ),
            width,
        )
        for gone in [tables.dropped(cols, rows, width)]
        if gone
    )


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_a_plain_line_is_the_text_rich_prints(text):
    out = io.StringIO()
    tables.Plain(out, 80).print(text, markup=False, style="bold")
    assert out.getvalue() == rich_text(text, 80)


def test_the_negotiation_tables_are_the_same_with_and_without_rich(run, monkeypatch):
    from conftest import EXAMPLES

    plain = run("frontier", EXAMPLES / "vendor-renewal").stdout
    monkeypatch.setattr(_app, "screen", _app.console)
    monkeypatch.setattr("stakecli.cli.negotiation.screen", _app.console)
    assert run("frontier", EXAMPLES / "vendor-renewal").stdout == plain


@pytest.mark.parametrize(
    ("env", "plain"),
    [({}, True), ({"FORCE_COLOR": "1"}, False), ({"TTY_COMPATIBLE": "1"}, False)],
)
def test_tables_skip_rich_only_where_rich_would_write_no_style(monkeypatch, env, plain):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COLUMNS", "57")
    out = _app.screen()
    assert isinstance(out, tables.Plain) is plain
    assert out.width == 57
