"""RACI matrices from and to spreadsheets: activities x people, letters in the cells."""

from __future__ import annotations

import shutil
from pathlib import Path

from stakecli.core.loading import Document, load
from stakecli.raci.model import Raci

ROOT = Path(__file__).resolve().parents[2]

# The PMBOK sample (DOMAIN.md 8.5) as it is published: people as columns, `A/R` style cells.
PMBOK = (
    "Activity,Ann,Ben,Carlos,Dina,Ed\r\n"
    "Create charter,A,R,I,I,I\r\n"
    "Collect requirements,I,A,R,C,C\r\n"
    "Submit change request,I,A,R,R,C\r\n"
    "Develop test plan,A/R,C,I,I,R\r\n"
)


# A sparser one, as teams draw it before the register exists: roles, blanks and dashes.
ROLES = (
    "Task,Project Manager,Sponsor,Tech Lead,QA,Legal\r\n"
    "Create charter,R,A,,-,C\r\n"
    "Collect requirements,A,I,R,C,\r\n"
    "Sign the contract,,A,I,,R\r\n"
    "Develop test plan,A,,C,R,-\r\n"
)


def matrix_of(path: Path) -> Raci:
    doc = load(path)
    assert isinstance(doc, Document), doc
    return Raci.model_validate(doc.data)


def test_a_role_only_matrix_imports_and_validates_without_noise(run, write, tmp_path):
    source = write("raci.csv", ROLES)
    out = tmp_path / "project" / "raci.yaml"
    result = run("import", "raci", source, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {out} (4 rows)\n"
    matrix = matrix_of(out)
    # A heading that is already a valid id is kept as written; others become slugs.
    assert matrix.roles == {"project-manager": [], "Sponsor": [], "tech-lead": [], "QA": [],
                            "Legal": []}  # fmt: skip
    assert [r.id for r in matrix.rows] == [
        "create-charter", "collect-requirements", "sign-the-contract", "develop-test-plan",
    ]  # fmt: skip
    assert matrix.rows[0].assign == {"project-manager": "R", "Sponsor": "A", "Legal": "C"}
    checked = run("validate", "--strict", out.parent)
    assert checked.exit_code == 0, checked.stdout
    assert "warning" not in checked.stdout


def test_published_a_slash_r_cells_are_kept_as_written(run, write):
    result = run("import", "raci", write("raci.csv", PMBOK))
    assert "Develop test plan" in result.stdout
    assert "    Ann: A/R\n" in result.stdout


def test_columns_that_are_register_names_become_their_ids(run, write, tmp_path):
    write("p/stakeholders.yaml", """\
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: cfo, name: Dana Whitfield, side: internal, power: 5, legitimacy: 5, urgency: 4,
             interest: 4, owner: pm}
          - {id: pm, name: Sam Okafor, side: internal, power: 3, legitimacy: 4, urgency: 4,
             interest: 5, owner: cfo}
        """)  # fmt: skip
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["Decision", "Dana Whitfield", "pm", "Legal counsel", "Notes"])
    ws.append(["Approve budget", "A", "R", "C", "Quarterly"])
    ws.append(["Pick vendor", "I", "A/R", "-", None])
    source = tmp_path / "raci.xlsx"
    book.save(source)
    out = tmp_path / "p" / "raci.yaml"
    result = run("import", "raci", source, "-o", out, "--title", "Budget", "--id", "budget")
    assert result.exit_code == 0, result.stderr
    assert (
        f"{source}:1:4: info [raci.sheet-new-role] column 'Legal counsel' names no one in the "
        "register; it is the role 'legal-counsel', held by nobody yet"
    ) in result.stderr
    assert "raci.sheet-new-role" in result.stderr
    matrix = matrix_of(out)
    assert (matrix.id, matrix.title, matrix.participants) == (
        "budget", "Budget", ["cfo", "pm", "legal-counsel"],
    )  # fmt: skip
    assert matrix.roles == {"legal-counsel": []}
    assert matrix.rows[0].notes == "Quarterly"
    assert matrix.rows[1].assign == {"cfo": "I", "pm": "A/R"}
    assert run("validate", tmp_path / "p").exit_code == 0


def test_a_broken_row_is_reported_at_its_sheet_cell_and_nothing_is_written(run, write, tmp_path):
    source = write(
        "raci.csv", PMBOK.replace("Create charter,A,R,I,I,I", "Create charter,A,A,I,I,I")
    )
    out = tmp_path / "raci.yaml"
    result = run("import", "raci", source, "-o", out)
    assert result.exit_code == 1
    assert f"{source}:2:1: error [raci.one-accountable]" in result.stderr
    assert result.stderr.endswith("nothing was written\n")
    assert not out.exists()


def test_an_unknown_letter_points_at_its_column(run, write):
    source = write(
        "raci.csv", PMBOK.replace("Develop test plan,A/R,C,I,I,R", "Develop test plan,A/R,C,I,Q,R")
    )
    result = run("import", "raci", source)
    assert result.exit_code == 1
    assert f"{source}:5:5: error [raci.unknown-letter]" in result.stderr


def test_export_then_import_gives_the_same_matrix(run, tmp_path):
    project = tmp_path / "partnership"
    shutil.copytree(ROOT / "examples" / "partnership", project)
    original = matrix_of(project / "raci.yaml")
    for fmt in ("csv", "xlsx"):
        sheet = tmp_path / f"raci.{fmt}"
        result = run("export", "raci", project / "raci.yaml", "-f", fmt, "-o", sheet)
        assert result.exit_code == 0, result.stderr
        out = project / "raci.yaml"
        result = run("import", "raci", sheet, "-o", out, "--force", "--id", str(original.id),
                     "--title", str(original.title))  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert matrix_of(out) == original.model_copy(update={"variant": "raci"})


def test_csv_export_of_a_folder_with_several_matrices_asks_for_one(run, write):
    for name in ("a", "b"):
        write(f"{name}.yaml", f"kind: raci\nversion: 1\nid: {name}\nrows: []\n")
    result = run("export", "raci", write("a.yaml", "kind: raci\nversion: 1\nrows: []\n").parent)
    assert result.exit_code == 2
    assert "holds 2 RACI files; pass one, or use --format xlsx" in result.stderr


def test_sheet_codes(run, write):
    empty = run("import", "raci", write("a.csv", "Activity,Ann,Ben\n"))
    assert "[raci.sheet-no-rows]" in empty.stderr
    assert "raci.sheet-no-rows" in empty.stderr
    twice = run("import", "raci", write("b.csv", "Activity,Ann,Ann\nShip,A,R\n"))
    assert twice.exit_code == 1
    assert "raci.sheet-duplicate-column" in twice.stderr
