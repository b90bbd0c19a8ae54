"""`stakecli engagement`: who haven't we talked to, in the terminal, JSON and Markdown."""

import json

from conftest import EXAMPLES

PROJECT = EXAMPLES / "product-team"


def test_the_example_is_up_to_date_as_of_its_pinned_day(run):
    result = run("engagement", PROJECT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "as of 2026-10-30"
    assert "0 of 10 stakeholders overdue or never contacted; 0 follow-ups overdue" in result.stderr


def test_json_as_of_a_later_day_shows_who_is_overdue(run):
    result = run("engagement", PROJECT, "--today", "2026-11-20", "-f", "json")
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-20"
    first = data["contacts"][0]
    assert first == {
        "id": "cs-lead", "name": "Tom Alvarez", "side": "internal", "hidden": False,
        "cadence_days": 7, "cadence_from": "comms:weekly-sync", "last_contact": "2026-10-27",
        "days_since": 24, "due": "2026-11-03", "overdue": True, "overdue_days": 17,
        "never_contacted": False, "sentiment": "positive",
    }  # fmt: skip
    assert data["open_follow_ups"] == [
        {"action": "Draft the Q1 funding case", "owner": "pm", "owner_name": "Leo Brandt",
         "due": "2026-11-06", "promised_on": "2026-10-27", "overdue_days": 14},
    ]  # fmt: skip


def test_markdown_lists_every_stakeholder(run):
    text = run("engagement", PROJECT, "--today", "2026-11-20", "-f", "markdown").stdout
    assert text.startswith("# Who haven't we talked to (as of 2026-11-20)\n")
    assert "| Sam Whitfield | overdue 9 d | 2026-10-28 | 2026-11-11 |" in text
    assert "| Draft the Q1 funding case | Leo Brandt | 2026-11-06 | 14 days |" in text


def test_validate_takes_the_date_from_today(run):
    assert run("validate", "--strict", PROJECT).exit_code == 0
    late = run("validate", PROJECT, "--today", "2026-11-20")
    assert "[interactions.overdue-contact] 'nw-ops' (Sam Whitfield)" in late.stdout
    assert "[interactions.overdue-follow-up]" in late.stdout


def test_a_file_instead_of_a_folder_is_a_usage_error(run):
    result = run("engagement", PROJECT / "journey.yaml")
    assert result.exit_code == 2
    assert "is not a folder" in result.stderr
