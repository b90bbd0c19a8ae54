"""Preparation: 'why' questions per open position, score-only plans, pairs of buyers and sellers,
value beyond price counted, which packages our own side signs, team roles."""

import json
from fractions import Fraction
from pathlib import Path

from test_offers import DANCE, deal

from stakecli.negotiation import batna, coalition, packages, points, questions, records, views
from stakecli.negotiation import frontier as fr
from stakecli.negotiation.documents import brief
from stakecli.negotiation.model import Negotiation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def with_positions(positions, **extra):
    plan = deal(DANCE, **extra).model_dump()
    plan["parties"][1]["positions"] = positions
    return Negotiation.model_validate(plan)


# --- questions --------------------------------------------------------------------------------


def test_each_open_position_gets_the_default_question_forms():
    plan = with_positions(["Price P1"])
    (found,) = questions.open_positions(plan)
    assert found.party == "supplier"
    assert found.questions[0] == 'Why is "Price P1" important to you?'
    assert found.questions[3] == "Why not our proposal; what would make it work?"
    assert len(found.questions) == len(questions.DEFAULT_QUESTIONS) == 8


def test_a_position_with_a_known_interest_gets_no_questions():
    plan = with_positions([{"says": "Price P1", "interests": ["Cash flow"]}, "Delivery D3"])
    assert [o.position for o in questions.open_positions(plan)] == ["Delivery D3"]


def test_the_users_own_questions_follow_the_forms_and_our_proposal_is_named():
    plan = with_positions(
        [{"says": "Price P1", "questions": ["Who set that target?"]}],
        questions=["What if delivery slipped?"],
        proposals=[{"id": "o", "name": "Our offer", "by": "buyer", "price": 5}],
    )
    (found,) = questions.open_positions(plan, ["Why {position}?", "Why not {proposal}?"])
    assert found.questions == (
        'Why "Price P1"?',
        'Why not "Our offer"?',
        "What if delivery slipped?",
        "Who set that target?",
    )


def test_the_brief_holds_the_questions_and_relationship_apart_from_the_issues():
    plan = with_positions(
        ["Price P1"],
        relationship=[
            {"concern": "Trust after the outage", "party": "supplier", "actions": ["Listen"]}
        ],
    )
    context = brief(plan)
    assert context["questions"]["rows"][0][1] == "Price P1"
    assert context["relationship"] == [
        {"concern": "Trust after the outage", "party": "supplier", "actions": ["Listen"]}
    ]


# --- plans without money ----------------------------------------------------------------------


def score_only(**extra):
    plan = deal([], **extra).model_dump(exclude_defaults=True)
    plan["parties"][0]["alternatives"] = [{"id": "escalate", "name": "Escalate", "value": 45}]
    plan["parties"][1]["alternatives"] = [{"id": "wait", "name": "Wait", "value": 45}]
    return Negotiation.model_validate(plan)


def test_a_plan_without_roles_or_prices_is_score_only():
    assert score_only().score_only
    assert not score_only(units="money").score_only


def test_score_only_reservation_defaults_to_the_batna_in_points():
    assert packages.reservation_scores(score_only()) == (45, 45)


def test_score_only_zopa_and_nash_recommendation_in_points():
    # DOMAIN 8.4 with reservation scores 45: acceptable {P1D1, P2D2}; Nash P1D1
    analysis = packages.analyse(score_only())
    zone = points.zopa(analysis)
    assert (zone.count, zone.efficient) == (2, 1)
    assert zone.low == (45, 45)
    assert zone.high == (60, 80)
    rec = points.recommend(score_only(), analysis)
    assert rec.proposal is None
    assert rec.package == {"price": "P1", "delivery": "D1"}
    assert rec.value == 60
    assert rec.accept is True


def test_score_only_summary_speaks_points_not_money():
    data = views.summary(score_only())
    assert data["units"] == "score"
    assert data["sides"][0]["reservation"] == 45
    from stakecli.negotiation import text

    lines = text.headline(data)
    assert "USD" not in " ".join(lines)
    assert lines[0].startswith("ZOPA (package-score points): 2 packages")
    assert "Accept the Nash package price=P1, delivery=D1 (60 points to us)" in lines[1]


def test_score_only_proposals_are_judged_by_score():
    plan = score_only(
        proposals=[{"id": "mid", "name": "Middle", "options": {"price": "P2", "delivery": "D2"}}]
    )
    data = views.summary(plan)
    assert data["proposals"] == [
        {
            "id": "mid",
            "name": "Middle",
            "scores": {"buyer": 50, "supplier": 50},
            "acceptable": {"buyer": True, "supplier": True},
            "verdict": "acceptable to all",
        }
    ]
    assert data["recommendation"]["proposal"] == "mid"


def test_conflicting_kpis_example_has_a_score_only_plan_with_a_recommendation(run):
    result = run("negotiation", EXAMPLES / "conflicting-kpis", "--format", "json")
    data = json.loads(result.stdout)
    assert data["units"] == "score"
    assert data["recommendation"]["accept"] is True
    assert data["proposals"]
    assert "USD" not in run("negotiation", EXAMPLES / "conflicting-kpis").stdout


def test_every_seller_buyer_pair_gets_a_zopa_or_a_reason():
    sides = [
        batna.Side("s1", False, batna.Role.SELLER, (), None, None, Fraction(100), "given", None),
        batna.Side("b1", True, batna.Role.BUYER, (), None, None, Fraction(120), "given", None),
        batna.Side("b2", False, batna.Role.BUYER, (), None, None, None, "unknown", None),
    ]
    pairs = batna.zopas(sides)
    assert [(p.seller, p.buyer) for p in pairs] == [("s1", "b1"), ("s1", "b2")]
    assert (pairs[0].zone.low, pairs[0].zone.high) == (100, 120)
    assert pairs[1].zone is None
    assert pairs[1].reason.startswith("b2 has no reservation value")


# --- value beyond price -----------------------------------------------------------------------


def test_value_items_count_in_the_packages_that_deliver_them():
    plan = deal(
        [],
        value_beyond_price=[
            {"interest": "Speed", "option": "D1", "value": 30, "options": {"delivery": ["D1"]}},
            {
                "interest": "Both",
                "option": "P1 D1",
                "value": 5,
                "options": {"price": ["P1"], "delivery": ["D1"]},
            },
            {"interest": "Free text", "option": "not linked", "value": 1000},
        ],
    )
    assert packages.value_beyond(plan, {"price": "P1", "delivery": "D1"}) == (35, (0, 1))
    assert packages.value_beyond(plan, {"price": "P2", "delivery": "D1"}) == (30, (0,))
    assert packages.value_beyond(plan, {"price": "P2", "delivery": "D2"}) == (0, ())


def test_the_recommendation_counts_value_beyond_price(run):
    data = json.loads(run("negotiation", EXAMPLES / "vendor-renewal", "-f", "json").stdout)
    bundle = next(p for p in data["proposals"] if p["id"] == "three-year-bundle")
    assert bundle["value_beyond"] == 550000
    assert data["recommendation"]["value"] == -4500000 + 550000
    items = data["value_beyond_price"]["items"]
    assert items[0]["delivered_by"] == [
        "finance-ask",
        "split-the-difference",
        "three-year-bundle",
        "fallback",
    ]
    assert items[2]["counted"] is False


# --- our own side -----------------------------------------------------------------------------


STANCES = [
    {"stakeholder": "cfo", "serves": {"price": ["P3"]}, "blocks": {"price": ["P1"]}},
    {"stakeholder": "ops", "serves": {"delivery": ["D1"]}},
]


def test_who_inside_supports_or_blocks_a_package():
    plan = deal([], internal=STANCES)
    found = coalition.verdict(plan, {"price": "P1", "delivery": "D1"})
    assert (found.support, found.block, found.clears) == (("ops",), ("cfo",), False)
    found = coalition.verdict(plan, {"price": "P3", "delivery": "D2"})
    assert (found.support, found.neutral, found.clears) == (("cfo",), ("ops",), True)
    assert coalition.verdict(plan, {"price": "P1", "delivery": "D1"}, "majority").clears is False


def test_frontier_marks_packages_clearing_their_reservation_and_our_coalition():
    plan = deal([], internal=STANCES)
    analysis = packages.analyse(plan)
    marks = coalition.signable(plan, analysis.frontier, (Fraction(0), Fraction(45)))
    by_name = {
        "".join(analysis.space.names(p.package)): m
        for p, m in zip(analysis.frontier.points, marks, strict=True)
    }
    # frontier P3D1 (100,0) P2D1 (80,40) P1D1 (60,80) P1D2 (30,90) P1D3 (0,100); cfo blocks P1
    assert by_name == {"P3D1": False, "P2D1": False, "P1D1": False, "P1D2": False, "P1D3": False}
    marks = coalition.signable(plan, analysis.frontier, (Fraction(0), Fraction(40)))
    assert [m for p, m in zip(analysis.frontier.points, marks, strict=True)] == [
        False,
        True,
        False,
        False,
        False,
    ]
    data = views.package_summary(plan)
    assert data["frontier"]["signable"] == 2  # reservation 0: P3D1 and P2D1
    assert data["proposals"] == []
    assert coalition.signable(deal([]), analysis.frontier, (0, 0)) is None


def test_frontier_json_marks_signable_points(run):
    data = json.loads(run("frontier", EXAMPLES / "vendor-renewal", "-f", "json").stdout)
    assert all("signable" in p for p in data["frontier"]["points"])
    assert data["frontier"]["signable"] == sum(p["signable"] for p in data["frontier"]["points"])
    assert data["proposals"][0]["inside"]["support"]


def test_offer_data_is_json_ready():
    data = records.offer_data(deal(DANCE))
    assert data["offers"][2]["concession"] == 20
    assert data["reciprocity"] == {"buyer": 0.5, "supplier": 2}
    json.dumps(data)


def test_frontier_points_from_integers_equal_the_fraction_view():
    plan = deal([])
    analysis = packages.analyse(plan)
    front = analysis.frontier
    fast = views.frontier_points(front, range(len(front)))
    slow = [
        {**views._point(front.space, p.scores, p.package), "count": p.count} for p in front.points
    ]
    assert fast == slow
    assert isinstance(front, fr.Frontier)
