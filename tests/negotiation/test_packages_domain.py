"""DOMAIN.md 8.4 packages, frontier and Nash ties through the YAML layer and the CLI."""

import json

import pytest


def packages(run, path):
    result = run("negotiation", "packages", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


BUYER_SUPPLIER = """
kind: negotiation
version: 1
title: Buyer and supplier
parties:
  - id: buyer
    us: true
    reservation_score: 45
{buyer}
  - id: supplier
    reservation_score: 45
{supplier}
issues:
  - id: price
    name: Price
    options: [{{id: P1, name: P1}}, {{id: P2, name: P2}}, {{id: P3, name: P3}}]
  - id: delivery
    name: Delivery
    options: [{{id: D1, name: D1}}, {{id: D2, name: D2}}, {{id: D3, name: D3}}]
proposals:
  - {{id: split, name: Split, by: buyer, options: {{price: P2, delivery: D2}}}}
  - {{id: trade, name: Trade, by: buyer, options: {{price: P1, delivery: D1}}}}
"""
NORMALISED = {
    "buyer": """    weights: {price: 0.4, delivery: 0.6}
    scores: {price: {P1: 0, P2: 50, P3: 100}, delivery: {D1: 100, D2: 50, D3: 0}}""",
    "supplier": """    weights: {price: 0.8, delivery: 0.2}
    scores: {price: {P1: 100, P2: 50, P3: 0}, delivery: {D1: 0, D2: 50, D3: 100}}""",
}
RAW_POINTS = {  # Raiffa's raw points: weights are range / total (40/100, 60/100; 80/100, 20/100)
    "buyer": "    points: {price: {P1: 0, P2: 20, P3: 40}, delivery: {D1: 60, D2: 30, D3: 0}}",
    "supplier": "    points: {price: {P1: 80, P2: 40, P3: 0}, delivery: {D1: 0, D2: 10, D3: 20}}",
}


def short(point):
    return point["package"]["price"] + point["package"]["delivery"]


@pytest.mark.parametrize("form", [NORMALISED, RAW_POINTS], ids=["normalised", "raw-points"])
def test_buyer_supplier_packages_match_domain_8_4(run, write, form):
    data = packages(run, write("bs.yaml", BUYER_SUPPLIER.format(**form)))
    assert data["space_size"] == 9
    assert {
        short(p): (p["scores"]["buyer"], p["scores"]["supplier"]) for p in data["proposals"]
    } == {
        "P2D2": (50, 50),
        "P1D1": (60, 80),
    }
    assert {short(p) for p in data["frontier"]["points"]} == {
        "P1D1",
        "P1D2",
        "P1D3",
        "P2D1",
        "P3D1",
    }
    assert data["frontier"]["size"] == 5
    assert {short(p) for p in data["acceptable"]["packages"]} == {"P1D1", "P2D2"}
    assert data["acceptable"]["count"] == 2
    assert data["nash"]["product"] == 525
    assert [short(p) for p in data["nash"]["solutions"]] == ["P1D1"]
    assert data["nash"]["tie"] is False
    assert short(data["compromise"]) == "P2D2"
    assert [short(p) for p in data["logroll"]["best"]] == ["P1D1"]
    assert data["logroll"]["joint_gain"] == 40
    assert data["logroll"]["integrative_potential"] == 40
    efficient = {p["id"]: p["efficient"] for p in data["proposals"]}
    assert efficient == {"split": False, "trade": True}


def test_frontier_command_is_the_packages_command(run, write):
    path = write("bs.yaml", BUYER_SUPPLIER.format(**NORMALISED))
    assert (
        run("frontier", path, "-f", "json").stdout
        == run("negotiation", "packages", path, "-f", "json").stdout
    )


TIE = """
kind: negotiation
version: 1
title: A tie
parties:
  - id: us
    us: true
    weights: {deal: 1}
    scores: {deal: {a: 60, b: 40}}
  - id: them
    weights: {deal: 1}
    scores: {deal: {a: 40, b: 60}}
issues:
  - id: deal
    name: Deal
    options: [{id: a, name: A}, {id: b, name: B}]
"""


def test_nash_ties_are_all_reported(run, write):
    data = packages(run, write("tie.yaml", TIE))
    assert data["nash"]["product"] == 2400
    assert data["nash"]["tie"] is True
    assert sorted(p["package"]["deal"] for p in data["nash"]["solutions"]) == ["a", "b"]
    table = run("--color", "never", "frontier", write("tie.yaml", TIE))
    assert (
        "Nash solution: the package with the largest product of both sides' gains over the "
        "reservation scores (us 0, them 0), a tie"
    ) in table.stdout
