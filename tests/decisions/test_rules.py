"""Every decision rule: a file that breaks it, and the fix that makes the finding go away."""

import datetime as dt

import pytest

from helpers import codes, decision, project, put
from stakecli.core.config import Config, DecisionsConfig
from stakecli.decisions import rules as decision_rules


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(decision_rules, "today", lambda: dt.date(2026, 2, 1))


def test_a_valid_decision_has_no_findings(tmp_path):
    assert codes(project(tmp_path, decision())) == []


@pytest.mark.parametrize(
    ("broken", "fixed", "expected"),
    [
        (
            decision(status="superseded"),
            None,
            ("decision.superseded-without-link", "0001-d1.yaml", ("status",)),
        ),
        (
            decision(outcome={"chosen": "C", "rationale": "x"}),
            decision(outcome={"chosen": "B", "rationale": "x"}),
            ("decision.unknown-option", "0001-d1.yaml", ("outcome", "chosen")),
        ),
        (
            decision(outcome=None),
            decision(outcome=None, status="proposed", date="2026-01-20"),
            ("decision.missing-outcome", "0001-d1.yaml", ("status",)),
        ),
        (
            decision(consulted=["ana", "nobody"]),
            decision(consulted=["ana", "bo"]),
            ("refs.unknown-id", "0001-d1.yaml", ("consulted", 1)),
        ),
        (
            decision(stances=[{"stakeholder": "zed", "position": "p", "interest": "i"}]),
            decision(stances=[{"stakeholder": "bo", "position": "p", "interest": "i"}]),
            ("refs.unknown-id", "0001-d1.yaml", ("stances", 0, "stakeholder")),
        ),
        (
            decision(review_by="2026-01-31"),
            decision(review_by="2026-02-01"),
            ("decision.review-overdue", "0001-d1.yaml", ("review_by",)),
        ),
        (
            decision(status="proposed", outcome=None, date="2025-12-31"),
            decision(status="proposed", outcome=None, date="2026-01-02"),
            ("decision.stale-proposal", "0001-d1.yaml", ("status",)),
        ),
        (
            decision(supersedes=[1]),
            decision(supersedes=[]),
            ("decision.link-invalid", "0001-d1.yaml", ("supersedes", 0)),
        ),
    ],
    ids=lambda v: v[0] if isinstance(v, tuple) else None,
)
def test_a_single_file_rule_fires_and_its_fix_clears_it(tmp_path, broken, fixed, expected):
    assert expected in codes(project(tmp_path / "broken", broken))
    if fixed is not None:
        assert codes(project(tmp_path / "fixed", fixed)) == []


def test_a_superseded_link_needs_the_superseded_status(tmp_path):
    old = decision(1, superseded_by=2)
    new = decision(2, supersedes=[1])
    assert codes(project(tmp_path / "a", old, new)) == [
        ("decision.link-without-status", "0001-d1.yaml", ("superseded_by",))
    ]
    old["status"] = "superseded"
    assert codes(project(tmp_path / "b", old, new)) == []


def test_supersedes_must_be_mirrored_by_superseded_by(tmp_path):
    old = decision(1)
    new = decision(2, supersedes=[1])
    assert codes(project(tmp_path / "a", old, new)) == [
        ("decision.link-one-way", "0002-d2.yaml", ("supersedes", 0))
    ]
    old.update(status="superseded", superseded_by=2)
    assert codes(project(tmp_path / "b", old, new)) == []


def test_superseded_by_must_be_mirrored_by_supersedes(tmp_path):
    old = decision(1, status="superseded", superseded_by=2)
    new = decision(2)
    assert codes(project(tmp_path / "a", old, new)) == [
        ("decision.link-one-way", "0001-d1.yaml", ("superseded_by", 0))
    ]


def test_links_to_missing_decisions_are_invalid(tmp_path):
    found = codes(
        project(tmp_path, decision(1, status="superseded", superseded_by=7, supersedes=[5]))
    )
    assert ("decision.link-invalid", "0001-d1.yaml", ("superseded_by", 0)) in found
    assert ("decision.link-invalid", "0001-d1.yaml", ("supersedes", 0)) in found


def test_the_number_must_match_the_file_name(tmp_path):
    put(tmp_path, "stakeholders.yaml", {"kind": "stakeholders", "version": 1})
    put(tmp_path, "decisions/0002-wrong.yaml", decision(deciders=[]))
    put(tmp_path / "b", "decisions/no-number.yaml", decision(deciders=[]))
    assert sorted(codes(tmp_path)) == [
        ("decision.number-mismatch", "0002-wrong.yaml", ("number",)),
        ("decision.number-mismatch", "no-number.yaml", ("number",)),
    ]


def test_numbers_are_unique_in_a_folder(tmp_path):
    project(tmp_path, decision(1))
    put(tmp_path, "decisions/0001-again.yaml", decision(1))
    assert codes(tmp_path) == [("decision.duplicate-number", "0001-d1.yaml", ("number",))]


def test_the_proposal_age_limit_is_configurable(tmp_path):
    folder = project(tmp_path, decision(status="proposed", outcome=None, date="2026-01-20"))
    assert codes(folder) == []
    strict = Config(decisions=DecisionsConfig(max_proposed_days=5))
    assert codes(folder, strict) == [("decision.stale-proposal", "0001-d1.yaml", ("status",))]


def test_a_closed_decision_is_not_due_for_review(tmp_path):
    old = decision(1, status="superseded", superseded_by=2, review_by="2025-01-01")
    assert codes(project(tmp_path, old, decision(2, supersedes=[1]))) == []


def test_without_a_register_people_are_not_resolved_and_the_decision_says_so(tmp_path):
    assert codes(project(tmp_path, decision(deciders=["nobody"]), register=False)) == [
        ("refs.no-register", "0001-d1.yaml", ())
    ]


def test_people_resolve_against_the_decisions_own_project(tmp_path):
    project(tmp_path / "a", decision(deciders=["zoe"]))
    put(
        tmp_path / "b",
        "stakeholders.yaml",
        {
            "kind": "stakeholders",
            "version": 1,
            "stakeholders": [
                {
                    "id": "zoe",
                    "name": "Zoe",
                    "side": "internal",
                    "power": 1,
                    "legitimacy": 1,
                    "urgency": 1,
                    "interest": 1,
                },
            ],
        },
    )
    assert codes(tmp_path) == [("refs.unknown-id", "0001-d1.yaml", ("deciders", 0))]


def test_an_accepted_decision_without_consequences_is_a_finding(tmp_path):
    assert codes(project(tmp_path / "a", decision(consequences=None))) == [
        ("decision.no-consequences", "0001-d1.yaml", ("status",))
    ]
    proposed = decision(consequences=None, status="proposed", outcome=None, date="2026-01-20")
    assert codes(project(tmp_path / "b", proposed)) == []


def test_a_proposed_successor_leaves_the_old_decision_in_force(tmp_path):
    old = decision(1)
    new = decision(2, status="proposed", outcome=None, date="2026-01-20", supersedes=[1])
    assert codes(project(tmp_path / "a", old, new)) == []
    old.update(status="superseded", superseded_by=2)
    assert codes(project(tmp_path / "b", old, new)) == [
        ("decision.superseded-early", "0001-d1.yaml", ("superseded_by", 0))
    ]


def test_a_decision_may_have_several_successors(tmp_path):
    old = decision(1, status="superseded", superseded_by=[2, 3])
    assert (
        codes(project(tmp_path, old, decision(2, supersedes=[1]), decision(3, supersedes=[1])))
        == []
    )


def test_amends_links_are_mirrored_once_the_amendment_is_accepted(tmp_path):
    amended = decision(1)
    amendment = decision(2, amends=[1])
    assert codes(project(tmp_path / "a", amended, amendment)) == [
        ("decision.link-one-way", "0002-d2.yaml", ("amends", 0))
    ]
    amended["amended_by"] = [2]
    assert codes(project(tmp_path / "b", amended, amendment)) == []
    assert codes(project(tmp_path / "c", decision(1, amends=[9]))) == [
        ("decision.link-invalid", "0001-d1.yaml", ("amends", 0))
    ]
