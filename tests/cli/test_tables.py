"""Tables fit the terminal: every table command at 80, 120 and 200 columns."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len

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
