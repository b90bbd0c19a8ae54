"""`stakecli calendar`: an iCalendar file that parses back with icalendar, stable UIDs, RRULEs."""

import datetime as dt

import icalendar
import pytest

from conftest import EXAMPLES
from stakecli.comms import calendar as ics

PROJECT = EXAMPLES / "product-team"


def parsed(data: bytes):
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_the_example_calendar_parses_back_with_its_rrules_and_uids(run, tmp_path):
    target = tmp_path / "team.ics"
    result = run("calendar", PROJECT, "-o", target, "--today", "2026-10-30")
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//stakecli//EN\r\n")
    events = parsed(data)
    assert sorted(events) == [
        "account-update@product-team.stakecli",
        "customer-newsletter@product-team.stakecli",
        "finance-update@product-team.stakecli",
        "initiative-review@product-team.stakecli",
        "qbr-northwind@product-team.stakecli",
        "release-review@product-team.stakecli",
        "weekly-sync@product-team.stakecli",
    ]
    rules = {uid: e["RRULE"].to_ical().decode() for uid, e in events.items()}
    assert rules == {
        "account-update@product-team.stakecli": "FREQ=MONTHLY",
        "customer-newsletter@product-team.stakecli": "FREQ=MONTHLY",
        "finance-update@product-team.stakecli": "FREQ=MONTHLY",
        "initiative-review@product-team.stakecli": "FREQ=MONTHLY;INTERVAL=3",
        "qbr-northwind@product-team.stakecli": "FREQ=MONTHLY;INTERVAL=3",
        "release-review@product-team.stakecli": "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        "weekly-sync@product-team.stakecli": "FREQ=WEEKLY;BYDAY=MO",
    }
    qbr = events["qbr-northwind@product-team.stakecli"]
    assert qbr.decoded("DTSTART") == dt.datetime(2026, 10, 6, 15, 0)
    assert qbr.decoded("DTEND") == dt.datetime(2026, 10, 6, 16, 0)
    assert "- 0:20 Has anything changed since we agreed these outcomes? (Sam Whitfield)" in str(
        qbr["DESCRIPTION"]
    )
    assert "release-review: next 2026-10-30, fortnightly" in result.stdout
    assert "qbr-northwind: next 2027-01-06, quarterly" in result.stdout


def test_the_file_is_byte_stable_across_runs_and_days(run, tmp_path):
    run("calendar", PROJECT, "-o", tmp_path / "a.ics", "--today", "2026-10-30")
    run("calendar", PROJECT, "-o", tmp_path / "b.ics", "--today", "2026-12-24")
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()


def test_an_existing_file_is_not_overwritten_without_force(run, tmp_path):
    target = tmp_path / "team.ics"
    target.write_text("mine")
    assert run("calendar", PROJECT, "-o", target).exit_code == 2
    assert target.read_text() == "mine"


@pytest.mark.parametrize(
    ("start", "frequency", "today", "expected"),
    [
        (dt.date(2026, 10, 2), "fortnightly", dt.date(2026, 10, 3), dt.date(2026, 10, 16)),
        (dt.date(2026, 1, 31), "monthly", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        (dt.date(2026, 10, 6), "quarterly", dt.date(2026, 10, 6), dt.date(2026, 10, 6)),
        (dt.date(2026, 10, 6), "once", dt.date(2026, 10, 7), None),
        (dt.date(2026, 10, 6), "ad-hoc", dt.date(2026, 10, 7), None),
    ],
)
def test_next_date(start, frequency, today, expected):
    assert ics.next_on(start, frequency, today) == expected


def test_write_returns_the_series_and_overwrites_only_when_forced(tmp_path):
    from stakecli import pipeline
    from stakecli.core.errors import UsageError

    workspace, as_of = pipeline.project(PROJECT, today=dt.date(2026, 10, 30))
    series, data = ics.write(workspace, PROJECT, as_of)
    assert sorted(parsed(data)) == sorted(e.uid for e in series)
    assert ics.next_dates(series)[0].startswith(f"{series[0].id}: next ")
    target = tmp_path / "team.ics"
    target.write_text("mine")
    with pytest.raises(UsageError, match="already exists; nothing was written"):
        ics.refuse_overwrite(target, force=False)
    ics.refuse_overwrite(target, force=True)
