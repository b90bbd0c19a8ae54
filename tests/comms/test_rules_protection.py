"""Comms plans that protect what they send (DOMAIN.md 5.3) and reach people as often as their
grid strategy asks (DOMAIN.md 2.1)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from helpers import PLAN, REGISTER, put
from stakecli import pipeline
from stakecli.core.config import CadenceConfig, CommsConfig, Config
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


@pytest.mark.parametrize("frequency", ["monthly", "quarterly", "ad-hoc", "once"])
def test_a_key_player_reached_less_than_fortnightly_is_a_warning(tmp_path, frequency):
    assert run(tmp_path, row(frequency=frequency)) == [
        (
            "comms.cadence",
            "warning",
            12,
            20,
            f"'ana' (Ana Lima) is to manage closely, which asks for fortnightly contact, but "
            f"the most frequent communication reaching them, 'weekly', is {frequency}; add a "
            "more frequent one",
        )
    ]


def test_the_most_frequent_communication_is_what_counts(tmp_path):
    data = row()
    data["communications"].append({**data["communications"][0], "id": "monthly"})
    data["communications"][1]["frequency"] = "monthly"
    assert run(tmp_path, data) == []


def test_the_cadence_each_strategy_asks_for_is_configurable(tmp_path):
    relaxed = Config(comms=CommsConfig(cadence=CadenceConfig(manage_closely="quarterly")))
    assert run(tmp_path / "a", row(frequency="monthly"), relaxed) == []
    strict = validate_config({"comms": {"cadence": {"monitor": "monthly"}}}, Path("c.yaml"))
    # Cy (power and interest 2: monitor) hears from the plan only at the quarterly QBR.
    found = [
        (c, line, m.split(" is ")[0]) for c, _, line, _, m in run(tmp_path / "b", row(), strict)
    ]
    assert found == [("comms.cadence", 25, "'cy' (Cy Park)")]


def test_comms_key_score_is_gone_with_a_pointer_to_the_shared_settings(tmp_path):
    with pytest.raises(ConfigError) as caught:
        validate_config({"comms": {"key_score": 4}}, Path("c.yaml"))
    assert "`comms.key_score` was removed" in str(caught.value)
    assert "`grid.cutoff`" in str(caught.value)
