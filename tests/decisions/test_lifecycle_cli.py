"""`stakecli decision status|list`: the lifecycle enforced, links followed, listeners named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from stakecli.decisions import log

REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: cfo, name: Dana Whitfield, side: internal, power: 5, legitimacy: 5, urgency: 4,
     interest: 4, owner: pm, tags: [leadership]}
  - {id: pm, name: Sam Okafor, side: internal, power: 3, legitimacy: 4, urgency: 4,
     interest: 5, owner: cfo}
  - {id: legal, name: Lee Park, side: internal, power: 2, legitimacy: 4, urgency: 2,
     interest: 2}
  - {id: sales, name: Ria Das, side: internal, power: 2, legitimacy: 3, urgency: 2,
     interest: 3}
  - {id: board, name: The Board, type: group, side: internal, power: 5, legitimacy: 5,
     urgency: 2, interest: 2, owner: cfo, tags: [leadership]}
"""
RACI = """\
kind: raci
version: 1
rows:
  - id: pick-vendor
    name: Pick the vendor
    assign: {cfo: A, pm: R, legal: C, sales: I}
"""
COMMS = """\
kind: comms
version: 1
communications:
  - {id: exec-brief, audience: [leadership], message: Decisions taken, channel: email,
     frequency: weekly, owner: pm}
"""


def record(number: int, status: str, extra: str = "") -> str:
    return (
        f"# Decision {number}\nkind: decision\nversion: 1\nnumber: {number}\n"
        f"title: Decision {number}\nstatus: {status}  # keep this comment\n"
        "date: 2026-01-10\ndeciders: [cfo]\ncontext: Why.\n"
        "options:\n  - {name: A}\n  - {name: B}\n"
        "outcome: {chosen: A, rationale: cheaper.}\n"
        "consequences: {good: [lower cost]}\n" + extra
    )


def project(tmp_path: Path, *decisions: tuple[str, str]) -> Path:
    (tmp_path / "stakeholders.yaml").write_text(REGISTER)
    (tmp_path / "raci.yaml").write_text(RACI)
    (tmp_path / "comms.yaml").write_text(COMMS)
    folder = tmp_path / "decisions"
    folder.mkdir()
    for name, text in decisions:
        (folder / name).write_text(text)
    return tmp_path


def test_accepting_a_successor_supersedes_the_old_one_and_keeps_every_other_byte(run, tmp_path):
    old = record(1, "accepted")
    new = record(2, "proposed", "supersedes: [1]\n")
    root = project(tmp_path, ("0001-a.yaml", old), ("0002-b.yaml", new))
    result = run("decision", "status", "2", "accepted", "--dir", root)
    assert result.exit_code == 0, result.stderr
    today = dt.date.today().isoformat()
    assert (root / "decisions/0001-a.yaml").read_text() == old.replace(
        "status: accepted  # keep this comment\n",
        "status: superseded  # keep this comment\nsuperseded_by: 2\n",
    ).replace("date: 2026-01-10", f"date: {today}")
    assert (root / "decisions/0002-b.yaml").read_text() == new.replace(
        "status: proposed", "status: accepted"
    ).replace("date: 2026-01-10", f"date: {today}")
    assert run("validate", "--strict", root).exit_code == 0


def test_a_second_successor_is_added_not_replaced(run, tmp_path):
    root = project(
        tmp_path,
        ("0001-a.yaml", record(1, "superseded", "superseded_by: 2\n")),
        ("0002-b.yaml", record(2, "accepted", "supersedes: [1]\n")),
        ("0003-c.yaml", record(3, "proposed", "supersedes: [1]\n")),
    )
    assert run("decision", "status", "3", "accepted", "--dir", root).exit_code == 0
    assert "superseded_by: [2, 3]\n" in (root / "decisions/0001-a.yaml").read_text()
    assert run("validate", "--strict", root).exit_code == 0


def test_accepting_an_amendment_records_amended_by(run, tmp_path):
    root = project(
        tmp_path,
        ("0001-a.yaml", record(1, "accepted")),
        ("0002-b.yaml", record(2, "proposed", "amends: [1]\n")),
    )
    result = run("decision", "status", "2", "accepted", "--dir", root)
    assert result.exit_code == 0, result.stderr
    text = (root / "decisions/0001-a.yaml").read_text()
    assert "status: accepted  # keep this comment\namended_by: 2\n" in text
    assert run("validate", "--strict", root).exit_code == 0


def test_the_lifecycle_is_enforced(run, tmp_path):
    root = project(
        tmp_path,
        ("0001-a.yaml", record(1, "accepted")),
        (
            "0002-b.yaml",
            record(2, "proposed").replace("outcome: {chosen: A, rationale: cheaper.}\n", ""),
        ),
    )
    cases = [
        (["1", "proposed"], "decision 1 is accepted; it can become deprecated, not proposed"),
        (["1", "accepted"], "decision 1 is already accepted"),
        (["1", "superseded"], "a decision is superseded when its successor is accepted"),
        (["2", "accepted"], "decision 2 has no `outcome:`; record the chosen option and why"),
        (["7", "accepted"], "no decision 7 in"),
    ]
    for args, message in cases:
        result = run("decision", "status", *args, "--dir", root)
        assert result.exit_code == 2, args
        assert message in result.stderr
    assert run("decision", "status", "2", "rejected", "--dir", root).exit_code == 0
    assert run("decision", "status", "2", "proposed", "--dir", root).exit_code == 0


def test_a_status_change_says_who_must_hear_about_it(run, tmp_path):
    extra = "raci: pick-vendor\nconsulted: [pm]\n"
    root = project(tmp_path, ("0001-a.yaml", record(1, "proposed", extra)))
    result = run("decision", "status", "1", "accepted", "--dir", root)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1:] == [
        "who must hear about decision 1 (accepted):",
        "  legal  C in RACI row 'pick-vendor' (Lee Park)",
        "  sales  I in RACI row 'pick-vendor' (Ria Das)",
        "  pm     consulted on the record (Sam Okafor)",
        "  cfo    audience of comms 'exec-brief' (weekly) (Dana Whitfield)",
        "  board  audience of comms 'exec-brief' (weekly) (The Board)",
    ]


def test_list_filters_by_status_tag_decider_and_date(run, tmp_path):
    root = project(
        tmp_path,
        ("0000-a.yaml", record(0, "accepted", "tags: [pricing]\n")),
        ("0001-b.yaml", record(1, "proposed").replace("2026-01-10", "2026-03-01")),
        ("0002-c.yaml", record(2, "Rejected", "tags: [pricing, legal]\n").replace("[cfo]", "[pm]")),
    )

    def numbers(*args: str) -> list[str]:
        result = run("decision", "list", "--dir", root, *args)
        assert result.exit_code == 0, result.stderr
        return [line[:4] for line in result.stdout.splitlines()[1:]]  # below the header

    assert numbers() == ["0000", "0001", "0002"]
    assert numbers("--status", "accepted", "--status", "rejected") == ["0000", "0002"]
    assert numbers("--tag", "pricing") == ["0000", "0002"]
    assert numbers("--decider", "pm") == ["0002"]
    assert numbers("--since", "2026-02-01") == ["0001"]
    assert numbers("--until", "2026-02-01") == ["0000", "0002"]
    header, line = run("decision", "list", "--dir", root, "--tag", "legal").stdout.splitlines()
    assert header.split() == ["no.", "status", "date", "decision", "decided", "by", "tags"]
    assert line.split("  ") == ["0002", "rejected", "2026-01-10", "Decision 2", "Sam Okafor",
                                "pricing, legal"]  # fmt: skip


def test_edit_keeps_every_byte_outside_the_changed_lines():
    text = "# head\nkind: decision\nstatus: proposed   # why\nlist:\n  - a\n  - b\n\n# tail\n"
    edited = log.edit(text, {"status": "accepted", "list": "[c]", "new": "1"})
    assert (
        edited == "# head\nkind: decision\nstatus: accepted   # why\nnew: 1\nlist: [c]\n\n# tail\n"
    )
