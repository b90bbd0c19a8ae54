"""Value beyond price counted in the packages that deliver it."""

import json
from pathlib import Path

from negotiation.helpers import DANCE, deal
from stakecli.negotiation import packages
from stakecli.negotiation.model import Negotiation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def with_positions(positions, **extra):
    plan = deal(DANCE, **extra).model_dump()
    plan["parties"][1]["positions"] = positions
    return Negotiation.model_validate(plan)


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
