"""Every interactions, interviews, journey and link rule: failing, then passing."""

import textwrap
from pathlib import Path

import pytest

from stakecli import pipeline
from stakecli.core.config import Config

REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - id: cfo
    name: Carla CFO
    side: internal
    power: 5
    legitimacy: 3
    urgency: 3
    interest: 5
    owner: pm
  - id: pm
    name: Pat PM
    side: internal
    power: 2
    legitimacy: 3
    urgency: 3
    interest: 2
"""

LOG = """\
kind: interactions
version: 1
interactions:
  - date: 2025-03-01
    participants: [cfo, pm]
    type: meeting
    summary: Kick-off
    sentiment: positive
    follow_ups:
      - {action: Send the plan, owner: pm, due: 2025-03-10}
"""


def at(today):
    return Config.model_validate({"engagement": {"today": today}})


def project(tmp_path: Path, **files: str) -> Path:
    files = {"stakeholders.yaml": REGISTER, **files}
    for name, text in files.items():
        path = tmp_path / name.replace("__", "/")
        path = path if path.suffix else path.with_suffix(".yaml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def found(folder, config=None, code=None):
    report = pipeline.run([folder], config or Config())
    return [
        (Path(f.path).name, f.line, f.col, f.code, f.message)
        for f in report.findings
        if code is None or f.code.startswith(code)
    ]


def test_overdue_follow_up_on_the_day_after_it_was_due(tmp_path):
    folder = project(tmp_path, interactions__march=LOG)
    assert found(folder, at("2025-03-10"), "interactions.overdue-follow-up") == []
    assert found(folder, at("2025-03-11"), "interactions.overdue-follow-up") == [
        ("march.yaml", 10, 49, "interactions.overdue-follow-up",
         "follow-up 'Send the plan' (pm) was due 2025-03-10, 1 day before 2025-03-11; do it "
         "or set `done_on:`"),
    ]  # fmt: skip
    done = LOG.replace("due: 2025-03-10}", "due: 2025-03-10, done_on: 2025-03-09}")
    assert (
        found(
            project(tmp_path, interactions__march=done), at("2025-04-01"), "interactions.overdue-f"
        )
        == []
    )


def test_a_follow_up_without_due_is_linted_and_never_overdue(tmp_path):
    folder = project(tmp_path, interactions__march=LOG.replace(", due: 2025-03-10", ""))
    assert found(folder, at("2025-03-05"), "interactions.follow-up") == [
        ("march.yaml", 10, 18, "interactions.follow-up-no-due",
         "follow-up 'Send the plan' (pm) has no `due:` date, so it can never be overdue; add one"),
    ]  # fmt: skip
    assert (
        found(project(tmp_path, interactions__march=LOG), at("2025-03-05"), "interactions.f") == []
    )


def test_overdue_contact_is_reported_at_the_stakeholder_from_the_strategy_cadence(tmp_path):
    folder = project(tmp_path, interactions__march=LOG)
    assert found(folder, at("2025-03-15"), "interactions.overdue-contact") == []
    assert found(folder, at("2025-03-16"), "interactions.overdue-contact") == [
        ("stakeholders.yaml", 4, 9, "interactions.overdue-contact",
         "'cfo' (Carla CFO) was last contacted on 2025-03-01, 15 days before 2025-03-16; "
         "cadence 14 days (strategy manage-closely): overdue by 1 day"),
    ]  # fmt: skip


def test_a_comms_row_sets_the_cadence_of_the_people_it_names(tmp_path):
    comms = """\
    kind: comms
    version: 1
    communications:
      - {id: weekly, audience: [pm], message: Status, channel: Email, frequency: weekly, owner: cfo}
    """
    folder = project(tmp_path, interactions__march=LOG, comms=comms)
    assert found(folder, at("2025-03-09"), "interactions.overdue-contact") == [
        ("stakeholders.yaml", 12, 9, "interactions.overdue-contact",
         "'pm' (Pat PM) was last contacted on 2025-03-01, 8 days before 2025-03-09; cadence "
         "7 days (comms row weekly): overdue by 1 day"),
    ]  # fmt: skip


def test_never_contacted_when_no_interaction_lists_them(tmp_path):
    folder = project(tmp_path, interactions__march=LOG.replace("[cfo, pm]", "[cfo]"))
    assert found(folder, at("2025-03-02"), "interactions.never") == [
        ("stakeholders.yaml", 12, 9, "interactions.never-contacted",
         "'pm' (Pat PM) is in no interaction of the logs; cadence 90 days (strategy monitor); "
         "log the first contact"),
    ]  # fmt: skip
    assert (
        found(project(tmp_path, interactions__march=LOG), at("2025-03-02"), "interactions.n") == []
    )


def test_several_log_files_count_together(tmp_path):
    one = LOG.replace("[cfo, pm]", "[cfo]")
    two = LOG.replace("[cfo, pm]", "[pm]").replace("2025-03-01", "2025-03-05")
    folder = project(tmp_path, interactions__a=one, interactions__b=two)
    assert found(folder, at("2025-03-06"), "interactions.never") == []


def test_a_key_players_falling_sentiment_is_flagged_at_the_latest_contact(tmp_path):
    later = """\
      - date: 2025-03-08
        participants: [cfo]
        type: call
        summary: Budget pushback
        sentiment: 20
    """
    folder = project(
        tmp_path, interactions__march=LOG + textwrap.indent(textwrap.dedent(later), "  ")
    )
    assert found(folder, at("2025-03-09"), "interactions.falling") == [
        ("march.yaml", 15, 16, "interactions.falling-sentiment",
         "key player 'cfo' went from positive (2025-03-01) to negative (2025-03-08); plan a "
         "conversation with their owner"),
    ]  # fmt: skip
    steady = LOG + textwrap.indent(textwrap.dedent(later.replace("20\n", "80\n")), "  ")
    assert (
        found(project(tmp_path, interactions__march=steady), at("2025-03-09"), "interactions.f")
        == []
    )


def test_participants_must_be_register_ids(tmp_path):
    folder = project(tmp_path, interactions__march=LOG.replace("[cfo, pm]", "[cfo, pmm]"))
    assert found(folder, at("2025-03-02"), "refs") == [
        ("march.yaml", 5, 25, "refs.unknown-id", "'pmm' is in no register; did you mean 'pm'?"),
    ]


INTERVIEWS = """\
kind: interviews
version: 1
interviews:
  - id: int-01
    date: 2025-03-03
    interviewee: cfo
    interviewers: [pm]
    job: Approving the budget
    named_people:
      - {name: Dana Reyes, role: Finance approver, relation: decides}
  - id: int-02
    date: 2025-03-24
    interviewee: cfo
    interviewers: [pm]
    job: Approving the budget
"""


def test_a_named_person_in_no_register_is_a_possible_hidden_stakeholder(tmp_path):
    folder = project(tmp_path, interviews__march=INTERVIEWS)
    assert found(folder, at("2025-03-25"), "interviews.unregistered") == [
        ("march.yaml", 10, 16, "interviews.unregistered-person",
         "'Dana Reyes', Finance approver (decides), named in 'int-01', is in no register: a "
         "possible hidden stakeholder; register them (hidden: true, discovered.interview: "
         "int-01) and set `stakeholder:`"),
    ]  # fmt: skip
    named = INTERVIEWS.replace("relation: decides}", "relation: decides, stakeholder: cfo}")
    assert found(project(tmp_path, interviews__march=named), at("2025-03-25"), "interviews.u") == []
    by_name = INTERVIEWS.replace("Dana Reyes", "Pat PM")
    assert (
        found(project(tmp_path, interviews__march=by_name), at("2025-03-25"), "interviews.u") == []
    )


def test_weeks_without_an_interview_are_one_finding_per_gap(tmp_path):
    folder = project(tmp_path, interviews__march=INTERVIEWS)
    assert found(folder, at("2025-03-25"), "interviews.cadence") == [
        ("march.yaml", 5, 11, "interviews.cadence-gap",
         "no customer interview in 2 weeks, 2025-W11 to 2025-W12 (2025-03-10 to 2025-03-23); "
         "the practice is at least 1 a week"),
    ]  # fmt: skip
    # the current week is not over, so it is never a gap
    assert found(folder, at("2025-03-10"), "interviews.cadence") == []
    off = Config.model_validate({"engagement": {"today": "2025-03-25", "interviews_per_week": 0}})
    assert found(folder, off, "interviews.cadence") == []


def test_interview_ids_are_unique_across_the_projects_files(tmp_path):
    folder = project(tmp_path, interviews__a=INTERVIEWS, interviews__b=INTERVIEWS)
    assert [f[:4] for f in found(folder, at("2025-03-05"), "interviews.duplicate")] == [
        ("b.yaml", 4, 9, "interviews.duplicate-id"),
        ("b.yaml", 11, 9, "interviews.duplicate-id"),
    ]


JOURNEY = """\
kind: journey
version: 1
actor: Buyer
scenario: Buying the product
stages:
  - id: buy
    name: Buy
    touchpoints:
      - {name: Quote, owner: pm, people: [cfo], score: 2}
    backstage:
      - {actor: cfo, action: Approves the PO}
  - id: use
    name: Use
    touchpoints:
      - {name: Onboarding}
"""


def test_journey_rules_empty_stage_touchpoint_without_owner(tmp_path):
    folder = project(tmp_path, **{"journey.yaml": JOURNEY})
    assert found(folder, at("2025-03-05"), "journey") == [
        ("journey.yaml", 13, 11, "journey.empty-stage",
         "stage 'Use' has nobody at it; list the `people` at its touchpoints or the `backstage` "
         "actors (who approves, pays, supports?)"),
        ("journey.yaml", 15, 16, "journey.no-owner",
         "touchpoint 'Onboarding' (Use) has no `owner` on our side"),
    ]  # fmt: skip
    fixed = JOURNEY.replace("{name: Onboarding}", "{name: Onboarding, owner: pm, people: [pm]}")
    assert found(project(tmp_path, **{"journey.yaml": fixed}), at("2025-03-05"), "journey") == []


def test_an_unregistered_backstage_actor_and_a_duplicate_stage(tmp_path):
    text = JOURNEY.replace("actor: cfo", "actor: Finance approver").replace("id: use", "id: buy")
    assert [f[:4] for f in found(project(tmp_path, **{"journey.yaml": text}), code="journey")] == [
        ("journey.yaml", 11, 17, "journey.unregistered-actor"),
        ("journey.yaml", 12, 9, "journey.duplicate-stage"),
        ("journey.yaml", 13, 11, "journey.empty-stage"),
        ("journey.yaml", 15, 16, "journey.no-owner"),
    ]


@pytest.mark.parametrize("score", [0, 6, 2.5])
def test_journey_scores_outside_1_to_5_are_schema_errors(tmp_path, score):
    folder = project(tmp_path, **{"journey.yaml": JOURNEY.replace("score: 2", f"score: {score}")})
    assert [f[3] for f in found(folder, code="schema")] in (
        ["schema.out-of-range"],
        ["schema.type"],
        ["schema.invalid"],
    )


HIDDEN = (
    REGISTER
    + """\
  - id: dana
    name: Dana Reyes
    side: external
    power: 4
    legitimacy: 4
    urgency: 3
    interest: 2
    hidden: true
    discovered: {method: interview, interview: int-09, journey_stage: renew}
"""
)


def test_a_hidden_stakeholders_interview_and_stage_must_exist(tmp_path):
    folder = project(
        tmp_path,
        **{"stakeholders.yaml": HIDDEN, "interviews.yaml": INTERVIEWS, "journey.yaml": JOURNEY},
    )
    assert found(folder, at("2025-03-05"), "refs") == [
        ("stakeholders.yaml", 27, 48, "refs.unknown-link",
         "'int-09' is not in this project's interviews (interviews.yaml); did you mean 'int-02'?"),
        ("stakeholders.yaml", 27, 71, "refs.unknown-link",
         "'renew' is not in this project's journey (journey.yaml)"),
    ]  # fmt: skip
    fixed = HIDDEN.replace("int-09", "int-01").replace("journey_stage: renew", "journey_stage: Buy")
    folder = project(tmp_path, **{"stakeholders.yaml": fixed})
    assert found(folder, at("2025-03-05"), "refs") == []


def test_links_are_not_checked_without_files_of_that_kind(tmp_path):
    assert found(project(tmp_path, **{"stakeholders.yaml": HIDDEN}), code="refs") == []
