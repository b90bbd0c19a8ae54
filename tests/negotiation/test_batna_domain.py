"""DOMAIN.md 8.3 (BATNA, ZOPA, expected values) through the YAML layer and the CLI."""

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
    assert "(agreement possible, nothing to share)" in table.stdout


def test_no_zopa_is_said_in_words(run, write):
    result = run(
        "--color", "never", "negotiation", write("n.yaml", SINGLE.format(rv_s=100, rv_b=90))
    )
    assert (
        "No zone of possible agreement: seller needs at least 100 USD and buyer pays at most"
        in (" ".join(result.stdout.split()))
    )


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


def test_a_proposal_below_our_batna_is_walked_away_from(run, write):
    path = write(
        "lit.yaml", LITIGATION.replace("price: 135000", "price: 90000").replace("135k", "90k")
    )
    data = summary(run, path)
    assert data["recommendation"] == {
        "accept": False,
        "proposal": "settle",
        "value": 90000,
        "batna": "trial",
        "batna_ev": 100000,
    }
    table = run("--color", "never", "negotiation", path)
    assert (
        "Walk away from Settle at 90k: we receive 90,000 USD. Without a deal we would go to "
        "trial, which is expected to bring 100,000 USD."
    ) in " ".join(table.stdout.split())


def test_without_our_alternatives_the_recommendation_is_not_judged(run, write):
    data = summary(run, write("n.yaml", SINGLE.format(rv_s=100, rv_b=120)))
    assert data["recommendation"]["accept"] is None
    assert data["sensitivity"] == []
    assert data["simulation"] is None
