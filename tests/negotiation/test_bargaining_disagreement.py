"""Which Nash: the disagreement point d under `disagreement: reservation | worst | zero`."""

import json
from fractions import Fraction

import pytest

from stakecli.negotiation import bargaining as bg
from stakecli.negotiation.space import Space

ONE_ISSUE = """
kind: negotiation
version: 1
title: One issue, three options
{disagreement}
parties:
  - id: buyer
    us: true
    reservation_score: 58
    weights: {{term: 1}}
    scores: {{term: {{a: 100, b: 60, c: 40}}}}
  - id: supplier
    weights: {{term: 1}}
    scores: {{term: {{a: 10, b: 50, c: 100}}}}
issues:
  - id: term
    name: Term
    options: [{{id: a, name: A}}, {{id: b, name: B}}, {{id: c, name: C}}]
"""


def packages(run, path):
    result = run("negotiation", "packages", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("line", "convention", "point", "product", "solution"),
    [
        # d = (58, 0): only a (100, 10) and b (60, 50) have u >= d; 42*10 = 420 > 2*50 = 100
        ("", "reservation", {"buyer": 58, "supplier": 0}, 420, "a"),
        ("disagreement: reservation", "reservation", {"buyer": 58, "supplier": 0}, 420, "a"),
        # d = each party's worst package (40, 10): b gives 20*40 = 800; a and c give 0
        ("disagreement: worst", "worst", {"buyer": 40, "supplier": 10}, 800, "b"),
        # d = (0, 0): c gives 40*100 = 4000 > b 3000 > a 1000
        ("disagreement: zero", "zero", {"buyer": 0, "supplier": 0}, 4000, "c"),
    ],
)
def test_the_nash_point_under_each_convention(
    run, write, line, convention, point, product, solution
):
    data = packages(run, write("plan.yaml", ONE_ISSUE.format(disagreement=line)))
    assert data["disagreement"] == {"convention": convention, "point": point}
    assert data["nash"]["product"] == product
    assert [p["package"]["term"] for p in data["nash"]["solutions"]] == [solution]
    # the acceptable set is the reservation ZOPA whatever the convention
    assert data["reservation_scores"] == {"buyer": 58, "supplier": 0}
    assert [p["package"]["term"] for p in data["acceptable"]["packages"]] == ["a", "b"]


def test_the_frontier_table_says_which_d_it_used(run, write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the title on one line
    path = write("plan.yaml", ONE_ISSUE.format(disagreement="disagreement: worst"))
    result = run("--color", "never", "frontier", path)
    assert (
        "Nash solution: the package with the largest product of both sides' gains over each "
        "party's worst package (buyer 40, supplier 10)"
    ) in result.stdout


def test_domain_8_4_nash_is_p1d1_with_525_over_45_45_and_4800_over_zero():
    # Buyer 0.4 price (0, 50, 100) + 0.6 delivery (100, 50, 0); supplier 0.8 / 0.2 mirrored.
    space = Space(
        parties=("buyer", "supplier"),
        issues=("price", "delivery"),
        options=(("P1", "P2", "P3"), ("D1", "D2", "D3")),
        scores=(
            ((0, 80), (20, 40), (40, 0)),
            ((60, 0), (30, 10), (0, 20)),
        ),
    )
    from stakecli.negotiation.frontier import frontier

    front = frontier(space)
    for convention, value in (("reservation", 525), ("zero", 4800), ("worst", 4800)):
        d = bg.disagreement_point(space, (45, 45), convention)
        solved = bg.nash(front, d)
        assert (solved.value, [p.scores for p in solved.points]) == (value, [(60, 80)])
    assert bg.worst_scores(space) == (Fraction(0), Fraction(0))


def test_worst_scores_sum_each_partys_own_worst_options():
    space = Space(
        parties=("a", "b"),
        issues=("x", "y"),
        options=(("x1", "x2"), ("y1", "y2")),
        scores=(((10, 30), (20, 5)), ((3, 7), (1, 9))),
    )
    assert bg.worst_scores(space) == (11, 12)  # a: 10 + 1; b: 5 + 7
    with pytest.raises(ValueError, match="unknown disagreement convention 'nash'"):
        bg.disagreement_point(space, (0, 0), "nash")


def test_an_unknown_convention_is_a_located_schema_error(run, write):
    path = write("plan.yaml", ONE_ISSUE.format(disagreement="disagreement: median"))
    result = run("validate", path, "--format", "json")
    (finding,) = [
        f for f in json.loads(result.stdout)["findings"] if f["code"].startswith("schema")
    ]
    assert (finding["code"], finding["line"], finding["col"]) == ("schema.invalid-choice", 4, 15)
