"""Rules at the table: located findings with their messages (codes are in the rules' CASES)."""

import textwrap

from stakecli import pipeline
from stakecli.core.config import Config

PLAN = """
kind: negotiation
version: 1
title: Table
parties:
  - id: buyer
    us: true
    role: buyer
    reservation: 110
    weights: {price: 1}
    scores: {price: {p1: 0, p2: 100}}
  - id: seller
    role: seller
    weights: {price: 1}
    scores: {price: {p1: 100, p2: 0}}
issues:
  - id: price
    name: Price
    tradeable: false
    options: [{id: p1, name: P1}, {id: p2, name: P2}]
roles: [good-cop]
team:
  - {id: buyer, role: good-cop}
  - {id: seller, role: bad-cop}
offers:
  - {round: 1, by: buyer, price: 100, package: {price: p2}}
  - {round: 2, by: buyer, price: 105, package: {price: p1}}
  - {round: 3, by: buyer, price: 120, package: {price: p9}}
"""


def findings(tmp_path, text=PLAN):
    path = tmp_path / "negotiation.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    report = pipeline.run([path], Config())
    return {
        f.code: (f.line, f.col, f.message) for f in report.findings if f.code != "refs.no-register"
    }


def test_the_table_rules_point_at_the_offer_with_a_clear_message(tmp_path):
    found = findings(tmp_path)
    assert found["negotiation.unknown-role"] == (
        23,
        24,
        "role 'bad-cop' of 'seller' is not a team role; add it to `roles` or use one of lead, "
        "analyst, note-taker, executive-sponsor, relationship-owner, subject-expert, approver, "
        "observer",
    )
    assert found["negotiation.concession-not-for-trade"] == (
        26,
        56,
        "our offer in round 2 concedes on 'price' (p2 -> p1), an issue the plan marks not for "
        "trade",
    )
    assert found["negotiation.offer-below-reservation"] == (
        27,
        5,
        "our offer in round 3 is worse for us than our reservation (price 120 beyond our "
        "reservation value); we would do better walking away",
    )
    assert found["negotiation.unknown-option"][:2] == (27, 56)
    # offer 2 concedes (score and money), offer 3 concedes again (money) with no reply between
    assert found["negotiation.unanswered-concession"] == (
        27,
        5,
        "our offer in round 3 is a second concession in a row without a counter-offer; hold "
        "and let silence work until the other side moves",
    )


def test_a_role_the_plan_adds_is_accepted(tmp_path):
    text = PLAN.replace("roles: [good-cop]", "roles: [good-cop, bad-cop]")
    assert "negotiation.unknown-role" not in findings(tmp_path, text)
