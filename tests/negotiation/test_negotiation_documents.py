"""The internal brief, the external proposal (no confidential value leaks), and the SVG chart."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stakecli import kinds, pipeline
from stakecli.core import rendering
from stakecli.core.config import Config
from stakecli.core.model import is_confidential
from stakecli.core.project import Workspace
from stakecli.negotiation.text import money

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "examples" / "vendor-renewal"


def rendered(name, folder=VENDOR):
    report = pipeline.run([folder], Config())
    workspace = Workspace(Config(), report.parsed)
    (parsed,) = workspace.of_kind("negotiation")
    spec = next(s for s in kinds.documents() if s.name == name)
    return parsed.model, rendering.render(spec.template, spec.context(parsed, workspace))


def confidential_strings(model):
    """Every user value held in a field marked confidential, as text a document could show.

    A value that also appears in a public field (an aspiration equal to a published price
    option) is public anyway and is left out.
    """
    found, public = [], []

    def walk(value, secret):
        if hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name), secret or is_confidential(type(value), name))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, secret)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, secret)
        elif isinstance(value, str):
            (found if secret else public).append(value)
        elif isinstance(value, int | float) and not isinstance(value, bool) and abs(value) >= 1000:
            (found if secret else public).append(money(value))

    walk(model, False)
    return [x for x in found if not any(x in text for text in public)]


def test_proposal_document_leaves_out_every_confidential_value():
    plan, text = rendered("proposal")
    secrets = confidential_strings(plan)
    assert "Switch to Contoso Analytics" in secrets
    assert money(4300000) in secrets  # Northwind's estimated reservation value
    for secret in secrets:
        assert secret not in text, secret
    for internal in ("Fallback if they hold on price", "Northwind's stated position", "4,875,000"):
        assert internal not in text
    assert "Three-year partnership bundle" in text
    assert "Our opening proposal" in text
    assert "Availability SLA" in text
    assert "Peer-benchmark discounts for three-year enterprise analytics renewals" in text


def test_the_proposal_spec_is_external_and_the_brief_internal():
    audience = {s.name: s.audience for s in kinds.documents()}
    assert audience["proposal"] == "external"
    assert audience["negotiation-brief"] == "internal"


def test_brief_holds_the_batna_reservation_values_and_the_chart():
    _, text = rendered("negotiation-brief")
    assert "Switch to Contoso Analytics" in text
    assert "ZOPA: \\[4,300,000 USD, 4,875,000 USD\\]" in text
    assert "Accept three-year-bundle" in text
    assert "```mermaid\nquadrantChart" in text
    assert "| proc-lead | lead | Runs the sessions; Owns the concession plan |" in text
    assert "Simulation: P(proposal \\>= our BATNA), seed 0, 10000 draws" in text


def test_brief_is_deterministic(run):
    first = run("negotiation", VENDOR, "-f", "markdown")
    assert first.exit_code == 0, first.stderr
    assert run("negotiation", VENDOR, "-f", "markdown").stdout == first.stdout


def test_user_strings_are_escaped_in_the_brief(run, write):
    path = write(
        "n.yaml",
        """
        kind: negotiation
        version: 1
        title: "Pipes | and *stars*"
        parties:
          - {id: a, us: true, positions: ["x | y"]}
          - {id: b}
        """,
    )
    text = run("negotiation", path, "-f", "markdown").stdout
    assert "# Negotiation brief: Pipes \\| and \\*stars\\*" in text
    assert "| x \\| y |" in text


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


@pytest.mark.parametrize("command", [["negotiation"], ["negotiation", "packages"], ["frontier"]])
def test_json_output_is_only_json(run, command):
    result = run(*command, VENDOR, "--format", "json")
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)


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
