"""Plans without money: BATNA, ZOPA and the recommendation in points; seller-buyer pairs."""

import json
from fractions import Fraction
from pathlib import Path

from negotiation.helpers import DANCE, deal
from stakecli.negotiation import batna, packages, points, views
from stakecli.negotiation.model import Negotiation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def with_positions(positions, **extra):
    plan = deal(DANCE, **extra).model_dump()
    plan["parties"][1]["positions"] = positions
    return Negotiation.model_validate(plan)


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
    assert "Accept the Nash package (P1; D1) (60 points to us)" in lines[1]


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
