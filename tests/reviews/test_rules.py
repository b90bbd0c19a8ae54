"""Review files: every rule failing then passing, the verdict, and the pre-filled agenda."""

import datetime as dt
import textwrap
from pathlib import Path

from stakecli import pipeline
from stakecli.core.config import Config
from stakecli.reviews.model import SuccessMetric
from stakecli.reviews.rules import verdict

REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: pm, name: Pat PM, side: internal, power: 2, legitimacy: 3, urgency: 3, interest: 2}
"""
COMMS = """\
kind: comms
version: 1
ceremonies:
  - id: qbr
    name: Customer QBR
    type: qbr
    audience: [pm]
    owner: pm
    frequency: quarterly
    agenda: [{topic: Outcomes, owner: pm, minutes: 20}]
communications:
  - {id: update, audience: [pm], message: Account update, channel: Email, frequency: monthly,
     owner: pm}
"""
REVIEW = """\
kind: review
version: 1
ceremony: qbr
date: 2026-10-06
goals:
  - {id: retain, outcome: Keep the account, target: no churn}
metrics:
  - id: arr
    name: ARR
    category: revenue
    goal: retain
    values: [{on: 2026-09-30, value: 120000}]
features:
  - id: inbox
    name: Inbox
    released_on: 2026-10-01
    metric:
      metric: Weekly active
      unit: "%"
      target: 40
      set_on: 2026-09-15
      measure_on: 2026-10-15
"""


def project(tmp_path: Path, review: str = REVIEW, comms: str = COMMS) -> Path:
    for name, text in {"stakeholders.yaml": REGISTER, "comms.yaml": comms,
                       "reviews/q3.yaml": review}.items():  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def found(folder, today="2026-10-10"):
    config = Config.model_validate({"engagement": {"today": today}})
    report = pipeline.run([folder], config)
    return [(Path(f.path).name, f.line, f.col, f.code, f.message) for f in report.findings]


def test_a_clean_review(tmp_path):
    assert found(project(tmp_path)) == []


def test_a_figure_older_than_30_days_at_the_review_is_stale(tmp_path):
    folder = project(tmp_path, REVIEW.replace("on: 2026-09-30", "on: 2026-08-31"))
    assert found(folder) == [
        ("q3.yaml", 12, 19, "review.stale-figure",
         "'ARR' was last reported on 2026-08-31, 36 days before the review (2026-10-06); bring "
         "a figure at most 30 days old"),
    ]  # fmt: skip


def test_a_metric_must_measure_one_of_the_goals(tmp_path):
    assert found(project(tmp_path, REVIEW.replace("goal: retain", "goal: retention"))) == [
        ("q3.yaml", 11, 11, "review.unknown-goal",
         "'ARR' measures goal 'retention', which is not among this review's goals (retain)"),
    ]  # fmt: skip


def test_a_released_feature_without_a_metric(tmp_path):
    text = REVIEW.split("    metric:\n")[0]
    assert found(project(tmp_path, text)) == [
        ("q3.yaml", 15, 11, "review.feature-without-metric",
         "'Inbox' was released on 2026-10-01 without a success metric; add `metric:` with the "
         "target set before release"),
    ]  # fmt: skip


def test_a_target_set_after_release(tmp_path):
    assert found(project(tmp_path, REVIEW.replace("set_on: 2026-09-15", "set_on: 2026-10-01"))) == [
        ("q3.yaml", 21, 15, "review.target-after-release",
         "the target of 'Inbox' was set on 2026-10-01, not before its release on 2026-10-01"),
    ]  # fmt: skip


def test_a_metric_without_an_actual_after_its_measurement_date(tmp_path):
    folder = project(tmp_path)
    assert found(folder, "2026-10-15") == []
    assert found(folder, "2026-10-16") == [
        ("q3.yaml", 22, 19, "review.metric-not-measured",
         "'Weekly active' of 'Inbox' was due to be measured on 2026-10-15 and has no `actual` "
         "as of 2026-10-16"),
    ]  # fmt: skip
    measured = REVIEW + "      actual: 37\n      measured_on: 2026-10-15\n"
    assert found(project(tmp_path, measured), "2026-10-16") == []


def test_the_ceremony_must_be_in_the_comms_plan(tmp_path):
    assert found(project(tmp_path, REVIEW.replace("ceremony: qbr", "ceremony: qbrr"))) == [
        ("q3.yaml", 3, 11, "refs.unknown-link",
         "'qbrr' is not in this project's comms (comms.yaml); did you mean 'qbr'?"),
    ]  # fmt: skip


def metric(**changes):
    data = {"metric": "Weekly active", "unit": "%", "target": 40, "set_on": "2026-09-01",
            "measure_on": "2026-10-15", "actual": 37, **changes}  # fmt: skip
    return SuccessMetric.model_validate(data)


def test_the_worked_example_target_40_actual_37_is_not_met():
    assert verdict(metric(), dt.date(2026, 10, 20)) == "not met"
    assert verdict(metric(actual=41), dt.date(2026, 10, 20)) == "met"
    assert verdict(metric(), dt.date(2026, 10, 14)) == "pending"
    assert verdict(metric(actual=None), dt.date(2026, 12, 1)) == "pending"
    assert verdict(metric(comparator="<=", actual=37), dt.date(2026, 10, 20)) == "met"


def test_the_agenda_is_pre_filled_with_the_data(tmp_path, run):
    measured = REVIEW + "      actual: 37\n      measured_on: 2026-10-15\n"
    folder = project(tmp_path, measured)
    result = run("render", folder / "reviews" / "q3.yaml", "--document", "review-agenda")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "# Customer QBR\n" in text
    assert "| 0:00-0:20 | Outcomes | Pat PM |" in text
    assert (
        "**Has anything changed since we agreed these outcomes?** _To ask in the meeting._" in text
    )
    assert "| ARR | 120,000 | 2026-09-30 | — | — | Keep the account |" in text
    assert (
        "| Inbox | 2026-10-01 | Weekly active | ≥ 40 % (2026-09-15) | 37 % (2026-10-15) | pending |"
        in text
    )
