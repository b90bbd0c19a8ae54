"""Cadence and overdue arithmetic (docs/methods.md §12.2), including its worked example."""

import datetime as dt

import pytest

from stakecli.core.config import CadenceConfig, Config
from stakecli.engagement import cadence
from stakecli.engagement.model import FollowUp, Interaction, Sentiment, sentiment_of
from stakecli.stakeholders.model import Stakeholder

D = dt.date
SETTINGS = CadenceConfig()


def person(power=5, interest=5, tags=()):
    return Stakeholder(
        id="cfo", name="CFO", side="internal", power=power, legitimacy=3, urgency=3,
        interest=interest, tags=list(tags),
    )  # fmt: skip


def met(on, *who, sentiment=None):
    return Interaction(
        date=on, participants=list(who), type="call", summary="x", sentiment=sentiment
    )


@pytest.mark.parametrize(
    ("today", "overdue_days"), [(D(2025, 3, 15), 0), (D(2025, 3, 16), 1), (D(2025, 3, 20), 5)]
)
def test_the_worked_example_manage_closely_last_contact_march_1(today, overdue_days):
    [state] = cadence.contacts(
        [person()], [met(D(2025, 3, 1), "cfo")], [], SETTINGS, cutoff=3, today=today
    )
    assert state.cadence == cadence.Cadence(14, "strategy:manage-closely")
    assert state.due == D(2025, 3, 15)
    assert state.overdue_days == overdue_days
    assert state.overdue is (overdue_days > 0)


def test_the_worked_example_follow_up_due_march_10():
    follow = FollowUp(action="Send it", owner="pm", due=D(2025, 3, 10))
    assert cadence.follow_up_overdue(follow, D(2025, 3, 10)) == 0
    assert cadence.follow_up_overdue(follow, D(2025, 3, 11)) == 1
    done = follow.model_copy(update={"done_on": D(2025, 3, 12)})
    assert cadence.follow_up_overdue(done, D(2025, 4, 1)) == 0
    no_due = FollowUp(action="Send it", owner="pm")
    assert cadence.follow_up_overdue(no_due, D(2030, 1, 1)) == 0


@pytest.mark.parametrize(
    ("power", "interest", "days", "strategy"),
    [(5, 5, 14, "manage-closely"), (5, 2, 30, "keep-satisfied"), (2, 5, 30, "keep-informed"),
     (2, 2, 90, "monitor"), (3, 3, 90, "monitor")],
)  # fmt: skip
def test_default_cadence_follows_the_grid_strategy(power, interest, days, strategy):
    found = cadence.cadence(person(power, interest), [], SETTINGS, cutoff=3)
    assert found == cadence.Cadence(days, f"strategy:{strategy}")


def test_a_comms_row_naming_the_person_or_their_tag_overrides_and_the_shortest_wins():
    rows = [
        cadence.Channel("monthly-memo", ("cfo",), "monthly"),
        cadence.Channel("weekly-sync", ("leads",), "weekly"),
        cadence.Channel("adhoc", ("cfo",), "ad-hoc"),
        cadence.Channel("other", ("someone",), "daily"),
    ]
    assert cadence.cadence(person(2, 2, ["leads"]), rows, SETTINGS, 3) == cadence.Cadence(
        7, "comms:weekly-sync"
    )
    # even a longer comms cadence overrides the quadrant default (monitor: 90)
    assert cadence.cadence(person(2, 2), rows[:1], SETTINGS, 3).days == 30


def test_the_defaults_are_the_documented_tables():
    assert SETTINGS.strategy_days.model_dump() == {
        "manage_closely": 14, "keep_satisfied": 30, "keep_informed": 30, "monitor": 90,
    }  # fmt: skip
    assert SETTINGS.frequency_days.model_dump() == {
        "daily": 1, "weekly": 7, "fortnightly": 14, "monthly": 30, "quarterly": 91, "yearly": 365,
    }  # fmt: skip
    assert SETTINGS.frequency_days.of("once") is None
    assert SETTINGS.frequency_days.of("ad-hoc") is None
    assert SETTINGS.strategy_days.of("keep-satisfied") == 30


def test_strategy_and_frequency_days_are_configurable_in_the_cadence_section():
    settings = Config.model_validate(
        {"cadence": {"strategy_days": {"manage_closely": 7}, "frequency_days": {"weekly": 5}}}
    ).cadence
    assert cadence.cadence(person(), [], settings, 3) == cadence.Cadence(
        7, "strategy:manage-closely"
    )
    row = cadence.Channel("sync", ("cfo",), "weekly")
    assert cadence.cadence(person(2, 2), [row], settings, 3) == cadence.Cadence(5, "comms:sync")


def test_never_contacted_sorts_first_then_most_overdue():
    people = [person(), person().model_copy(update={"id": "ana"})]
    states = cadence.contacts(people, [met(D(2025, 1, 1), "cfo")], [], SETTINGS, 3, D(2025, 3, 1))
    assert [(s.stakeholder.id, s.never, s.overdue_days) for s in states] == [
        ("ana", True, 0),
        ("cfo", False, 45),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "negative"), (33, "negative"), (34, "neutral"), (66, "neutral"), (67, "positive"),
     (100, "positive"), ("neutral", "neutral"), (None, None)],
)  # fmt: skip
def test_sentiment_scores_map_to_three_bands(value, expected):
    found = sentiment_of(Sentiment(value) if isinstance(value, str) else value)
    assert (found.value if found else None) == expected


def test_falling_compares_the_latest_with_the_first_of_the_window():
    pos, neu, neg = Sentiment.POSITIVE, Sentiment.NEUTRAL, Sentiment.NEGATIVE
    assert cadence.is_falling([pos, neg], 2)
    assert not cadence.is_falling([neg, pos], 2)
    assert not cadence.is_falling([neg, pos, pos], 2)
    assert cadence.is_falling([pos, neu, neu], 3)
    assert not cadence.is_falling([pos], 2)
