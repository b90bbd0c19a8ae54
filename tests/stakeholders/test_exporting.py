"""`stakecli stakeholders export`: the register itself as CSV or XLSX, which imports back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stakecli.core import tables
from stakecli.core.loading import Document, load
from stakecli.stakeholders import exporting, importing
from stakecli.stakeholders.model import (
    Direction,
    Engagement,
    Register,
    StakeholderType,
    Visibility,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*/stakeholders.yaml") if "mistakes" not in str(p)
)


def register_of(path: Path) -> Register:
    doc = load(path)
    assert isinstance(doc, Document), doc
    return Register.model_validate(doc.data)


def back(
    header: list[str], rows: list[list[str]], title: str | None, fmt: str, tmp: Path
) -> Register:
    if fmt == "csv":
        table = tables.read_csv(
            tables.csv_bytes(tables.to_csv(header, rows, ";")).decode("utf-8-sig")
        )
    else:
        path = tmp / "r.xlsx"
        path.write_bytes(tables.xlsx_bytes([("Register", header, rows)]))
        table = tables.read(path)
    result = importing.convert(table, Path("r"), importing.Options(title=title))
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == []
    return Register.model_validate(result.data)


TEXT = (
    st.text(  # every character class a name may hold, and the formula triggers
        st.characters(categories=("L", "N", "P", "S", "Zs"), include_characters="=+-@'\";,"),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
NOTE = st.lists(TEXT, min_size=1, max_size=3).map("\n".join)
SCORE = st.integers(1, 5)
ID = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,8}", fullmatch=True)


@st.composite
def registers(draw: st.DrawFn) -> Register:
    ids = draw(st.lists(st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,8}", fullmatch=True),
                        min_size=1, max_size=5, unique=True))  # fmt: skip
    people = []
    for ident in ids:
        person: dict[str, object] = {
            "id": ident,
            "name": draw(TEXT),
            "type": draw(st.sampled_from(StakeholderType)).value,
            "side": draw(st.sampled_from(["internal", "external"])),
            "power": draw(SCORE),
            "legitimacy": draw(SCORE),
            "urgency": draw(SCORE),
            "interest": draw(SCORE),
        }
        optional = {
            "organisation": TEXT, "role": TEXT, "contact": TEXT, "impact": SCORE,
            "proximity": st.integers(1, 4),
            "circle": st.fixed_dictionaries(
                {"power": st.integers(1, 4)},
                optional={"proximity": st.integers(1, 4), "urgency": st.integers(1, 5)},
            ),
            "direction": st.sampled_from(Direction).map(lambda d: d.value),
            "positions": st.lists(TEXT, max_size=3), "interests": st.lists(TEXT, max_size=3),
            "tags": st.lists(TEXT, max_size=3), "notes": NOTE, "hidden": st.booleans(),
            "confidential": st.booleans(), "assessor": TEXT,
            "assessed_on": st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
            "owner": st.sampled_from(ids), "influences": st.lists(st.sampled_from(ids), max_size=2),
            "ratings": st.lists(st.fixed_dictionaries(
                {"rater": TEXT, "power": SCORE, "urgency": SCORE,
                 "legitimacy": st.lists(SCORE, min_size=1, max_size=3)},
                optional={"on": st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))},
            ), max_size=2),
            "engagement": st.fixed_dictionaries(
                {"current": st.sampled_from(Engagement).map(lambda e: e.value),
                 "desired": st.sampled_from(Engagement).map(lambda e: e.value)},
                optional={"actions": st.lists(TEXT, max_size=2)},
            ),
            "discovered": st.fixed_dictionaries(
                {"method": st.sampled_from(["interview", "journey-map", "service-blueprint",
                                            "document", "other"])},
                optional={"source": TEXT, "journey_stage": TEXT, "interview": ID,
                          "visibility": st.sampled_from(Visibility).map(lambda v: v.value)},
            ),
        }  # fmt: skip
        for key in draw(st.sets(st.sampled_from(sorted(optional)))):
            person[key] = draw(optional[key])
        people.append(person)
    title = draw(st.none() | TEXT)
    return Register.model_validate(
        {"kind": "stakeholders", "version": 1, "title": title, "stakeholders": people}
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(register=registers())
def test_export_then_import_gives_the_same_register(fmt, register, tmp_path):
    header, rows = exporting.table(register)
    assert back(header, rows, register.title, fmt, tmp_path) == register


@pytest.mark.parametrize("items", [["a;b"], ["a;b", "c"], ["a", "b"], ["'=x"], ["=x; y"]], ids=repr)
def test_list_cells_split_back_into_the_same_items(items, tmp_path):
    register = Register.model_validate({
        "kind": "stakeholders", "version": 1, "stakeholders": [
            {"id": "x", "name": "X", "side": "internal", "power": 1, "legitimacy": 1,
             "urgency": 1, "interest": 1, "positions": items}]})  # fmt: skip
    header, rows = exporting.table(register)
    for fmt in ("csv", "xlsx"):
        assert back(header, rows, None, fmt, tmp_path) == register


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_examples_round_trip_through_the_command_line(run, tmp_path, example):
    original = register_of(example)
    for fmt in ("csv", "xlsx"):
        sheet = tmp_path / f"register.{fmt}"
        result = run("stakeholders", "export", example, "-f", fmt, "-o", sheet)
        assert result.exit_code == 0, result.stderr
        out = tmp_path / fmt / "stakeholders.yaml"
        args = ["--title", original.title] if original.title else []
        result = run("stakeholders", "import", sheet, "-o", out, *args)
        assert result.exit_code == 0, result.stderr
        assert register_of(out) == original


def test_csv_export_uses_the_import_headings_bom_and_crlf(run, tmp_path):
    out = tmp_path / "r.csv"
    assert run("stakeholders", "export", EXAMPLES[0], "-o", out).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfID,Name,Type,Internal/External,Organisation,Role,")
    assert b"\r\n" in raw
    assert raw.count(b"\r\n") == raw.count(b"\n")


def test_formula_leading_cells_are_neutralised_the_owasp_way(run, write):
    source = write("stakeholders.yaml", """\
        kind: stakeholders
        version: 1
        stakeholders:
          - id: x
            name: '=HYPERLINK("http://evil")'
            side: external
            power: 2
            legitimacy: 2
            urgency: 2
            interest: 2
            tags: ['+1', '@me', '-5', "'quoted"]
        """)  # fmt: skip
    result = run("stakeholders", "export", source)
    assert result.exit_code == 0, result.stderr
    line = result.stdout.splitlines()[1]
    assert line.startswith('x,"\'=HYPERLINK(""http://evil"")",person,external,')
    assert line.endswith(",'+1; @me; -5; 'quoted,,false,,,")


def test_xlsx_text_cells_are_strings_never_formulas(run, write, tmp_path):
    from openpyxl import load_workbook

    source = write("stakeholders.yaml", """\
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: x, name: '=1+1', side: external, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
        """)  # fmt: skip
    out = tmp_path / "r.xlsx"
    assert run("stakeholders", "export", source, "-f", "xlsx", "-o", out).exit_code == 0
    book = load_workbook(out)
    cell = book.active["B2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    assert book.active["H2"].value == 2  # numbers stay numbers


def test_xlsx_needs_an_output_file(run):
    result = run("stakeholders", "export", EXAMPLES[0], "-f", "xlsx")
    assert result.exit_code == 2
    assert "--format xlsx needs --output FILE" in result.stderr


def test_show_csv_is_labelled_as_a_report(run):
    result = run("stakeholders", "show", "--help")
    assert "analysis report" in result.stdout
