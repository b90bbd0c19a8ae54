"""`stakecli stakeholders import`: a spreadsheet becomes a validated register."""

from __future__ import annotations

from pathlib import Path

import pytest

from stakecli.stakeholders import spreadsheet

HEADER = (
    "id,name,side,organisation,power,legitimacy,urgency,interest,current,desired,actions,owner,tags"
)
GOOD = (
    HEADER + "\n"
    "cfo,Dana Whitfield,internal,Finance,5,5,4,4,supportive,leading,Monthly review,proc,a;b\n"
    "\n"
    'proc,Sam Okafor,internal,"Procurement, Data",3,5,4,5,leading,leading,,cfo,\n'
)


def test_a_csv_becomes_a_register_that_validates_clean(run, write, tmp_path):
    source = write("people.csv", GOOD)
    result = run("stakeholders", "import", source, "-o", tmp_path / "stakeholders.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {tmp_path / 'stakeholders.yaml'} (2 stakeholders)\n"
    text = (tmp_path / "stakeholders.yaml").read_text()
    assert "  - id: cfo\n    name: Dana Whitfield\n" in text
    assert "    tags: [a, b]\n" in text
    assert "organisation: Procurement, Data\n" in text
    assert "      actions: [Monthly review]\n" in text
    assert run("validate", "--strict", tmp_path / "stakeholders.yaml").exit_code == 0


def test_bad_cells_are_located_at_their_line_and_column(run, write):
    bad = GOOD.replace(
        "cfo,Dana Whitfield,internal,Finance,5,", "cfo,Dana Whitfield,inside,Finance,9,"
    )
    bad = bad.replace(",leading,leading,", ",leading,leeding,")
    result = run("stakeholders", "import", write("people.csv", bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert any(
        line.endswith(
            "people.csv:2:3: error [schema.invalid-choice] row 2, column 'side': input should "
            "be 'internal' or 'external'; got 'inside'"
        )
        for line in lines
    ), lines
    assert any(":2:5: error [schema.out-of-range] row 2, column 'power'" in x for x in lines)
    assert any(":4:10: error [schema.invalid-choice] row 4, column 'desired'" in x for x in lines)


def test_an_unknown_column_suggests_the_closest(run, write):
    result = run(
        "stakeholders", "import", write("p.csv", GOOD.replace("organisation", "organization"))
    )
    assert result.exit_code == 1
    assert ":1:4: error [csv.unknown-column] unknown column 'organization'; did you mean " in (
        result.stderr
    )


def test_a_missing_required_column_is_named(run, write):
    result = run("stakeholders", "import", write("p.csv", "id,name\nx,X\n"))
    assert result.exit_code == 1
    assert "[csv.missing-column] no 'side' column; add one" in result.stderr


def test_import_never_overwrites_without_force(run, write, tmp_path):
    target = write("stakeholders.yaml", "# mine\n")
    source = write("people.csv", GOOD)
    result = run("stakeholders", "import", source, "-o", target)
    assert result.exit_code == 2
    assert target.read_text() == "# mine\n"
    assert run("stakeholders", "import", source, "-o", target, "--force").exit_code == 0
    assert "kind: stakeholders" in target.read_text()


def test_an_unreadable_csv_is_one_located_finding(run, write):
    huge = "x" * 200_000
    result = run("stakeholders", "import", write("p.csv", GOOD + f'"{huge}",A,internal\n'))
    assert result.exit_code == 1
    assert ":5:1: error [csv.syntax] unreadable CSV: field larger than field limit" in (
        result.stderr
    )


COLUMNS = "id,name,side,power,legitimacy,urgency,interest"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ",,,\nx,X,internal,2,2,2,2\n",
            [("csv.header", 1, 1, "the first row must name the columns")],
        ),
        (
            COLUMNS.replace("interest", "intrest") + "\n",
            [
                ("csv.unknown-column", 1, 7, "unknown column 'intrest'; did you mean 'interest'?"),
                ("csv.missing-column", 1, 1, "no 'interest' column; add one"),
            ],
        ),
        (COLUMNS + ",power\n", [("csv.duplicate-column", 1, 8, "column 'power' appears twice")]),
        (
            'id,name\n"' + "x" * 200_000 + '"\n',
            [("csv.syntax", 2, 1, "unreadable CSV: field larger than field limit (131072)")],
        ),
    ],
    ids=["header", "unknown-and-missing-column", "duplicate-column", "syntax"],
)
def test_header_and_syntax_problems_are_located(text, expected):
    _, found = spreadsheet.read(text, Path("people.csv"))
    assert [(f.code, f.line, f.col, f.message) for f in found] == expected
