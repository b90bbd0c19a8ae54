"""DOMAIN.md 8.3 and 8.4 through the YAML layer and the CLI's JSON output."""

import json

import pytest

SINGLE = """
kind: negotiation
version: 1
title: Single issue
parties:
  - id: seller
    role: seller
    reservation: {rv_s}
  - id: buyer
    us: true
    role: buyer
    reservation: {rv_b}
proposals:
  - {{id: at-110, name: At 110, price: 110}}
"""


def summary(run, path, *extra):
    result = run("negotiation", path, "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def packages(run, path):
    result = run("negotiation", "packages", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_zopa_100_to_120_has_surplus_20_split_10_and_10_at_110(run, write):
    data = summary(run, write("n.yaml", SINGLE.format(rv_s=100, rv_b=120)))
    assert data["zopa"] == {
        "seller": "seller",
        "buyer": "buyer",
        "low": 100,
        "high": 120,
        "exists": True,
        "surplus": 20,
        "gap": 0,
        "fair_price": 110,
    }
    (proposal,) = data["proposals"]
    assert proposal["surplus"] == {"seller": 10, "buyer": 10}
    assert proposal["verdict"] == "acceptable to all"


def test_buyer_90_seller_100_has_no_zopa_and_a_gap_of_10(run, write):
    data = summary(run, write("n.yaml", SINGLE.format(rv_s=100, rv_b=90)))
    assert data["zopa"]["exists"] is False
    assert data["zopa"]["gap"] == 10
    assert data["zopa"]["surplus"] == 0
    assert data["proposals"][0]["verdict"] == "rejected by buyer"


def test_equal_reservation_values_mean_agreement_possible_with_zero_surplus(run, write):
    path = write("n.yaml", SINGLE.format(rv_s=110, rv_b=110))
    data = summary(run, path)
    assert data["zopa"]["exists"] is True
    assert data["zopa"]["surplus"] == 0
    assert data["proposals"][0]["surplus"] == {"seller": 0, "buyer": 0}
    table = run("--color", "never", "negotiation", path)
    assert "agreement possible, zero surplus" in table.stdout


def test_no_zopa_is_said_in_words(run, write):
    result = run(
        "--color", "never", "negotiation", write("n.yaml", SINGLE.format(rv_s=100, rv_b=90))
    )
    assert "No ZOPA: gap of 10" in result.stdout


PIE = """
kind: negotiation
version: 1
title: Split the pie
deal_value: 12
parties:
  - id: alice
    us: true
    alternatives: [{id: alone, name: Alone, value: 4}]
  - id: bob
    alternatives: [{id: alone, name: Alone, value: 2}]
"""


def test_split_the_pie_12_with_batnas_4_and_2_gives_alice_7_and_bob_5(run, write):
    data = summary(run, write("pie.yaml", PIE))
    assert data["split_the_pie"] == {"deal_value": 12, "pie": 6, "shares": {"alice": 7, "bob": 5}}


LITIGATION = """
kind: negotiation
version: 1
title: Settlement
parties:
  - id: plaintiff
    us: true
    role: seller
    alternatives:
      - id: trial
        name: Go to trial
        outcomes:
          - {name: win, probability: 0.6, value: 250000, cost: 50000}
          - {name: lose, probability: 0.4, value: 0, cost: 50000}
  - id: defendant
    role: buyer
    alternatives:
      - id: trial
        name: Go to trial
        outcomes:
          - {name: zero verdict, probability: 0.6, value: 0, cost: 70000}
          - {name: pay, probability: 0.4, value: -250000, cost: 70000}
proposals:
  - {id: settle, name: Settle at 135k, price: 135000}
"""


def test_litigation_evs_give_settlement_zone_100k_to_170k(run, write):
    data = summary(run, write("lit.yaml", LITIGATION))
    plaintiff, defendant = data["sides"]
    assert plaintiff["batna_ev"] == 100_000
    assert plaintiff["reservation"] == 100_000
    assert plaintiff["reservation_source"] == "batna"
    assert defendant["batna_ev"] == -170_000
    assert defendant["reservation"] == 170_000
    assert defendant["watna_value"] == -320_000
    assert defendant["watna_outcome"] == "pay"
    assert (data["zopa"]["low"], data["zopa"]["high"]) == (100_000, 170_000)


def test_litigation_break_even_win_probability_is_0_74(run, write):
    data = summary(run, write("lit.yaml", LITIGATION))
    rows = {row["estimate"]: row for row in data["sensitivity"]}
    assert data["recommendation"]["accept"] is True
    assert rows["outcomes[win].probability"]["break_even"] == pytest.approx(0.74)
    assert rows["outcomes[lose].probability"]["break_even"] == pytest.approx(0.26)
    # EV = 0.6 (v - 50,000) - 20,000 = 135,000 at v = 308,333.33
    assert rows["outcomes[win].value"]["break_even"] == pytest.approx(308_333.3333333)


def test_probabilities_not_summing_to_1_are_an_error_at_the_outcomes_list(run, write):
    path = write(
        "lit.yaml", LITIGATION.replace("probability: 0.4, value: 0", "probability: 0.3, value: 0")
    )
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)["findings"]
    (finding,) = [f for f in found if f["severity"] == "error"]
    assert [f["code"] for f in found if f["severity"] != "error"] == ["refs.no-register"]
    assert finding["code"] == "negotiation.probabilities"
    assert (finding["line"], finding["col"]) == (12, 11)  # the plaintiff's outcomes list
    assert "sum to 0.9" in finding["message"]
    analysis = run("negotiation", path)
    assert analysis.exit_code == 1
    assert "negotiation.probabilities" in analysis.stderr


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
    assert "Nash solution (max product of gains over the reservation scores): tie" in table.stdout


def test_a_proposal_below_our_batna_is_walked_away_from(run, write):
    path = write("lit.yaml", LITIGATION.replace("price: 135000", "price: 90000"))
    data = summary(run, path)
    assert data["recommendation"] == {
        "accept": False,
        "proposal": "settle",
        "value": 90000,
        "batna": "trial",
        "batna_ev": 100000,
    }
    table = run("--color", "never", "negotiation", path)
    assert "Walk away from settle (worth 90,000 USD to us) against our BATNA trial" in table.stdout


def test_without_our_alternatives_the_recommendation_is_not_judged(run, write):
    data = summary(run, write("n.yaml", SINGLE.format(rv_s=100, rv_b=120)))
    assert data["recommendation"]["accept"] is None
    assert data["sensitivity"] == []
    assert data["simulation"] is None
