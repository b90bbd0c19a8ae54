"""Edits of decision records keep every byte outside the changed values.

Spacing after the colon, spaces after the value, inline comments and line endings (CRLF, or
none on the last line) stay as written; `decision status N accepted` flips the records it
supersedes with such an edit.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import decision, project
from stakecli.decisions import log


@pytest.mark.parametrize(
    ("line", "edited"),
    [
        ("status:    accepted\n", "status:    superseded\n"),
        ("status:\taccepted  # in force\n", "status:\tsuperseded  # in force\n"),
        ("status : accepted \n", "status : superseded \n"),
        ("status: 'a #b'   # c\n", "status: superseded   # c\n"),
        ("status:   accepted\r\n", "status:   superseded\r\n"),
        ("status:\n  accepted\n", "status: superseded\n"),
        ("status:  # to do\n", "status: superseded  # to do\n"),
    ],
)
def test_an_edit_changes_the_value_and_no_other_byte(line, edited):
    text = "# head\nkind: decision\n" + line + "date:   2026-01-01    # when\n\n# tail\n"
    out = log.edit(text, {"status": "superseded", "date": "2026-02-01"})
    assert out == "# head\nkind: decision\n" + edited + "date:   2026-02-01    # when\n\n# tail\n"


def test_an_edit_of_the_last_line_keeps_its_missing_newline():
    assert log.edit("kind: decision\nstatus:  accepted", {"status": "superseded"}) == (
        "kind: decision\nstatus:  superseded"
    )


def test_a_key_added_to_a_file_of_crlf_lines_ends_as_they_do():
    text = "kind: decision\r\nstatus: accepted\r\ndate: 2026-01-01\r\n"
    assert log.edit(text, {"status": "superseded", "superseded_by": "2"}) == (
        "kind: decision\r\nstatus: superseded\r\nsuperseded_by: 2\r\ndate: 2026-01-01\r\n"
    )


OLD_RECORD = """\
kind:    decision
version: 1
number:  1
title:   Pick the analytics vendor
status:    accepted   # in force
date:\t2026-01-10
deciders: [ana]
context: >-
  Why we decide.
options:
  - {name: A}
  - {name: B}
outcome: {chosen: A, rationale: it is cheaper.}
"""
OLD_RECORD += f"# a comment longer than any line an emitter would leave unwrapped: {'a' * 80}\n"


def test_accepting_a_successor_changes_only_the_values_of_the_old_record(run, tmp_path):
    project(tmp_path, decision(2, title="Switch", supersedes=[1], status="proposed"))
    old = tmp_path / "decisions/0001-d1.yaml"
    old.write_text(OLD_RECORD.replace("\n", "\r\n"))  # CRLF lines too
    result = run("decision", "status", "2", "accepted", "--dir", tmp_path)
    assert result.exit_code == 0, result.stderr
    today = dt.date.today().isoformat()
    assert old.read_bytes().decode() == OLD_RECORD.replace(
        "status:    accepted   # in force\n",
        "status:    superseded   # in force\nsuperseded_by: 2\n",
    ).replace("date:\t2026-01-10", f"date:\t{today}").replace("\n", "\r\n")
