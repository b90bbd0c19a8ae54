"""The SVG chart of the frontier and the proposals."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

BUYER_SUPPLIER = """
kind: negotiation
version: 1
title: Chart <&> test
parties:
  - id: buyer
    us: true
    reservation_score: 45
    weights: {price: 0.4, delivery: 0.6}
    scores: {price: {P1: 0, P2: 50, P3: 100}, delivery: {D1: 100, D2: 50, D3: 0}}
  - id: supplier
    reservation_score: 45
    weights: {price: 0.8, delivery: 0.2}
    scores: {price: {P1: 100, P2: 50, P3: 0}, delivery: {D1: 0, D2: 50, D3: 100}}
issues:
  - {id: price, name: Price, options: [{id: P1, name: P1}, {id: P2, name: P2}, {id: P3, name: P3}]}
  - id: delivery
    name: Delivery
    options: [{id: D1, name: D1}, {id: D2, name: D2}, {id: D3, name: D3}]
proposals:
  - {id: split, name: "Split <the> & difference", options: {price: P2, delivery: D2}}
"""
SVG = "{http://www.w3.org/2000/svg}"


def xy(buyer, supplier):
    return f"{60 + buyer / 100 * 520:.2f},{60 + (100 - supplier) / 100 * 520:.2f}"


def test_chart_is_valid_svg_with_the_frontier_and_labelled_proposals(run, write, tmp_path):
    path = write("bs.yaml", BUYER_SUPPLIER)
    out = tmp_path / "chart.svg"
    result = run("negotiation", "chart", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    (line,) = root.iter(f"{SVG}polyline")
    frontier = [(0, 100), (30, 90), (60, 80), (80, 40), (100, 0)]
    assert line.get("points") == " ".join(xy(a, b) for a, b in frontier)
    (proposal,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "proposal"]
    assert proposal.get("data-name") == "Split <the> & difference"
    assert root.find(f"{SVG}title").text == "Chart <&> test"
    reservations = [el for el in root.iter(f"{SVG}line") if el.get("class") == "reservation"]
    assert len(reservations) == 2


def test_chart_never_clobbers_a_file_without_force(run, write, tmp_path):
    path = write("bs.yaml", BUYER_SUPPLIER)
    out = write("chart.svg", "mine")
    result = run("negotiation", "chart", path, "-o", out)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert out.read_text() == "mine"
    assert run("negotiation", "chart", path, "-o", out, "--force").exit_code == 0
    assert out.read_text().startswith("<svg")


def test_chart_to_stdout_is_deterministic(run, write):
    path = write("bs.yaml", BUYER_SUPPLIER)
    assert run("negotiation", "chart", path).stdout == run("negotiation", "chart", path).stdout


def test_three_parties_frontier_matches_enumeration_and_charts_as_points(run, tmp_path):
    from stakecli.negotiation import frontier, packages
    from stakecli.negotiation.model import Negotiation

    path = Path(__file__).parent / "three-parties.yaml"
    data = json.loads(run("frontier", path, "-f", "json").stdout)
    assert data["parties"] == ["a", "b", "c"]
    from ruamel.yaml import YAML

    plan = Negotiation.model_validate(YAML(typ="safe").load(path))
    brute = frontier.brute_force_frontier(packages.space(plan))
    expected = {tuple(float(s) for s in p.scores) for p in brute.points}
    assert {tuple(p["scores"].values()) for p in data["frontier"]["points"]} == expected
    assert data["nash"]["product"] == (75 - 20) * 42 * 44
    svg = ET.fromstring(run("negotiation", "chart", path).stdout)
    (line,) = svg.iter(f"{SVG}polyline")
    assert line.get("points") == ""
    dots = [c for c in svg.iter(f"{SVG}circle") if c.get("class") == "frontier-point"]
    assert len(dots) == len(expected)
