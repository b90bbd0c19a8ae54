"""Hostile user strings render as text: they cannot break tables, links, HTML or Mermaid."""

import re

import pytest

from helpers import PLAN, REGISTER, decision, project, put
from stakecli.core.rendering import (
    Safe,
    finalize,
    md_cell,
    md_cells,
    md_paragraphs,
    md_text,
    mermaid_label,
)

HOSTILE = [
    "a | b",
    "`code` and ``more``",
    "<script>alert(1)</script>",
    "line one\nline two",
    '"quoted"',
    "a:b",
    "[link](x)",
    "![img](http://x/y.png)",
    "*bold* _em_ # heading ~~strike~~",
    "back\\slash",
]

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_keeps_markdown_syntax_inert(text):
    out = md_text(text)
    assert "\n" not in out
    assert not UNESCAPED_PIPE.search(out)
    assert not re.search(r"(?<!\\)[`<>\[\]*_#~]", out)
    assert re.sub(r"\\(.)", r"\1", out) == " ".join(text.split())  # nothing lost


def test_finalize_escapes_plain_strings_only():
    assert finalize("a|b") == "a\\|b"
    assert finalize(Safe("a|b")) == "a|b"
    assert finalize(None) == "—"
    assert finalize(3) == 3


def test_cells_paragraphs_and_mermaid_labels():
    assert md_cell("") == "—"
    assert md_cell("x|y\nz") == "x\\|y z"
    assert md_paragraphs("one\ntwo\n\n<b>three</b>") == "one two\n\n\\<b\\>three\\</b\\>"
    assert mermaid_label('say "hi" [x]: a|b') == "say #34;hi#34; #91;x#93;#58; a#124;b"


def hostile_project(tmp_path):
    register = {
        **REGISTER,
        "stakeholders": [
            {**REGISTER["stakeholders"][0], "name": "Ana | `Lima` <b>"},
            *REGISTER["stakeholders"][1:],
        ],
    }
    put(tmp_path, "stakeholders.yaml", register)
    options = [{"name": text, "pros": [text], "cons": [text]} for text in HOSTILE]
    memo = decision(
        title="Ship | now <script>x</script>\n[link](x)",
        context="\n\n".join(HOSTILE),
        drivers=HOSTILE,
        stances=[{"stakeholder": "ana", "position": t, "interest": t} for t in HOSTILE],
        options=options,
        outcome={"chosen": HOSTILE[0], "rationale": HOSTILE[2]},
        consequences={"good": HOSTILE, "bad": HOSTILE},
        raci="Row | `x`",
    )
    return project(tmp_path, memo, register=False)


def tables(markdown):
    """Consecutive `|` lines, grouped per table."""
    groups, current = [], []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    return groups + ([current] if current else [])


@pytest.mark.parametrize("document", ["decision-memo", "decisions"])
def test_hostile_strings_cannot_break_a_table_row(run, tmp_path, document):
    folder = hostile_project(tmp_path)
    result = run("render", folder, "-d", document)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert tables(out)
    for table in tables(out):  # every row has as many cells as its table's header
        assert len({len(UNESCAPED_PIPE.findall(row)) for row in table}) == 1, table
    assert "<script>" not in out
    assert "[link](x)" not in out
    assert not re.search(r"(?<!\\)`", out.replace("```", ""))


def test_hostile_title_stays_on_its_heading_line(run, tmp_path):
    result = run("render", hostile_project(tmp_path), "-d", "decision-memo")
    assert result.stdout.splitlines()[2] == (
        "# 0001. Ship \\| now \\<script\\>x\\</script\\> \\[link\\](x)"
    )


def test_hostile_title_is_a_safe_mermaid_label(run, tmp_path):
    folder = hostile_project(tmp_path)
    put(folder, "decisions/0002-d2.yaml", decision(2, supersedes=[1]))
    first = folder / "decisions/0001-d1.yaml"
    first.write_text(
        first.read_text().replace(
            '"status": "accepted"', '"status": "superseded", "superseded_by": 2'
        )
    )
    result = run("render", folder, "-d", "decisions")
    assert result.exit_code == 0, result.stderr
    mermaid = result.stdout.split("```mermaid\n")[1].split("```")[0]
    node = mermaid.splitlines()[1]
    assert node == (
        '  n_0001["0001. Ship #124; now #60;script#62;x#60;/script#62; #91;link#93;#40;x#41; '
        '(superseded)"]'
    )


def test_hostile_strings_cannot_break_the_comms_plan_or_agendas(run, tmp_path):
    register = {
        **REGISTER,
        "stakeholders": [
            {**REGISTER["stakeholders"][0], "name": "Ana | `Lima`\n<i>"},
            *REGISTER["stakeholders"][1:],
        ],
    }
    plan = {
        **PLAN,
        "title": "Plan | <b>x</b>",
        "communications": [
            {**PLAN["communications"][0], "message": "a | b\n[link](x)", "channel": "`c`|d"}
        ],
        "ceremonies": [
            {
                **PLAN["ceremonies"][0],
                "name": 'QBR | "all"',
                "agenda": [{"topic": "Topic | `x`\n# not a heading", "owner": "ana", "minutes": 5}],
            }
        ],
        "escalation": [{"level": 1, "contact": "ana", "within": 'two "days" | [x]'}],
    }
    put(tmp_path, "stakeholders.yaml", register)
    put(tmp_path, "comms.yaml", plan)
    for document in ("comms-plan", "ceremony-agenda"):
        result = run("render", tmp_path, "-d", document)
        assert result.exit_code == 0, result.stderr
        for table in tables(result.stdout):
            assert len({len(UNESCAPED_PIPE.findall(row)) for row in table}) == 1, table
        assert "\n# not a heading" not in result.stdout
        assert "<b>" not in result.stdout
        assert "<i>" not in result.stdout
    mermaid = run("render", tmp_path, "-d", "comms-plan").stdout.split("```mermaid\n")[1]
    assert '  n_level0["Level 1: Ana #124; #96;Lima#96; #60;i#62;"]' in mermaid
    assert '-->|"two #34;days#34; #124; #91;x#93;"| n_level0' in mermaid


def test_cells_are_escaped_in_one_pass_only_when_nothing_needs_it():
    plain = ["Ana Lima", "Bo Chen", "Zoë Ng", "名前"]
    assert md_cells(plain) == [md_cell(v) for v in plain]
    for odd in ("a | b", "", "two  spaces", "tab\there", "nul\x00inside", " lead", "*x*"):
        values = [*plain, odd]
        assert md_cells(values) == [md_cell(v) for v in values]
