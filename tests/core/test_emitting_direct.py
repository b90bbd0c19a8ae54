"""The direct writer against ruamel.yaml's dumper: the same bytes for ordinary text, the same
data for any text.

`emitting.dump` writes YAML itself and `emitting.reference_dump` through ruamel.yaml's safe
dumper with libyaml; for text of the characters registers hold (letters of any script,
digits, punctuation, YAML look-alikes such as `yes`, `~`, `1e3`, `a: b`, multi-line notes)
the two must be byte-identical, and for any text at all (quotes, colons, a leading `=` or `#`,
control characters, line separators, tabs, trailing spaces) both must load, with the
project's loader, to the data written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stakecli.core import emitting, tables
from stakecli.core.loading import Document, parse
from stakecli.stakeholders import importing, writing

LOOKALIKES = [
    "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "true", "True", "FALSE", "1", "-1",
    "0x1F", "0o7", "1_000", "+1", "1e3", ".5", "1.", ".inf", "-.Inf", "nan", ".NaN", "1:30",
    "2026-01-02", "2026-01-02 10:00", "=", "<<", "=SUM(A1)", "+x", "-x", "@x", "`x", "- x",
    "? x", ": x", "x:", "a: b", "#x", "a #b", "a#b", "'q'", '"q"', "it's", "[a]", "{a: 1}",
    "a, b", "%x", "!x", "&x", "*x", "|", ">-", "---", "...", "", " ", " lead", "trail ",
    "a  b", "a\nb", "a\nb\n", "a\n\nb\n\n", "\nlead", "x\n y", "x \ny", "é ü 日本語", "Zoë",
]  # fmt: skip
ORDINARY = st.text(
    st.characters(
        codec="utf-8",
        categories=["L", "M", "N", "P", "S", "Zs"],
        exclude_characters="\u2028\u2029\x85\xa0\u1680\u2000\u3000\ufeff",
    ),
    max_size=30,
)
"""Text of printable characters of any script: what registers hold."""
NOTES = (
    st.lists(ORDINARY.map(str.rstrip), min_size=2, max_size=4)
    .map("\n".join)
    .filter(emitting._literal_safe)
)
"""Multi-line text that a `|` block keeps (no trailing spaces, no leading space or break)."""
ANY = st.text(max_size=30)
"""Any text at all: controls, surrogate-free astral characters, breaks of every kind."""


def loaded(text: str) -> Any:
    doc = parse(text.encode("utf-8"), Path("x.yaml"))
    assert isinstance(doc, Document), (doc, text)
    return doc.data


def values(text: st.SearchStrategy[str], ordinary: bool = False) -> st.SearchStrategy[Any]:
    """Nested data of `text`, look-alikes (those a `|` block keeps, if `ordinary`) and more."""
    alike = [t for t in LOOKALIKES if not ordinary or "\n" not in t or emitting._literal_safe(t)]
    scalars = st.one_of(text, st.sampled_from(alike), st.integers(), st.booleans(), st.none())
    keys = st.one_of(st.sampled_from(["id", "name", "notes", "a b", "x-y", ""]), text)
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)
        ),
        max_leaves=12,
    )


DOCUMENTS = {
    "ordinary": st.dictionaries(
        st.sampled_from(["kind", "a", "b", "c"]),
        values(st.one_of(ORDINARY, NOTES), ordinary=True),
        min_size=1,
        max_size=4,
    ),
    "any text": st.dictionaries(
        st.sampled_from(["kind", "a", "b", "c"]), values(ANY), min_size=1, max_size=4
    ),
}


@settings(max_examples=300, deadline=None)
@given(data=DOCUMENTS["ordinary"])
def test_ordinary_text_is_written_byte_for_byte_as_the_dumper_writes_it(data):
    written = emitting.dump(data, "header")
    assert written == emitting.reference_dump(data, "header")
    assert loaded(written) == data


@settings(max_examples=300, deadline=None)
@given(data=DOCUMENTS["any text"])
def test_any_text_reads_back_as_what_the_dumper_writes(data):
    written = emitting.dump(data, "header")
    assert loaded(written) == loaded(emitting.reference_dump(data, "header")) == data


@pytest.mark.parametrize("text", LOOKALIKES)
def test_each_lookalike_as_value_item_and_key(text):
    data = (
        {"v": text, "l": [text, {"k": text}], "m": {text: 1}}
        if "\n" not in text
        else {"v": text, "l": [text, {"k": text}]}
    )
    written = emitting.dump(data)
    assert loaded(written) == data
    assert written == emitting.reference_dump(data) or any(
        c in text for c in "\n"
    )  # multi-line text outside a `|` block: quoted differently, read the same


def test_values_the_writer_leaves_to_the_dumper_are_written_by_it():
    data = {
        "kind": "x",
        "when": dt.date(2026, 1, 2),
        "items": [{"id": "a", "score": 0.25}, {"id": "b"}, "x" * 5000],
        "f": 1.5,
        "m": {1: "int key"},
    }
    assert emitting.dump(data, "h") == emitting.reference_dump(data, "h")


HOSTILE_CELLS = [
    '"quoted"', "it's", "a: b", "key: value: more", "=HYPERLINK(\"http://x\")", "=1+1", "+1",
    "-1", "@SUM(A1)", "#1 priority", "a # b", "日本語", "Zoë Brandt", "emoji 😀", "yes", "no",
    "null", "~", "True", "0x1F", "1e3", "007", "1,000", "2026-01-02", "line one\nline two",
    "trailing \nspace", "tab\there", "[a, b]", "{a: b}", "- dash", "? q", "| pipe", "> gt",
    "&anchor", "*alias", "!tag", "%pct", "`tick", "   ", "x\u2028y", "bell\x07",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells=st.lists(st.one_of(st.sampled_from(HOSTILE_CELLS), ANY), min_size=4, max_size=12))
def test_an_import_of_hostile_cells_reads_back_as_the_dumper_writes_it(cells, tmp_path):
    """Rows of hostile text in every free-text column, through the importer."""
    header = "Name,Internal/External,Power,Legitimacy,Urgency,Interest,Role,Notes,Tags,Owner\n"
    rows = []
    for i, cell in enumerate(cells):
        name = cell.replace("\n", " ").strip() or "x"
        row = [f"{name} {i}", "internal", "2", "3", "4", "5", cell, cell, cell, ""]
        rows.append(",".join('"' + c.replace('"', '""') + '"' for c in row))
    try:
        table = tables.read_csv(header + "\n".join(rows) + "\n")
    except tables.TableError:
        return  # a cell the CSV reader refuses (a NUL): csv.syntax, nothing to write
    imported = importing.convert(table, Path("p.csv"), importing.Options())
    written = writing.to_yaml(imported.data, "p.csv")
    reference = emitting.reference_dump(
        imported.data,
        "Imported from p.csv by `stakecli stakeholders import`.",
        "Scores: 1 very low .. 5 very high. Run `stakecli validate` after every edit.",
    )
    assert loaded(written) == loaded(reference) == imported.data


def test_an_ordinary_import_is_written_byte_for_byte_as_before():
    header = "ID,Name,Internal/External,Power,Legitimacy,Urgency,Interest,Role,Notes,Tags,Ratings\n"
    rows = [
        'dana,Dana Whitfield (CFO),internal,High,Medium,4,5,"Finance: budget owner",'
        '"Wants 10% off.\nSigns above 1M.",finance;exec,"[{""rater"": ""x"", ""power"": 2}]"',
        "mei,Mei Lin,external,2,3,Low,1,#2 at Northwind,it's fine,vendor,",
        'pat,Pat O\'Neil,internal,1,1,1,1,"yes",~,,',
    ]
    table = tables.read_csv(header + "\n".join(rows) + "\n")
    imported = importing.convert(table, Path("p.csv"), importing.Options(title="Renewal"))
    written = writing.to_yaml(imported.data, "p.csv")
    assert written == emitting.reference_dump(
        imported.data,
        "Imported from p.csv by `stakecli stakeholders import`.",
        "Scores: 1 very low .. 5 very high. Run `stakecli validate` after every edit.",
    )
