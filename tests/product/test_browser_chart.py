"""`stakecli negotiation chart` as a browser draws it: title, legend, labels apart."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from product.helpers import hostile_copy
from stakecli.cli import app
from stakecli.negotiation.chart import package_chart

LEGEND = ["Pareto frontier", "Reservation scores", "Nash solution", "Proposal"]
OFFERING = ["Halden Retail Group", "Northwind Data"]  # the example's offering parties, by name


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def across(box, frame) -> bool:
    return frame[0] <= box[0] and box[2] <= frame[2]


def chart_of(folder) -> str:
    result = CliRunner().invoke(app, ["negotiation", "chart", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def crowded() -> str:
    def at(a, b):
        return {"us": a, "them": b}

    spots = [(50, 50)] * 5 + [(55, 77), (55, 75.5), (0, 75), (100, 0), (90, 100)]
    return package_chart(
        {
            "parties": ["us", "them"],
            "reservation_scores": at(40, 40),
            "frontier": {"points": [{"scores": at(a, 100 - a)} for a in range(0, 101, 5)]},
            "nash": {"solutions": [{"scores": at(50, 50)}]},
            "proposals": [
                {"id": f"proposal-{i}", "name": f"P{i}", "scores": at(a, b)}
                for i, (a, b) in enumerate(spots)
            ],
        },
        "Crowded <chart> & a title long enough to need most of the width of the chart",
    )


def boxes(mermaid, selector):
    return [
        (b["left"], b["top"], b["right"], b["bottom"], b["text"]) for b in mermaid.boxes(selector)
    ]


@pytest.mark.parametrize("case", ["vendor-renewal", "vendor-renewal-hostile-names", "crowded"])
def test_the_chart_has_a_visible_title_a_legend_and_labels_apart(mermaid, case, tmp_path):
    if case == "crowded":
        svg = crowded()
    elif case.endswith("hostile-names"):
        svg = chart_of(hostile_copy(EXAMPLES / "vendor-renewal", tmp_path / "v"))
    else:
        svg = chart_of(EXAMPLES / "vendor-renewal")
    mermaid.show_svg(svg)
    mermaid.screenshot(f"chart-{case}", "svg")
    (frame,) = boxes(mermaid, "body > svg")
    (title,) = boxes(mermaid, "text.chart-title")
    assert title[4].strip()
    assert title[2] - title[0] > 50
    assert across(title, frame)
    entries = [b[4] for b in boxes(mermaid, "g.legend text")]
    assert entries[:4] == LEGEND
    assert len(entries[4:]) == (2 if 'class="offers"' in svg else 0)  # one per offering party
    assert all(entry.startswith("Offers of ") for entry in entries[4:])
    if case == "vendor-renewal":
        assert entries[4:] == [f"Offers of {party}" for party in OFFERING]
    (legend,) = boxes(mermaid, "g.legend > rect")
    labels = boxes(mermaid, "g.proposal text") + boxes(mermaid, "text.offer")
    marks = boxes(mermaid, "g.proposal rect") + boxes(mermaid, "circle.nash")
    marks += boxes(mermaid, "circle.offer-point")
    assert labels
    for i, label in enumerate(labels):
        assert across(label, frame), label
        assert not overlap(label, legend), label
        assert not any(overlap(label, other) for other in labels[i + 1 :]), label
        assert not any(overlap(label, mark) for mark in marks), label
