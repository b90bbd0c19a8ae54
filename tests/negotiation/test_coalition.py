"""Which packages our own side will sign: stances, verdicts, signable frontier points."""

import json
from fractions import Fraction
from pathlib import Path

from negotiation.helpers import DANCE, deal
from stakecli.negotiation import coalition, packages, records, views
from stakecli.negotiation import frontier as fr
from stakecli.negotiation import space as pspace
from stakecli.negotiation.model import Negotiation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def with_positions(positions, **extra):
    plan = deal(DANCE, **extra).model_dump()
    plan["parties"][1]["positions"] = positions
    return Negotiation.model_validate(plan)


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


def test_acceptable_packages_from_integers_equal_the_fraction_view():
    plan = deal([])
    analysis = packages.analyse(plan)
    sp = analysis.space
    fast = views.package_points(analysis.frontier, analysis.acceptable_packages)
    slow = [views._point(sp, pspace.package_scores(sp, k), k) for k in analysis.acceptable_packages]
    assert fast == slow
    assert len(fast) == 9
