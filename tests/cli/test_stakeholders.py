import csv
import io
import json
import re

import pytest

from conftest import EXAMPLES
from stakecli.core.publishing import INTERNAL_BANNER

VENDOR = EXAMPLES / "vendor-renewal"

REGISTER = """\
kind: stakeholders
version: 1
title: Launch
stakeholders:
  - id: sec
    name: Security Lead
    side: internal
    power: 4
    legitimacy: 5
    urgency: 5
    interest: 5
    engagement: {current: resistant, desired: supportive, actions: [Audit plan]}
    owner: pm
    influences: [pm]
    tags: [audit]
  - id: pm
    name: Product Manager
    side: internal
    power: 3
    legitimacy: 5
    urgency: 5
    interest: 5
    engagement: {current: leading, desired: supportive, actions: [Slow down]}
    circle: {power: 2, proximity: 4}
  - id: cab
    name: Advisory Board
    side: external
    power: 2
    legitimacy: 2
    urgency: 2
    interest: 2
    tags: [customer, audit]
"""


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    """A terminal wide enough for every column (tests/cli/test_tables.py covers narrow ones)."""
    monkeypatch.setenv("COLUMNS", "200")


def table_rows(stdout):
    """Rows as [id, name, class, group, quadrant, strategy, C → D, gap, priority]."""
    _title, header, *rows = stdout.splitlines()
    assert re.split(r"\s{2,}", header) == [
        "#", "name", "quadrant", "strategy", "C → D", "gap", "class", "group", "id",
    ]  # fmt: skip
    out = []
    for line in rows:
        rank, name, quadrant, strategy, engagement, gap, cls, group, ident = re.split(
            r"\s{2,}", line.strip()
        )
        out.append([ident, name, cls, group, quadrant, strategy, engagement, gap, rank])
    return out


def test_table_shows_class_quadrant_gap_and_priority_in_attention_order(run, write):
    result = run("stakeholders", write("stakeholders.yaml", REGISTER))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Launch"
    assert table_rows(result.stdout) == [
        [
            "sec", "Security Lead", "Definitive", "Definitive", "Key players", "Manage closely",
            "resistant → supportive", "+2", "1",
        ],
        [
            "pm", "Product Manager", "Dependent", "Expectant", "Keep informed", "Keep informed",
            "leading → supportive", "-1 (over-engaged)", "2",
        ],
        [
            "cab", "Advisory Board", "Non-stakeholder", "None", "Minimal effort", "Monitor",
            "—", "—", "3",
        ],
    ]  # fmt: skip
    assert result.stderr == "3 stakeholders\n"


def test_table_of_the_vendor_renewal_example_starts_with_the_biggest_definitive_gap(run):
    rows = table_rows(run("stakeholders", VENDOR).stdout)
    assert rows[0] == [
        "head-analytics", "Mei Lin", "Definitive", "Definitive", "Key players",
        "Manage closely", "resistant → supportive", "+2", "1",
    ]  # fmt: skip
    classes = [r[2] for r in rows]
    counts = {"Definitive": 3, "Dominant": 2, "Dependent": 2, "Dormant": 1, "Discretionary": 1}
    assert [counts[c] for c in classes] == sorted((counts[c] for c in classes), reverse=True)


def test_show_is_the_default_subcommand(run):
    assert run("stakeholders", "show", VENDOR).stdout == run("stakeholders", VENDOR).stdout


def test_json_shape_and_values(run, write):
    path = write("stakeholders.yaml", REGISTER)
    result = run("stakeholders", path, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["settings"] == {
        "salience_threshold": 3,
        "grid_cutoff": 3,
        "circle_weights": {"power": 4, "proximity": 2, "urgency": 5},
    }
    assert [s["id"] for s in data["stakeholders"]] == ["sec", "pm", "cab"]
    sec, pm, cab = data["stakeholders"]
    assert (sec["class"], sec["group"], sec["count"]) == ("definitive", "definitive", 3)
    assert sec["attributes"] == {"power": True, "legitimacy": True, "urgency": True}
    assert sec["score"] == pytest.approx(0.9167)
    assert sec["engagement"] == {
        "current": "resistant",
        "desired": "supportive",
        "gap": 2,
        "over_engaged": False,
    }
    assert sec["circle_index"] is None
    assert (pm["class"], pm["quadrant"], pm["strategy"]) == (
        "dependent",
        "keep-informed",
        "keep-informed",
    )
    assert (pm["engagement"]["gap"], pm["engagement"]["over_engaged"]) == (-1, True)
    # DOMAIN.md 2.3 on the Circle's scales: power 2/4, proximity 4/4, urgency 5/5.
    assert pm["circle_index"] == (4 * 2 / 4 + 2 * 4 / 4 + 5 * 5 / 5) / 11
    assert pm["circle"] == {"power": 2, "proximity": 4, "urgency": 5}
    assert sec["circle"] is None
    assert (cab["class"], cab["group"], cab["count"], cab["engagement"]) == (
        "non-stakeholder",
        "none",
        0,
        None,
    )
    assert [s["rank"] for s in data["stakeholders"]] == [1, 2, 3]


def test_csv_header_and_rows(run, write):
    path = write("stakeholders.yaml", REGISTER)
    result = run("stakeholders", path, "-f", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "rank", "id", "name", "side", "class", "group", "count", "score", "quadrant",
        "strategy", "current", "desired", "gap", "over_engaged", "circle_index", "owner",
        "hidden", "discovered_method", "discovered_source", "discovered_interview",
        "journey_stage", "visibility",
    ]  # fmt: skip
    assert rows[2] == [
        "2", "pm", "Product Manager", "internal", "dependent", "expectant", "2", "0.8333",
        "keep-informed", "keep-informed", "leading", "supportive", "-1", "true", "0.8182", "",
        "false", "", "", "", "", "",
    ]  # fmt: skip
    assert rows[3][10:14] == ["", "", "", ""]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--side", "external"], ["cab"]),
        (["--tag", "audit"], ["sec", "cab"]),
        (["--tag", "customer", "--tag", "nothing"], ["cab"]),
        (["--class", "dependent"], ["pm"]),
        (["--class", "expectant", "--class", "definitive"], ["sec", "pm"]),
        (["--quadrant", "key-players"], ["sec"]),
        (["--quadrant", "monitor"], ["cab"]),
        (["--side", "internal", "--tag", "audit"], ["sec"]),
        (["--sort", "id"], ["cab", "pm", "sec"]),
        (["--sort", "circle"], ["pm", "sec", "cab"]),
    ],
)
def test_filters_and_sorts(run, write, args, expected):
    path = write("stakeholders.yaml", REGISTER)
    result = run("stakeholders", path, "-f", "json", *args)
    assert [s["id"] for s in json.loads(result.stdout)["stakeholders"]] == expected


def test_unknown_filter_value_is_a_usage_error_with_a_hint(run):
    result = run("stakeholders", VENDOR, "--class", "definitve")
    assert result.exit_code == 2
    assert result.stderr == (
        "stakecli: error: --class 'definitve' is not a known value; did you mean 'definitive'?\n"
    )


def test_markdown_has_quadrant_chart_flowchart_and_table(run, write):
    path = write("stakeholders.yaml", REGISTER)
    out = run("stakeholders", path, "-f", "markdown").stdout
    assert out.startswith(INTERNAL_BANNER + "# Launch\n")
    assert "```mermaid\nquadrantChart\n" in out
    assert '    "Security Lead": [0.9, 0.65]\n' in out
    assert '    "Product Manager": [0.894, 0.4]\n' in out  # moved in: its name fits the chart
    assert '    "Advisory Board": [0.275, 0.275]\n' in out
    assert "    quadrant-1 Manage closely\n    quadrant-2 Keep satisfied\n" in out
    assert "```mermaid\nflowchart LR\n" in out
    assert '    subgraph g_definitive["Definitive #40;3 attributes#41;"]\n' in out
    assert '        s1["Security Lead"]\n' in out
    assert "    s1 --> s2\n" in out
    assert (
        "| 2 | Product Manager | Dependent | Expectant | Keep informed | Keep informed "
        "| leading → supportive | -1 (over-engaged) | 0.82 |\n"
    ) in out
    assert "3 stakeholders: 1 definitive, 1 expectant, 1 non-stakeholder." in out


HOSTILE = """\
kind: stakeholders
version: 1
title: "Evil | title"
stakeholders:
  - id: a
    name: 'Dr. "Quote": [x] | pipe; # --> end'
    side: internal
    power: 5
    legitimacy: 5
    urgency: 5
    interest: 5
    influences: [b]
  - id: b
    name: "two\\nlines {c} (p) <b>"
    side: external
    power: 1
    legitimacy: 4
    urgency: 1
    interest: 4
"""


def test_hostile_names_cannot_break_tables_or_diagrams(run, write):
    out = run("stakeholders", write("stakeholders.yaml", HOSTILE), "-f", "markdown").stdout
    assert out.startswith(INTERNAL_BANNER + "# Evil \\| title\n")
    chart = out.split("```mermaid\n")[1].split("```")[0]
    flow = out.split("```mermaid\n")[2].split("```")[0]
    point = '    "Dr. #34;Quote#34;#58; #91;x#93; #124; pipe#59; #35; --#62; end": [0.76, 0.9]'
    assert point in chart.splitlines()
    assert '    "two lines #123;c#125; #40;p#41; #60;b#62;": [0.65, 0.15]' in chart.splitlines()
    for line in chart.splitlines()[8:] + flow.splitlines():
        assert line.count('"') in (0, 2)
        label = line.split('"')[1] if '"' in line else ""
        assert not set(label) & set("[]:|<>(){}`\\"), line
    table = [line for line in out.splitlines() if line.startswith("| 1 |")]
    assert table == [
        '| 1 | Dr. "Quote": \\[x\\] \\| pipe; \\# --\\> end | Definitive | Definitive '
        "| Key players | Manage closely | — | — |"
    ]
    assert table[0].replace("\\|", "").count("|") == 9


def test_register_lookup_errors(run, tmp_path, write):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("stakeholders", empty)
    assert result.exit_code == 2
    assert result.stderr.startswith("stakecli: error: no stakeholder register")
    write("two/a.yaml", REGISTER)
    write("two/b.yaml", REGISTER)
    result = run("stakeholders", tmp_path / "two")
    assert (result.exit_code, result.stderr) == (
        2,
        f"stakecli: error: {tmp_path / 'two'} holds several registers (a.yaml, b.yaml); "
        "pass one of them\n",
    )
    write("pref/stakeholders.yaml", REGISTER)
    write(
        "pref/other.yaml",
        "kind: stakeholders\nversion: 1\ntitle: Other\nstakeholders:\n"
        "  - {id: zed, name: Zed, side: external, power: 1, legitimacy: 1, urgency: 1, "
        "interest: 1}\n",
    )
    assert run("stakeholders", tmp_path / "pref", "-f", "markdown").stdout.startswith(
        INTERNAL_BANNER + "# Launch"
    )


def test_a_register_that_fails_validate_stops_the_analysis_as_validate_shows_it(run, write):
    # One policy: what `validate` calls an error stops every command that analyses the file.
    path = write("stakeholders.yaml", REGISTER + REGISTER.split("stakeholders:\n", 1)[1])
    validate = run("--color", "never", "validate", path)
    assert validate.exit_code == 1
    assert "[stakeholders.duplicate-id]" in validate.stdout
    result = run("--color", "never", "stakeholders", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert all(line in result.stderr for line in validate.stdout.splitlines())


def test_invalid_register_is_one_located_error_line(run, write):
    path = write("stakeholders.yaml", REGISTER.replace("power: 4", "power: 9"))
    result = run("--color", "never", "stakeholders", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:8:12: error [schema.out-of-range] stakeholders[0].power: "
        "input should be less than or equal to 5; got 9\n"
        f"stakecli: {path}: 1 error in the project; nothing analysed (fix it first: "
        "`stakecli validate` shows the same findings)\n"
    )


def test_config_threshold_and_cutoff_apply(run, write):
    path = write("stakeholders.yaml", REGISTER)
    write(".stakecli.yaml", "salience: {threshold: 1}\ngrid: {cutoff: 1}\n")
    data = json.loads(run("stakeholders", path, "-f", "json").stdout)
    assert data["settings"]["salience_threshold"] == 1
    assert {s["id"]: s["class"] for s in data["stakeholders"]}["cab"] == "definitive"
    assert {s["id"]: s["quadrant"] for s in data["stakeholders"]}["cab"] == "key-players"


def test_help_mentions_the_subcommands(run):
    result = run("stakeholders", "--help")
    assert result.exit_code == 0
    assert "show" in result.stdout
    assert "diff" in result.stdout


def test_folder_lookup_reads_the_kind_line(run, write, tmp_path):
    write("q/notes.yaml", "title: not a register\n")
    write("q/register.yaml", "# comment\nkind: 'stakeholders'  # the register\n" + REGISTER[19:])
    result = run("stakeholders", tmp_path / "q", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 4


def test_table_names_cannot_inject_control_characters(run, write):
    path = write("s.yaml", HOSTILE.replace("two\\nlines", "two\\x1b[2Jlines\\tand"))
    result = run("stakeholders", path)
    assert "\x1b" not in result.stdout
    assert table_rows(result.stdout)[1][:2] == ["b", "two?[2Jlines and {c} (p) <b>"]


def test_table_cells_are_the_rows_made_printable():
    from helpers import varied_register
    from stakecli.cli import stakeholders as command
    from stakecli.stakeholders import attention, views

    ranked = attention.rank(varied_register(60).stakeholders)
    keys = ["rank", "name", "circle", "quadrant", "strategy", "engagement", "gap", "cls"]
    keys += ["group", "id"]
    expected = [[command._printable(r[k]) for k in keys] for r in map(views.row, ranked)]
    assert command._cells(ranked, keys) == expected
    assert any("Tab here" in line[1] for line in expected)
