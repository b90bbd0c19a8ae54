"""`stakecli import adr`: MADR and adr-tools logs become decision records that validate."""

from __future__ import annotations

import shutil
from pathlib import Path

from stakecli.core.loading import Document, load
from stakecli.decisions.model import Decision

LOGS = Path(__file__).resolve().parent / "logs"
REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: cfo, name: Dana Whitfield, side: internal, power: 5, legitimacy: 5, urgency: 4,
     interest: 4, owner: eng}
  - {id: eng, name: Sam Okafor, side: internal, power: 3, legitimacy: 4, urgency: 4,
     interest: 5, owner: cfo}
"""


def decision(path: Path) -> Decision:
    doc = load(path)
    assert isinstance(doc, Document), doc
    return Decision.model_validate(doc.data)


def test_a_madr_log_starting_at_0000_imports_and_validates(run, tmp_path):
    (tmp_path / "stakeholders.yaml").write_text(REGISTER)
    result = run("import", "adr", LOGS / "madr", "--into", tmp_path)
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "decisions"
    assert result.stdout.splitlines() == [
        str(folder / "0000-use-markdown-architectural-decision-records.yaml"),
        str(folder / "0001-use-postgresql-for-orders.yaml"),
        str(folder / "0002-use-managed-postgresql.yaml"),
    ]
    zero, one, two = (decision(p) for p in sorted(folder.iterdir()))
    assert (zero.number, zero.status.value, zero.date.isoformat()) == (0, "accepted", "2024-01-15")
    assert zero.deciders == ["cfo", "eng"]  # names matched to the register
    assert zero.sections["Consulted"] == "Priya Raman"  # not in the register: kept, reported
    assert zero.outcome is not None
    assert zero.outcome.chosen == "MADR 4.0.0 – The Markdown Architectural Decision Records"  # noqa: RUF001
    assert zero.consequences.good == ["decisions are easy to find in the repository."]
    assert zero.sections["Confirmation"].startswith("Every pull request")
    assert zero.sections["More Information"].startswith("The template lives")
    assert (one.status.value, one.superseded_by, one.tags) == (
        "superseded", [2], ["database", "orders"],
    )  # fmt: skip
    assert one.drivers == ["Strong consistency for payments", "The team knows SQL"]
    postgres = next(o for o in one.options if o.name == "PostgreSQL")
    assert (postgres.pros, postgres.cons) == (["it is ACID"], ["scaling writes needs sharding"])
    assert one.consequences.neutral == ["we run one more stateful service."]
    assert one.sections["Validation"] == "Load test at 2x peak before launch."
    assert (two.status.value, two.supersedes) == ("accepted", [1])
    assert run("validate", "--strict", tmp_path).exit_code == 0


def test_what_could_not_be_mapped_is_reported_per_file_and_line(run, tmp_path):
    result = run("import", "adr", LOGS / "madr", "--into", tmp_path)
    assert result.exit_code == 0, result.stderr
    source = LOGS / "madr"
    lines = result.stderr.splitlines()
    assert {"adr.unmapped", "adr.skipped"} <= {
        line.split("[")[1].split("]")[0] for line in lines if "[" in line
    }
    assert (
        f"{source / '0000-use-markdown-architectural-decision-records.md'}:5: info "
        "[adr.unmapped] Priya Raman (consulted) are in no register; kept in "
        "`sections.Consulted`: add them to the register, then to `consulted`"
    ) in lines
    assert (
        f"{source / '0001-use-postgresql-for-orders.md'}:46: info [adr.unmapped] section "
        "'Validation' has no field; kept in `sections`"
    ) in lines
    assert (
        f"{source / 'README.md'}:1: warning [adr.skipped] no NNNN- number in the file name: "
        "not a decision record, not imported"
    ) in lines


def test_an_adr_tools_log_imports_with_its_links(run, tmp_path):
    result = run("import", "adr", LOGS / "adr-tools", "--into", tmp_path)
    assert result.exit_code == 0, result.stderr
    one, two, three, four = (decision(p) for p in sorted((tmp_path / "decisions").iterdir()))
    assert (one.number, one.title, one.status.value, one.date.isoformat()) == (
        1, "Record architecture decisions", "accepted", "2018-03-12",
    )  # fmt: skip
    assert one.outcome is not None
    assert one.outcome.rationale.startswith("We will use Architecture Decision Records")
    assert (two.status.value, two.superseded_by, two.amended_by) == ("superseded", [4], [3])
    assert (three.amends, four.supersedes) == ([2], [2])
    assert two.consequences.neutral == [
        "Partners can use any HTTP client.", "Chatty clients make several calls per screen.",
    ]  # fmt: skip
    assert three.sections == {"Compliance": "The API gateway rejects paths without a version."}
    assert run("validate", "--strict", tmp_path).exit_code == 0


def test_a_superseded_by_a_proposed_successor_stays_in_force(run, tmp_path):
    log = tmp_path / "log"
    shutil.copytree(LOGS / "adr-tools", log)
    path = log / "0004-use-graphql-for-the-public-api.md"
    path.write_text(path.read_text().replace("## Status\n\nAccepted", "## Status\n\nProposed"))
    result = run("import", "adr", log, "--into", tmp_path / "p")
    assert result.exit_code == 0, result.stderr
    two = decision(tmp_path / "p/decisions/0002-use-rest-for-the-public-api.yaml")
    assert (two.status.value, two.superseded_by) == ("accepted", [])
    assert run("validate", tmp_path / "p").exit_code == 0


def test_existing_records_are_never_overwritten(run, tmp_path):
    target = tmp_path / "decisions" / "0001-record-architecture-decisions.yaml"
    target.parent.mkdir()
    target.write_text("# mine\n")
    result = run("import", "adr", LOGS / "adr-tools", "--into", tmp_path)
    assert result.exit_code == 2
    assert target.read_text() == "# mine\n"
    assert "already exists; nothing was written" in result.stderr


def test_statuses_are_case_insensitive_and_zero_is_a_number(write, run):
    path = write("decisions/0000-first.yaml", """\
        kind: decision
        version: 1
        number: 0
        title: First
        status: Proposed
        date: 2099-01-01
        context: Why.
        """)  # fmt: skip
    result = run("validate", path.parent)
    assert result.exit_code == 0, result.stdout
