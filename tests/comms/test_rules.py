"""Communication-plan rules, each shown failing and then passing."""

import copy

import pytest

from helpers import PLAN, REGISTER, codes, put
from stakecli.comms.model import CommsPlan
from stakecli.comms.rules import coverage, is_key
from stakecli.core.config import Config, GridConfig
from stakecli.stakeholders.attention import Settings
from stakecli.stakeholders.model import Register


def plan(**changes):
    data = copy.deepcopy(PLAN)
    for path, value in changes.items():
        *keys, last = path.split("__")
        target = data
        for key in keys:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value
    return data


def folder_with(tmp_path, data, register=REGISTER):
    put(tmp_path, "stakeholders.yaml", register)
    put(tmp_path, "comms.yaml", data)
    return tmp_path


def test_a_valid_plan_has_no_findings(tmp_path):
    assert codes(folder_with(tmp_path, plan())) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"communications__0__owner": "zed"}, ("communications", 0, "owner")),
        ({"communications__0__approver": "zed"}, ("communications", 0, "approver")),
        ({"ceremonies__0__owner": "zed"}, ("ceremonies", 0, "owner")),
        ({"ceremonies__0__agenda__0__owner": "zed"}, ("ceremonies", 0, "agenda", 0, "owner")),
        ({"escalation__0__contact": "zed"}, ("escalation", 0, "contact")),
    ],
)
def test_people_must_be_in_the_register(tmp_path, change, expected):
    assert codes(folder_with(tmp_path, plan(**change))) == [
        ("comms.unknown-person", "comms.yaml", expected)
    ]


def test_an_audience_is_an_id_or_a_tag(tmp_path):
    found = codes(
        folder_with(tmp_path / "a", plan(communications__0__audience=["leads", "ghosts"]))
    )
    assert found == [("comms.unknown-audience", "comms.yaml", ("communications", 0, "audience", 1))]
    assert (
        codes(folder_with(tmp_path / "b", plan(communications__0__audience=["leads", "bo"]))) == []
    )


def test_ids_are_unique_across_rows_and_ceremonies(tmp_path):
    found = codes(folder_with(tmp_path, plan(ceremonies__0__id="weekly")))
    assert found == [("comms.duplicate-id", "comms.yaml", ("ceremonies", 0, "id"))]


def test_a_key_stakeholder_no_one_reaches_is_uncovered(tmp_path):
    found = codes(folder_with(tmp_path / "a", plan(communications__0__audience=["bo"])))
    assert found == [("comms.uncovered", "comms.yaml", ("communications",))]
    # reaching Ana by her id instead of her tag also covers her
    assert codes(folder_with(tmp_path / "b", plan(communications__0__audience=["ana"]))) == []


def test_the_uncovered_message_names_the_stakeholder(tmp_path):
    from stakecli import pipeline

    report = pipeline.run([folder_with(tmp_path, plan(communications__0__audience=["bo"]))])
    assert report.findings[0].message.startswith(
        "'ana' (Ana Lima) is a stakeholder to manage closely"
    )
    assert report.findings[0].line == 4  # the `communications` key of the JSON-style file


def test_key_stakeholders_follow_the_grid_cut_off_of_the_register_analysis(tmp_path):
    folder = folder_with(tmp_path, plan(communications__0__audience=["ana"]))
    assert codes(folder) == []  # at the default cut-off 3, only Ana (5/5) is key
    lenient = Config(grid=GridConfig(cutoff=1))
    # above 1, Bo (2/2) and Cy (2/2) are key too; Cy is in the QBR audience, Bo in nothing
    found = codes(folder, lenient)
    assert ("comms.uncovered", "comms.yaml", ("communications",)) in found


def test_coverage_lists_what_reaches_each_key_stakeholder():
    register = Register.model_validate(REGISTER)
    result = coverage(CommsPlan.model_validate(PLAN), register.stakeholders, Settings())
    assert [(c.stakeholder.id, c.reached_by) for c in result] == [("ana", ("weekly",))]
    assert is_key(register.stakeholders[0], Settings())
    assert not is_key(register.stakeholders[1], Settings())


def test_a_definitive_stakeholder_with_low_interest_is_key():
    person = (
        Register.model_validate(REGISTER)
        .stakeholders[0]
        .model_copy(update={"interest": 1, "urgency": 4})
    )
    assert is_key(person, Settings())  # power 5, legitimacy 5, urgency 4: definitive
    assert not is_key(person.model_copy(update={"urgency": 3}), Settings())


def test_a_plan_is_checked_against_its_own_folders_register(tmp_path):
    folder_with(tmp_path / "a", plan())
    zoe = {**REGISTER["stakeholders"][0], "id": "zoe", "owner": "bo"}
    other = {**REGISTER, "stakeholders": [zoe, REGISTER["stakeholders"][1]]}
    put(tmp_path / "b", "stakeholders.yaml", other)
    # validating both folders in one run: Zoe (key, in b) is not a gap in a's plan
    assert codes(tmp_path) == []
