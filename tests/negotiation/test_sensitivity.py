"""Seeded simulation of uncertain BATNAs, and break-even sensitivity."""

import json
from fractions import Fraction

import pytest

from stakecli.negotiation import batna, sensitivity
from stakecli.negotiation.model import Negotiation

RANGED = """
kind: negotiation
version: 1
title: Uncertain alternative
parties:
  - id: us
    us: true
    role: seller
    alternatives:
      - id: other-buyer
        name: Another buyer
        range: {low: 0, high: 100}
  - id: them
    role: buyer
    reservation: 200
proposals:
  - {id: p75, name: At 75, price: 75}
  - {id: p120, name: At 120, price: 120}
"""


def sim(run, path, *args):
    result = run("negotiation", path, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["simulation"]


def test_simulation_reports_seed_samples_and_probabilities(run, write):
    path = write("n.yaml", RANGED)
    out = sim(run, path, "--seed", "42", "--samples", "20000")
    assert out["seed"] == 42
    assert out["samples"] == 20000
    # Uniform(0, 100): P(75 >= X) = 0.75; P(120 >= X) = 1.
    assert out["p_beats_batna"]["p75"] == pytest.approx(0.75, abs=0.015)
    assert out["p_beats_batna"]["p120"] == 1.0


def test_simulation_is_reproducible_with_a_seed_and_changes_without_it(run, write):
    path = write("n.yaml", RANGED)
    first = sim(run, path, "--seed", "7", "--samples", "5000")
    assert sim(run, path, "--seed", "7", "--samples", "5000") == first
    assert sim(run, path, "--seed", "8", "--samples", "5000") != first


def test_default_seed_and_samples_come_from_the_config(run, write):
    path = write("n.yaml", RANGED)
    write(".stakecli.yaml", "negotiation: {seed: 3, samples: 1000}\n")
    out = sim(run, path)
    assert (out["seed"], out["samples"]) == (3, 1000)


def test_triangular_simulation_matches_its_distribution(run, write):
    text = RANGED.replace(
        "{low: 0, high: 100}", "{low: 0, high: 100, distribution: triangular, mode: 0}"
    )
    out = sim(run, write("n.yaml", text), "--samples", "20000")
    # Triangular(0, 100, mode 0): P(X <= 75) = 1 - 0.25**2 = 0.9375
    assert out["p_beats_batna"]["p75"] == pytest.approx(0.9375, abs=0.01)


def test_no_simulation_without_a_range(run, write):
    text = RANGED.replace("range: {low: 0, high: 100}", "value: 50")
    assert sim(run, write("n.yaml", text)) is None


def plan(text):
    from ruamel.yaml import YAML

    return Negotiation.model_validate(YAML(typ="safe").load(text))


def test_range_ev_is_the_mean_of_the_distribution():
    p = plan(RANGED)
    (alt,) = p.parties[0].alternatives
    assert batna.evaluate(alt).ev == 50
    tri = plan(
        RANGED.replace(
            "{low: 0, high: 100}", "{low: 0, high: 100, distribution: triangular, mode: 10}"
        )
    )
    assert batna.evaluate(tri.parties[0].alternatives[0]).ev == Fraction(110, 3)


def test_break_even_of_a_range_bound_and_a_blocked_estimate():
    only75 = RANGED.replace("  - {id: p120, name: At 120, price: 120}\n", "")
    p = plan(only75)
    ours = batna.side(p.parties[0])
    rec = sensitivity.recommend(p, ours)
    assert (rec.proposal, rec.accept) == ("p75", True)
    rows = {b.estimate: b for b in sensitivity.break_evens(p, ours)}
    # EV = (low + high) / 2 = 75 when high = 150 (or low = 50).
    assert rows["range.high"].break_even == 150
    assert rows["range.low"].break_even == 50
    blocked = plan(
        only75.replace(
            "        range: {low: 0, high: 100}\n",
            "        range: {low: 0, high: 100}\n      - {id: sure, name: Sure thing, value: 90}\n",
        )
    )
    side = batna.side(blocked.parties[0])
    rec = sensitivity.recommend(blocked, side)
    assert rec.accept is False
    rows = {(b.alternative, b.estimate): b for b in sensitivity.break_evens(blocked, side)}
    assert rows[("other-buyer", "range.high")].break_even is None  # the sure 90 still beats 75
    assert rows[("sure", "value")].break_even == 75


def test_a_range_bound_never_breaks_even_past_the_mode():
    text = RANGED.replace("  - {id: p120, name: At 120, price: 120}\n", "").replace(
        "{low: 0, high: 100}", "{low: 0, high: 100, distribution: triangular, mode: 10}"
    )
    p = plan(text)
    ours = batna.side(p.parties[0])
    rows = {b.estimate: b.break_even for b in sensitivity.break_evens(p, ours)}
    # EV = 110 / 3; reaching 75 needs +115 on one of low, mode, high (each moves EV by 1/3).
    assert rows == {"range.low": None, "range.high": 215, "range.mode": None}
