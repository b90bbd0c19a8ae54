"""`stakecli stakeholders --format csv`: a cell a spreadsheet would run is neutralised (OWASP)."""

import csv
import io


def test_show_format_csv_neutralises_formula_cells(run, tmp_path):
    register = tmp_path / "stakeholders.yaml"
    register.write_text(
        "kind: stakeholders\nversion: 1\nstakeholders:\n"
        "  - {id: dee, name: '=HYPERLINK(\"http://x\")', side: internal, power: 2,"
        " legitimacy: 2, urgency: 2, interest: 2}\n"
        "  - {id: eve, name: '@SUM(A1)', side: internal, power: 2, legitimacy: 2, urgency: 2,"
        " interest: 2, owner: dee}\n"
    )
    result = run("stakeholders", register, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    names = {row[rows[0].index("id")]: row[rows[0].index("name")] for row in rows[1:]}
    assert names == {"dee": '\'=HYPERLINK("http://x")', "eve": "'@SUM(A1)"}
