"""`stakecli stakeholders import`: real spreadsheets become a validated register, as published."""

from __future__ import annotations

from pathlib import Path

import pytest

from stakecli.core.loading import Document, load
from stakecli.stakeholders.model import Register

HEADER = (
    "id,name,side,organisation,power,legitimacy,urgency,interest,current,desired,actions,owner,tags"
)
GOOD = (
    HEADER + "\n"
    "cfo,Dana Whitfield,internal,Finance,5,5,4,4,supportive,leading,Monthly review,proc,a;b\n"
    "\n"
    'proc,Sam Okafor,internal,"Procurement, Data",3,5,4,5,leading,leading,,cfo,\n'
)

# A register as European Excel saves it: BOM, `;` separators, CRLF, capitalised words.
EUROPEAN = (
    "\ufeffStakeholder;Role;Department;Internal/External;Influence;Interest;Current Stance;"
    "Desired engagement;Expectations;Email\r\n"
    "Dana Whitfield;CFO;Finance;Internal;High;High;Supportive;Leading;"
    '"Cost down; predictable spend";dana@example.com\r\n'
    "Sam Okafor;Head of Procurement;Procurement;Internal;Medium;High;Neutral;Supportive;"
    "Fair process;sam@example.com\r\n"
    "Priya Raman;Account Executive;Acme Cloud;External;Low;High;Resistant;Neutral;Renewal;\r\n"
)


def register_of(path: Path) -> Register:
    doc = load(path)
    assert isinstance(doc, Document), doc
    return Register.model_validate(doc.data)


def imported(run, source: Path, out: Path, *options: str) -> Register:
    result = run("stakeholders", "import", source, "-o", out, *options)
    assert result.exit_code == 0, result.stderr
    assert run("validate", out).exit_code == 0
    return register_of(out)


def test_a_csv_becomes_a_register_that_validates_clean(run, write, tmp_path):
    source = write("people.csv", GOOD)
    result = run("stakeholders", "import", source, "-o", tmp_path / "stakeholders.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {tmp_path / 'stakeholders.yaml'} (2 stakeholders)\n"
    text = (tmp_path / "stakeholders.yaml").read_text()
    assert "- id: cfo\n  name: Dana Whitfield\n" in text
    assert "  tags:\n  - a\n  - b\n" in text  # block style: one item per line
    assert "organisation: Procurement, Data\n" in text
    assert "    actions:\n    - Monthly review\n" in text
    assert run("validate", "--strict", tmp_path / "stakeholders.yaml").exit_code == 0


def test_a_european_excel_csv_imports_as_published(run, write, tmp_path):
    source = tmp_path / "register.csv"
    source.write_bytes(EUROPEAN.encode("utf-8"))
    register = imported(run, source, tmp_path / "stakeholders.yaml")
    dana, sam, priya = register.stakeholders
    assert (dana.id, dana.name, dana.role, dana.organisation) == (
        "dana-whitfield", "Dana Whitfield", "CFO", "Finance",
    )  # fmt: skip
    assert (dana.side.value, dana.power, dana.interest) == ("internal", 5, 5)
    assert dana.engagement is not None
    assert (dana.engagement.current.value, dana.engagement.desired.value) == (
        "supportive", "leading",
    )  # fmt: skip
    assert dana.interests == ["Cost down", "predictable spend"]
    assert dana.contact == "dana@example.com"
    assert (sam.power, priya.power, priya.side.value) == (3, 1, "external")
    assert priya.contact is None


def test_medium_on_the_cut_off_is_a_warning_not_a_silent_low(run, tmp_path):
    source = tmp_path / "register.csv"
    source.write_bytes(EUROPEAN.encode("utf-8"))
    result = run("stakeholders", "import", source)
    assert result.exit_code == 0
    assert (
        f"{source}:3:5: warning [csv.at-cut-off] 'Medium' in column 'Influence' becomes power 3, "
        "exactly the grid cut-off (grid.cutoff 3: low) and the salience threshold "
        "(salience.threshold 3: absent)"
    ) in result.stderr


def test_missing_scores_are_filled_with_one_warning_per_column(run, tmp_path):
    source = tmp_path / "register.csv"
    source.write_bytes(EUROPEAN.encode("utf-8"))
    result = run("stakeholders", "import", source)
    lines = [x for x in result.stderr.splitlines() if "csv.filled-score" in x]
    assert lines == [
        f"{source}:1:1: warning [csv.filled-score] no legitimacy column: set to 3 "
        "(spreadsheets.missing_score); assess them, or give --default legitimacy=N",
        f"{source}:1:1: warning [csv.filled-score] no urgency column: set to 3 "
        "(spreadsheets.missing_score); assess them, or give --default urgency=N",
    ]


def test_a_tab_separated_sheet_with_hml_and_tiers(run, write, tmp_path):
    source = write(
        "register.tsv",
        "Name\tTitle\tOrganisation\tInternal/External\tPower\tImpact\tInterest\t"
        "Current engagement\tDesired engagement\tNeeds (interests)\tContact\n"
        "Ana Lopez\tCTO\tAcme\tinternal\tH\tTier 1\tM\tLeading\tLeading\tUptime\tana@x.org\n"
        "Bo Chen\tBuyer\tAcme\tINTERNAL\tL\tTier 3\tH\tunaware\tneutral\tPrice\tbo@x.org\n",
    )
    register = imported(run, source, tmp_path / "stakeholders.yaml")
    ana, bo = register.stakeholders
    assert (ana.power, ana.impact, ana.interest, ana.role) == (5, 5, 3, "CTO")
    assert (bo.power, bo.impact, bo.interest, bo.side.value) == (1, 1, 5, "internal")


def test_five_level_words_and_a_ten_point_scale(run, write, tmp_path):
    source = write(
        "r.csv",
        "Name,Internal/External,Power,Interest\n"
        "A,external,Very High,7\n"
        "B,external,High,10\n"
        "C,external,very low,1\n",
    )
    result = run("stakeholders", "import", source, "-o", tmp_path / "s.yaml")
    assert result.exit_code == 0, result.stderr
    assert "[csv.rescaled] column 'Interest' has numbers above 5: read as a 1-10 scale" in (
        result.stderr
    )
    a, b, c = register_of(tmp_path / "s.yaml").stakeholders
    assert [(p.power, p.interest) for p in (a, b, c)] == [(5, 4), (4, 5), (1, 1)]


def test_the_scale_is_configurable(run, write, tmp_path):
    write(".stakecli.yaml", "spreadsheets:\n  scale: {high: 5, medium: 4, low: 2}\n")
    source = write("r.csv", "Name,Internal/External,Power,Interest\nA,internal,Medium,Low\n")
    (person,) = imported(run, source, tmp_path / "stakeholders.yaml").stakeholders
    assert (person.power, person.interest) == (4, 2)


def test_an_xlsx_register_imports_from_its_sheet(run, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Notes"
    ws = book.create_sheet("Register")
    ws.append(["Stakeholder Name", "Role", "Internal/External", "Level of Influence",
               "Level of Interest", "Current Stance", "Desired engagement", "Phase"])  # fmt: skip
    ws.append(["Dana Whitfield", "CFO", "Internal", "Tier 1", "High", "Supportive", "Leading",
               "Initiation"])  # fmt: skip
    ws.append(["Priya Raman", "AE", "External", 2, 5, "Neutral", "Supportive", None])
    ws["A4"] = '=CONCAT("Sam", " Okafor")'  # a formula: no cached value in this file
    path = tmp_path / "register.xlsx"
    book.save(path)
    result = run("stakeholders", "import", path, "--sheet", "Register")
    assert result.exit_code == 1
    assert f"{path}:1:8: error [csv.unknown-column] column 'Phase' is not a register field; " in (
        result.stderr
    )
    assert "did you mean" not in result.stderr
    out = tmp_path / "stakeholders.yaml"
    result = run("stakeholders", "import", path, "--sheet", "Register", "--map", "Phase=notes",
                 "-o", out)  # fmt: skip
    assert f"{path}:4:1: warning [csv.formula] a formula" in result.stderr
    assert result.exit_code == 0, result.stderr
    dana, priya, *_ = register_of(out).stakeholders
    assert (dana.power, dana.interest, dana.notes) == (5, 5, "Phase: Initiation")
    assert (priya.power, priya.interest) == (2, 5)


def test_an_unknown_column_is_one_finding_with_no_wrong_guess(run, write):
    source = write(
        "r.csv", "Name,Internal/External,Influence,Interest,Strategy\nA,internal,4,4,x\n"
    )
    result = run("stakeholders", "import", source)
    assert result.exit_code == 1
    assert result.stderr.count("[csv.unknown-column]") == 1
    assert "column 'Strategy' is not a register field; map it with --map Strategy=FIELD" in (
        result.stderr
    )
    assert "influences" not in result.stderr  # Influence is power, never the list of ids


def test_a_misspelt_heading_gets_a_near_certain_guess(run, write):
    source = write("r.csv", "Name,Internal/External,Infuence,Interest\nA,internal,4,4\n")
    result = run("stakeholders", "import", source)
    assert result.exit_code == 1
    assert (
        ":1:3: error [csv.unknown-column] column 'Infuence' is not a register field; "
        "did you mean 'Power'?"
    ) in result.stderr


def test_skip_unknown_and_keep_unknown(run, write, tmp_path):
    source = write("r.csv", "Name,Internal/External,Power,Interest,Strategy\nA,internal,4,4,Sync\n")
    skipped = imported(run, source, tmp_path / "a" / "s.yaml", "--skip-unknown")
    assert skipped.stakeholders[0].notes is None
    kept = imported(run, source, tmp_path / "b" / "s.yaml", "--keep-unknown")
    assert kept.stakeholders[0].notes == "Strategy: Sync"


def test_map_option_and_config_columns(run, write, tmp_path):
    source = write("r.csv", "Who,Camp,Clout,Care\nA,external,4,2\n")
    (person,) = imported(
        run, source, tmp_path / "a" / "s.yaml", "--map", "Who=name", "--map", "Camp=side",
        "--map", "Clout=power", "--map", "Care=interest",
    ).stakeholders  # fmt: skip
    assert (person.name, person.side.value, person.power, person.interest) == (
        "A",
        "external",
        4,
        2,
    )
    write(".stakecli.yaml", "spreadsheets:\n  columns: {Who: name, Camp: side, Clout: power, "
          "Care: interest}\n")  # fmt: skip
    (again,) = imported(run, source, tmp_path / "b" / "s.yaml").stakeholders
    assert again == person


def test_a_map_to_no_field_is_a_usage_error(run, write):
    source = write("r.csv", "Name,Side\nA,internal\n")
    result = run("stakeholders", "import", source, "--map", "Side=sides")
    assert result.exit_code == 2
    assert "--map: no register field 'sides'" in result.stderr


def test_ids_come_from_names_unique_and_stable(run, write, tmp_path):
    source = write(
        "r.csv",
        "Name,Internal/External,Power,Interest\n"
        "Zoë Ångström,internal,4,4\nAlex Kim,internal,4,4\nAlex Kim,external,2,2\n",
    )
    first = imported(run, source, tmp_path / "a" / "s.yaml")
    second = imported(run, source, tmp_path / "b" / "s.yaml")
    assert [s.id for s in first.stakeholders] == ["zoe-angstrom", "alex-kim", "alex-kim-2"]
    assert first == second


def test_owner_names_become_ids(run, write, tmp_path):
    source = write(
        "r.csv",
        "Name,Internal/External,Power,Interest,Owner\n"
        "Dana Whitfield,internal,5,5,Sam Okafor\nSam Okafor,internal,3,3,\n"
        "Vendor,external,2,2,The PMO\n",
    )
    result = run("stakeholders", "import", source, "-o", tmp_path / "s.yaml")
    assert result.exit_code == 0, result.stderr
    assert ":4:5: warning [csv.kept-in-notes] owner 'The PMO' names no row of the sheet" in (
        result.stderr
    )
    dana, _, vendor = register_of(tmp_path / "s.yaml").stakeholders
    assert dana.owner == "sam-okafor"
    assert (vendor.owner, vendor.notes) == (None, "Owner: The PMO")


def test_a_formula_name_is_written_as_yaml_that_parses(run, write, tmp_path):
    source = write(
        "r.csv",
        'Name,Internal/External,Power,Interest,Tags\n"=HYPERLINK(""http://x"")",external,2,2,'
        '"a: b, [c]"\n',
    )
    result = run("stakeholders", "import", source, "-o", tmp_path / "s.yaml")
    assert result.exit_code == 0, result.stderr
    assert ":2:1: warning [csv.formula] cell '=HYPERLINK(\"http://x\")' starts like a formula" in (
        result.stderr
    )
    (person,) = register_of(tmp_path / "s.yaml").stakeholders
    assert person.name == '=HYPERLINK("http://x")'
    assert person.tags == ["a: b, [c]"]
    assert "{" not in (tmp_path / "s.yaml").read_text()  # no flow mappings


def test_only_current_stance_is_kept_in_notes_or_completed_by_a_default(run, write, tmp_path):
    source = write("r.csv", "Name,Internal/External,Power,Interest,Engagement\nA,internal,4,4,"
                   "Supportive\n")  # fmt: skip
    (person,) = imported(run, source, tmp_path / "a" / "s.yaml").stakeholders
    assert (person.engagement, person.notes) == (None, "Current engagement: supportive")
    (person,) = imported(
        run, source, tmp_path / "b" / "s.yaml", "--default", "desired=leading"
    ).stakeholders
    assert person.engagement is not None
    assert (person.engagement.current.value, person.engagement.desired.value) == (
        "supportive", "leading",
    )  # fmt: skip


def test_import_runs_every_validate_rule_before_writing(run, write, tmp_path):
    write("stakeholders.yaml", """\
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: dana-whitfield, name: Dana, side: internal, power: 2, legitimacy: 2,
             urgency: 2, interest: 2}
        """)  # fmt: skip
    source = write("r.csv", "Name,Internal/External,Power,Interest\nDana Whitfield,internal,4,4\n")
    target = tmp_path / "more.yaml"
    result = run("stakeholders", "import", source, "-o", target)
    assert result.exit_code == 1
    assert f"{source}:2:1: error [ids.duplicate] id 'dana-whitfield' is already defined in " in (
        result.stderr
    )
    assert result.stderr.endswith("nothing was written\n")
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_owner_id_of_no_register_stops_the_import(run, write, tmp_path):
    source = write("r.csv", "Name,Internal/External,Power,Interest,Owner\nA,internal,4,4,pmo\n")
    result = run("stakeholders", "import", source, "-o", tmp_path / "s.yaml")
    assert result.exit_code == 1
    assert ":2:5: error [stakeholders.unknown-reference]" in result.stderr
    assert not (tmp_path / "s.yaml").exists()


@pytest.mark.parametrize(
    ("delimiter", "text"),
    [(";", "Name;Internal/External;Power;Interest\nA, B;internal;4;4\n"),
     ("tab", "Name\tInternal/External\tPower\tInterest\nA, B\tinternal\t4\t4\n")],
)  # fmt: skip
def test_delimiter_override(run, write, tmp_path, delimiter, text):
    source = write("r.txt", text)
    (person,) = imported(run, source, tmp_path / "s.yaml", "--delimiter", delimiter).stakeholders
    assert person.name == "A, B"


def test_bad_cells_are_located_at_their_line_and_column(run, write):
    bad = GOOD.replace(
        "cfo,Dana Whitfield,internal,Finance,5,", "cfo,Dana Whitfield,inside,Finance,11,"
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


def test_a_missing_required_column_is_named(run, write):
    result = run("stakeholders", "import", write("p.csv", "id,name\nx,X\n"))
    assert result.exit_code == 1
    assert (
        "[csv.missing-column] no Internal/External column; add one, --map one, or give "
        "--default side=internal"
    ) in result.stderr


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


def test_a_file_that_is_not_utf8_is_one_error_line(run, tmp_path):
    source = tmp_path / "r.csv"
    source.write_bytes("Name,Seite\nJürgen,intern\n".encode("latin-1"))
    result = run("stakeholders", "import", source)
    assert result.exit_code == 2
    assert "not UTF-8 text (byte 12); save the sheet as 'CSV UTF-8' or as .xlsx" in result.stderr


@pytest.mark.parametrize(
    ("text", "unknown", "code"),
    [
        ("name,side,power,interest,Phase\nA,internal,2,2,x\n", "error", "csv.unknown-column"),
        ("name,side,power,interest,Phase\nA,internal,2,2,x\n", "skip", "csv.skipped-column"),
        ("name,side,power,interest,Phase\nA,internal,2,2,x\n", "notes", "csv.column-in-notes"),
        ("name,side,power,Influence,interest\nA,internal,2,3,2\n", "error",
         "csv.duplicate-column"),
        ("name,power,interest\nA,2,2\n", "error", "csv.missing-column"),
        ("name,side,power,interest\nA,internal,2,2\n", "error", "csv.filled-score"),
        ("name,side,power,interest\nA,internal,Medium,2\n", "error", "csv.at-cut-off"),
        ("name,side,power,interest\nA,internal,9,2\n", "error", "csv.rescaled"),
        ("name,side,power,interest\n@A,internal,2,2\n", "error", "csv.formula"),
        ("name,side,power,interest,owner\nA,internal,2,2,The PMO\n", "error",
         "csv.kept-in-notes"),
    ],
)  # fmt: skip
def test_each_import_code(text, unknown, code):
    from stakecli.core import tables
    from stakecli.stakeholders import importing

    result = importing.convert(
        tables.read_csv(text), Path("r.csv"), importing.Options(unknown=unknown)
    )
    assert code in {f.code for f in result.findings}


@pytest.mark.parametrize(
    ("text", "code"), [(",,\n,,\n", "csv.header"), ('a\n"' + "x" * 200_000 + '"\n', "csv.syntax")]
)
def test_unreadable_tables_are_one_finding(text, code):
    from stakecli.stakeholders import writing

    assert [f.code for f in writing.read(text, Path("r.csv"))[1]] == [code]


def test_a_json_cell_nested_past_the_recursion_limit_is_a_located_finding(run, tmp_path):
    path = tmp_path / "deep.csv"
    path.write_text(
        "Name,Internal/External,Power,Legitimacy,Urgency,Interest,Ratings\n"
        f'A,internal,1,1,1,1,"{"[" * 5000}"\n'
    )
    result = run("stakeholders", "import", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:7: error [schema.type] row 2, column 'ratings': input should be a valid " in (
        result.stderr + result.stdout
    )
