"""The decision lifecycle end to end: new -> accepted -> superseded, through the CLI."""

import datetime as dt

import pytest

from helpers import REGISTER, put
from stakecli.core.errors import UsageError
from stakecli.decisions import log as decision_log

ACCEPT = """\
status: accepted
deciders: [ana]
options:
  - {name: Vendor A, pros: [cheaper]}
  - {name: Vendor B, cons: [slower]}
outcome: {chosen: Vendor A, rationale: it is cheaper.}
consequences: {good: [lower cost]}
"""


def accept(path, *, status=True):
    """Record the outcome (and, by hand, the status: the old way)."""
    text = path.read_text()
    keys = ("status:", "deciders:", "options:") if status else ("deciders:", "options:")
    for key in keys:
        text = "\n".join(line for line in text.splitlines() if not line.startswith(key)) + "\n"
    path.write_text(text + (ACCEPT if status else ACCEPT.replace("status: accepted\n", "")))


def test_new_accepted_superseded(run, tmp_path):
    put(tmp_path, "stakeholders.yaml", REGISTER)
    created = run("new", "decision", "Pick the analytics vendor", "--dir", tmp_path)
    assert created.exit_code == 0
    first = tmp_path / "decisions/0001-pick-the-analytics-vendor.yaml"
    assert created.stdout == f"{first}\n"
    assert f"date: {dt.date.today().isoformat()}" in first.read_text()
    assert run("validate", "--strict", tmp_path).exit_code == 0

    accept(first)
    assert run("validate", "--strict", tmp_path).exit_code == 0
    memo = run("render", first, "-d", "decision-memo").stdout
    assert "**Status:** accepted  \n" in memo
    assert 'Chosen option: "Vendor A", because it is cheaper.' in memo

    second = run("new", "decision", "Switch to Vendor B", "--dir", tmp_path, "--supersedes", "1")
    path = tmp_path / "decisions/0002-switch-to-vendor-b.yaml"
    assert second.stdout == f"{path}\n"
    assert "status: accepted\n" in first.read_text()  # in force until 2 is accepted
    new = path.read_text()
    assert "supersedes: [1]\n" in new
    assert run("validate", "--strict", tmp_path).exit_code == 0

    accept(path, status=False)
    before = first.read_text()
    result = run("decision", "status", "2", "accepted", "--dir", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"{path}: proposed -> accepted",
        f"{first}: accepted -> superseded (by 2)",
    ]
    result = run("decision", "status", "2", "proposed", "--dir", tmp_path)
    assert result.exit_code == 2
    assert "decision 2 is accepted; it can become deprecated, not proposed" in result.stderr
    old = first.read_text()
    assert "status: superseded\nsuperseded_by: 2\n" in old
    assert "outcome: {chosen: Vendor A, rationale: it is cheaper.}" in old  # the rest is kept
    import difflib

    diff = difflib.ndiff(before.splitlines(), old.splitlines())
    changed = [line[2:] for line in diff if line[:2] in ("- ", "+ ")]
    assert changed
    assert all(line.startswith(("status:", "date:", "superseded_by:")) for line in changed)
    assert run("validate", "--strict", tmp_path).exit_code == 0

    index = run("render", tmp_path, "-d", "decisions").stdout
    assert "| superseded by [0002](0002-switch-to-vendor-b.decision-memo.internal.md) |" in index
    assert "n_0001 -->|superseded by| n_0002" in index


def test_new_leaves_the_superseded_file_alone_until_acceptance(tmp_path):
    put(tmp_path, "stakeholders.yaml", REGISTER)
    path = decision_log.create(tmp_path, "First", dt.date(2026, 1, 1))
    path.write_text(
        "# keep me\n" + path.read_text().replace("status: proposed", "status: accepted")
    )
    before = path.read_text()
    decision_log.create(tmp_path, "Second", dt.date(2026, 1, 2), supersedes=1)
    assert path.read_text() == before  # superseding waits for the new one to be accepted


def test_new_numbers_follow_the_highest_existing_number(tmp_path):
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions/0007-old.yaml").write_text("kind: decision\n")
    path = decision_log.create(tmp_path, "Next: one!", dt.date(2026, 1, 1))
    assert path.name == "0008-next-one.yaml"
    assert decision_log.create(tmp_path / "decisions", "In place", dt.date(2026, 1, 1)).name == (
        "0009-in-place.yaml"
    )


def test_new_never_overwrites(tmp_path, monkeypatch):
    (tmp_path / "decisions").mkdir()
    existing = tmp_path / "decisions/0001-same.yaml"
    existing.write_text("mine\n")
    monkeypatch.setattr(
        decision_log, "numbered", lambda folder: {}
    )  # as if another process raced us
    with pytest.raises(UsageError, match=r"0001-same\.yaml already exists; not overwritten"):
        decision_log.create(tmp_path, "Same", dt.date(2026, 1, 1))
    assert existing.read_text() == "mine\n"
    assert [p.name for p in (tmp_path / "decisions").iterdir()] == ["0001-same.yaml"]


def test_superseding_a_missing_decision_is_a_usage_error(run, tmp_path):
    result = run("new", "decision", "X", "--dir", tmp_path, "--supersedes", "4")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"stakecli: error: no decision 4 in {tmp_path / 'decisions'} to supersede\n"
    )
    assert not (tmp_path / "decisions").exists() or not any((tmp_path / "decisions").iterdir())


def test_an_empty_title_is_a_usage_error(run, tmp_path):
    assert run("new", "decision", "  ", "--dir", tmp_path).exit_code == 2
