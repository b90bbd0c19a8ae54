"""Tables fit the terminal: every table command at 80, 120 and 200 columns."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, set_cell_size

from conftest import EXAMPLES
from stakecli.cli import tables

WIDTHS = [80, 120, 200]
COMMANDS = {
    "stakeholders": ["stakeholders", EXAMPLES / "vendor-renewal"],
    "stakeholders-circle": ["stakeholders", EXAMPLES / "partnership", "--circle"],
    "raci-partnership": ["raci", EXAMPLES / "partnership"],
    "raci-roles": ["raci", EXAMPLES / "vendor-renewal"],
    "negotiation": ["negotiation", EXAMPLES / "vendor-renewal"],
    "frontier": ["frontier", EXAMPLES / "vendor-renewal"],
    "scorecard": ["scorecard", EXAMPLES / "conflicting-kpis"],
    "rules": ["rules"],
    "engagement": ["engagement", EXAMPLES / "product-team", "--today", "2026-11-20"],
    "decision-list": ["decision", "list", "--dir", EXAMPLES / "conflicting-kpis"],
    "debrief": ["negotiation", "debrief", EXAMPLES / "vendor-renewal"],
    "offers": ["negotiation", "offers", EXAMPLES / "vendor-renewal"],
}
AMOUNT = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@pytest.fixture
def at(run, monkeypatch):
    def invoke(width: int, *args):
        monkeypatch.setenv("COLUMNS", str(width))
        monkeypatch.setenv("NO_COLOR", "1")
        return run(*args)

    return invoke


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", COMMANDS)
def test_every_line_fits_the_width(at, name, width):
    result = at(width, *COMMANDS[name])
    assert result.exit_code == 0, result.stderr
    long = [line for line in result.stdout.splitlines() if cell_len(line) > width]
    assert long == []


@pytest.mark.parametrize("width", WIDTHS)
def test_amounts_are_never_split_or_cut(at, run, width):
    data = json.loads(run("negotiation", EXAMPLES / "vendor-renewal", "-f", "json").stdout)
    text = at(width, "negotiation", EXAMPLES / "vendor-renewal").stdout
    evs = [a["ev"] for s in data["sides"] for a in s["alternatives"]]
    for ev in evs:
        assert f"{ev:,.0f}" in text.replace(".33", "")
    for token in AMOUNT.findall(text):
        assert re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d{1,2})?", token), token
    assert not re.search(r"\d…|…\d", text)


@pytest.mark.parametrize("width", WIDTHS)
def test_raci_headers_are_whole_at_every_width(at, width):
    out = at(width, "raci", EXAMPLES / "partnership").stdout
    header = next(line for line in out.splitlines() if line.startswith("decision / activity"))
    if width >= 200:
        assert "Olivia Brandt" in header
        assert "Ingrid Holm" in header
    else:
        assert header.split()[-8:] == ["OB", "HO", "PN", "RS", "TF", "LV", "KM", "IH"]
        assert "OB = Olivia Brandt" in out
        assert "IH = Ingrid Holm" in out
    assert "…" not in header


def test_stakeholders_table_shows_names_and_drops_details_first(at):
    narrow = at(80, "stakeholders", EXAMPLES / "vendor-renewal").stdout.splitlines()
    wide = at(200, "stakeholders", EXAMPLES / "vendor-renewal").stdout.splitlines()
    assert narrow[1].split()[:2] == ["#", "name"]
    assert "Mei Lin" in narrow[2]
    assert "id" not in narrow[1].split()
    assert "id" in wide[1].split()
    assert any("not shown at this width" in line for line in narrow)
    assert max(cell_len(line) for line in wide) < 158


def test_piped_output_is_as_wide_as_columns_for_every_command(at):
    for args in (COMMANDS["raci-partnership"], COMMANDS["scorecard"], COMMANDS["frontier"]):
        lines = at(100, *args).stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= 100


def test_layout_drops_the_lowest_priority_column_first():
    cols = [
        tables.Col("name", minimum=10),
        tables.Col("amount", fixed=True),
        tables.Col("notes", priority=2),
        tables.Col("more", priority=1),
    ]
    rows = [["A very long name indeed", "-4,875,000 USD", "x" * 30, "y" * 30]]
    assert tables.layout(cols, rows, 200) == [23, 14, 30, 30]
    sizes = tables.layout(cols, rows, 50)
    assert sizes[1] == 14
    assert sizes[2] is None
    assert sizes[3] is not None
    assert tables.layout(cols, rows, 20)[:2] == [10, 14]


def test_shorten_ends_with_an_ellipsis_and_keeps_short_text():
    assert tables.shorten("Halden Retail Group", 10) == "Halden Re…"
    assert tables.shorten("short", 10) == "short"


# The table code as first written, every cell measured and padded one at a time: the fast
# paths of `tables` must lay out and print exactly what it did.


def old_width(text):
    return max((cell_len(line) for line in text.split("\n")), default=0)


def old_header(col, rows, index):
    if not col.fixed or not col.wrap or not rows:
        return old_width(col.header)
    values = max(old_width(r[index]) for r in rows)
    words = max((old_width(w) for w in col.header.split()), default=0)
    return min(old_width(col.header), max(values, words))


def old_shorten(text, width):
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return tables.ELLIPSIS[:width]
    return set_cell_size(text, width - 1).rstrip() + tables.ELLIPSIS


def old_layout(cols, rows, width, gap):
    natural = [
        max([old_header(c, rows, i), *(old_width(r[i]) for r in rows)]) for i, c in enumerate(cols)
    ]
    least = [
        n if c.fixed else min(n, max(c.minimum, 1)) for c, n in zip(cols, natural, strict=True)
    ]
    kept = [
        i for i, c in enumerate(cols) if not (rows and c.priority and not any(r[i] for r in rows))
    ]

    def needed(indices, sizes):
        return sum(sizes[i] for i in indices) + gap * (len(indices) - 1)

    while needed(kept, least) > width:
        droppable = [i for i in kept if cols[i].priority > 0]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda i: (cols[i].priority, i)))
    sizes = {i: least[i] for i in kept}
    spare = width - needed(kept, least)
    growing = [i for i in kept if sizes[i] < natural[i]]
    while spare > 0 and growing:
        share = max(spare // len(growing), 1)
        for i in sorted(growing, key=lambda i: sizes[i]):
            step = min(share, natural[i] - sizes[i], spare)
            sizes[i] += step
            spare -= step
        growing = [i for i in kept if sizes[i] < natural[i]]
    return [sizes.get(i) for i in range(len(cols))]


def old_plain(cols, rows, width):
    sizes = old_layout(cols, rows, width, 2)
    shown = [(i, s) for i, s in enumerate(sizes) if s is not None]

    def line(cells):
        parts = []
        for i, size in shown:
            text = old_shorten(" ".join(cells[i].split()), size)
            pad = " " * (size - cell_len(text))
            parts.append(pad + text if cols[i].justify == "right" else text + pad)
        return "  ".join(parts).rstrip()

    return line([c.header for c in cols]), [line(r) for r in rows]


cell_text = st.text(st.sampled_from([*"ab9-.", " ", " "]), max_size=12) | st.text(
    st.sampled_from([*"abc XYZ09-.,%", " ", "→", "—", "…", "名", "🎉", "\t", "\n", "\x1b", "é"]),
    max_size=24,
)
"""Printable ASCII with spaces anywhere (the fast paths), or anything a register may hold."""
column = st.builds(
    tables.Col,
    header=st.sampled_from(
        ["#", "name", "gain for Halden Retail Group", "C → D", "R\nResponsible"]
    ),
    fixed=st.booleans(),
    priority=st.integers(0, 3),
    justify=st.sampled_from(["left", "right"]),
    minimum=st.integers(0, 14),
    wrap=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(column, min_size=1, max_size=5), st.data(), st.integers(5, 120))
def test_fast_paths_lay_out_and_print_what_cell_by_cell_did(cols, data, width):
    rows = data.draw(st.lists(st.lists(cell_text, min_size=len(cols), max_size=len(cols))))
    assert tables.layout(cols, rows, width, gap=2) == old_layout(cols, rows, width, 2)
    assert tables.layout(cols, rows, width) == old_layout(cols, rows, width, tables.GAP)
    assert tables.plain(cols, rows, width) == old_plain(cols, rows, width)


def test_a_big_plain_column_is_padded_as_written():
    cols = [tables.Col("#", fixed=True, justify="right"), tables.Col("name", minimum=4)]
    rows = [[str(n), f"Stakeholder {n}"] for n in range(1, 1001)]
    header, body = tables.plain(cols, rows, 80)
    assert (header, body) == old_plain(cols, rows, 80)
    assert body[-1] == "1000  Stakeholder 1000"
    assert body[0] == "   1  Stakeholder 1"
