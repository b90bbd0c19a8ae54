"""Superseding: a record superseded once refuses a second supersede; edits keep every byte."""

import datetime as dt

import pytest

from helpers import REGISTER, put
from stakecli.core.errors import UsageError
from stakecli.decisions import log as decision_log

OLD = """\
kind: decision   # the record as its author wrote it
version: 1
number: 1
title: 'A title, single-quoted'
status:   accepted    # aligned comment
date: 2026-01-10
deciders: [ana]
context: >-
  A folded paragraph written much wider than the default dump width of eighty characters.
options:
    - {name: A,   pros: [cheap]}
    - name: B
      cons: [slow]
outcome: {chosen: A, rationale: cheaper}
"""


def test_new_with_supersedes_leaves_every_byte_of_the_old_record(tmp_path):
    put(tmp_path, "stakeholders.yaml", REGISTER)
    old = tmp_path / "decisions/0001-a.yaml"
    old.parent.mkdir()
    old.write_bytes(OLD.encode())
    decision_log.create(tmp_path, "B", dt.date(2026, 2, 1), supersedes=1)
    assert old.read_bytes() == OLD.encode()


def test_a_record_already_superseded_is_not_superseded_again(run, tmp_path):
    put(tmp_path, "stakeholders.yaml", REGISTER)
    assert run("new", "decision", "A", "--dir", tmp_path).exit_code == 0
    first = tmp_path / "decisions/0001-a.yaml"
    first.write_text(first.read_text().replace("status: proposed", "status: accepted"))
    assert run("new", "decision", "B", "--dir", tmp_path, "--supersedes", "1").exit_code == 0
    second = tmp_path / "decisions/0002-b.yaml"
    second.write_text(
        second.read_text()
        .replace("deciders: []", "deciders: [ana]")
        .replace("options: []", "options: [{name: X}, {name: Y}]")
        + "outcome: {chosen: X, rationale: simpler}\n"
    )
    accepted = run("decision", "status", "2", "accepted", "--dir", tmp_path)
    assert accepted.exit_code == 0, accepted.stderr
    assert "superseded_by: 2" in first.read_text()
    before = first.read_bytes()
    again = run("new", "decision", "C", "--dir", tmp_path, "--supersedes", "1")
    assert again.exit_code == 2
    assert "already superseded by decision 2" in again.stderr
    assert first.read_bytes() == before
    assert not (tmp_path / "decisions/0003-c.yaml").exists()


def test_superseded_status_without_a_number_also_refuses(tmp_path):
    folder = tmp_path / "decisions"
    folder.mkdir()
    (folder / "0001-a.yaml").write_text(OLD.replace("status:   accepted", "status: superseded"))
    with pytest.raises(UsageError, match="already superseded by another decision"):
        decision_log.create(tmp_path, "B", dt.date(2026, 2, 1), supersedes=1)


def test_a_title_that_is_not_utf8_is_a_usage_error(run, tmp_path):
    bad = b"Pick \xff vendor".decode("utf-8", "surrogateescape")
    with pytest.raises(UsageError, match="not valid UTF-8"):
        decision_log.create(tmp_path, bad, dt.date(2026, 2, 1))
    result = run("new", "decision", bad, "--dir", tmp_path)
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr
    assert "internal error" not in result.stderr
