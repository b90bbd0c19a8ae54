"""Comms plans that protect what they send (DOMAIN.md 5.3) and reach people as often as their
grid strategy asks (DOMAIN.md 2.1)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from helpers import PLAN, REGISTER, put
from stakecli import pipeline
from stakecli.core.config import Config
from stakecli.core.config import validate as validate_config
from stakecli.core.errors import ConfigError


def row(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(PLAN)
    data["communications"][0].update(changes)
    return data


def run(folder: Path, data: dict[str, Any], config: Config | None = None) -> list[Any]:
    put(folder, "stakeholders.yaml", REGISTER)
    put(folder, "comms.yaml", data)
    report = pipeline.run([folder], config or Config())
    return [(f.code, f.severity.value, f.line, f.col, f.message) for f in report.findings]


def test_a_confidential_row_without_an_approver_is_an_error(tmp_path):
    assert run(tmp_path / "a", row(confidential=True)) == [
        (
            "comms.no-approver",
            "error",
            14,
            23,
            "'weekly' is confidential but names no approver; add `approver:` (who authorises "
            "releasing it)",
        )
    ]
    assert run(tmp_path / "b", row(confidential=True, approver="ana")) == []


def test_a_confidential_row_to_an_external_stakeholder_is_an_error(tmp_path):
    found = run(tmp_path, row(confidential=True, approver="ana", audience=["leads", "cy"]))
    assert found == [
        (
            "comms.confidential-external",
            "error",
            9,
            9,
            "'weekly' is confidential but its audience 'cy' reaches external stakeholder 'cy' "
            "(Cy Park); address it to internal people only, or make it not confidential",
        )
    ]


def test_a_tag_held_by_an_external_stakeholder_reaches_outside(tmp_path):
    register = copy.deepcopy(REGISTER)
    register["stakeholders"][2]["tags"] = ["partners"]
    put(tmp_path, "stakeholders.yaml", register)
    put(
        tmp_path, "comms.yaml", row(confidential=True, approver="ana", audience=["ana", "partners"])
    )
    (finding,) = pipeline.run([tmp_path], Config()).findings
    assert (finding.code, finding.loc) == (
        "comms.confidential-external",
        ("communications", 0, "audience", 1),
    )


def test_an_external_audience_is_fine_for_a_row_that_is_not_confidential(tmp_path):
    assert run(tmp_path, row(audience=["leads", "cy"])) == []


@pytest.mark.parametrize(
    ("frequency", "every"),
    [("monthly", "every 30 days"), ("quarterly", "every 91 days"), ("ad-hoc", "does not recur"),
     ("once", "does not recur")],
)  # fmt: skip
def test_a_key_player_reached_less_than_every_14_days_is_a_warning(tmp_path, frequency, every):
    assert run(tmp_path, row(frequency=frequency)) == [
        (
            "comms.cadence",
            "warning",
            12,
            20,
            f"'ana' (Ana Lima) is to manage closely, which asks for contact at least every 14 "
            f"days, but the most frequent communication reaching them, 'weekly', is "
            f"{frequency} ({every}); add a more frequent one",
        )
    ]


def test_fortnightly_meets_manage_closely_at_exactly_14_days(tmp_path):
    assert run(tmp_path, row(frequency="fortnightly")) == []


def test_the_most_frequent_communication_is_what_counts(tmp_path):
    data = row()
    data["communications"].append({**data["communications"][0], "id": "monthly"})
    data["communications"][-1]["frequency"] = "monthly"
    assert run(tmp_path, data) == []


def without_partner_news() -> dict[str, Any]:
    """The plan reaching Cy (power and interest 2: monitor) only at the quarterly QBR."""
    data = row()
    del data["communications"][1]
    return data


def test_monitor_asks_for_90_days_so_a_quarterly_qbr_alone_is_slower(tmp_path):
    assert run(tmp_path, without_partner_news()) == [
        (
            "comms.cadence",
            "warning",
            25,
            20,
            "'cy' (Cy Park) is to monitor, which asks for contact at least every 90 days, but "
            "the most frequent communication reaching them, 'qbr', is quarterly (every 91 "
            "days); add a more frequent one",
        )
    ]


def test_the_days_each_strategy_asks_for_are_configurable(tmp_path):
    relaxed = validate_config(
        {"cadence": {"strategy_days": {"manage_closely": 30, "monitor": 91}}}, Path("c.yaml")
    )
    assert relaxed.cadence.strategy_days.manage_closely == 30
    assert run(tmp_path / "a", row(frequency="monthly"), relaxed) == []
    assert run(tmp_path / "b", without_partner_news(), relaxed) == []
    strict = validate_config({"cadence": {"strategy_days": {"monitor": 29}}}, Path("c.yaml"))
    found = [
        (c, line, m.split(" is ")[0]) for c, _, line, _, m in run(tmp_path / "c", row(), strict)
    ]
    assert found == [("comms.cadence", 22, "'cy' (Cy Park)")]  # monthly partner news: 30 > 29


def test_the_days_of_a_frequency_word_are_configurable_and_shared(tmp_path):
    # a month of 14 days makes the monthly row meet manage closely
    short = validate_config({"cadence": {"frequency_days": {"monthly": 14}}}, Path("c.yaml"))
    assert run(tmp_path, row(frequency="monthly"), short) == []


def test_comms_key_score_is_gone_with_a_pointer_to_the_shared_settings(tmp_path):
    with pytest.raises(ConfigError) as caught:
        validate_config({"comms": {"key_score": 4}}, Path("c.yaml"))
    assert "`comms.key_score` was removed" in str(caught.value)
    assert "`grid.cutoff`" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "removed", "replacement"),
    [
        ({"comms": {"cadence": {"monitor": "monthly"}}}, "`comms.cadence`",
         "`cadence.strategy_days`"),
        ({"engagement": {"cadence_days": {"monitor": 60}}}, "`engagement.cadence_days`",
         "`cadence.strategy_days`"),
        ({"engagement": {"frequency_days": {"monthly": 31}}}, "`engagement.frequency_days`",
         "`cadence.frequency_days`"),
    ],
)  # fmt: skip
def test_the_removed_cadence_settings_name_their_replacement(data, removed, replacement):
    with pytest.raises(ConfigError) as caught:
        validate_config(data, Path("c.yaml"))
    message = str(caught.value)
    assert message.startswith(f"c.yaml: {next(iter(data))}: {removed} was removed")
    assert replacement in message
