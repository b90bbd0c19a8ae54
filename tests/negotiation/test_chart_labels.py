"""The SVG package chart: a visible title, a legend, proposal labels that keep apart."""

import xml.etree.ElementTree as ET

import pytest

from stakecli.core.svg_labels import CHAR, overlaps
from stakecli.negotiation.chart import package_chart, short
from stakecli.negotiation.text import Names

SVG = "{http://www.w3.org/2000/svg}"


def data(proposals, parties=("us", "them")):
    def scores(a, b):
        return dict(zip(parties, (a, b, 50)[: len(parties)], strict=True))

    return {
        "parties": list(parties),
        "reservation_scores": dict.fromkeys(parties, 40),
        "frontier": {"points": [{"scores": scores(a, 100 - a)} for a in range(0, 101, 10)]},
        "nash": {"solutions": [{"scores": scores(50, 50)}]},
        "proposals": [
            {"id": pid, "name": f"Proposal {pid}", "scores": scores(a, b)}
            for pid, a, b in proposals
        ],
    }


def texts(root, cls):
    return [el for el in root.iter(f"{SVG}text") if el.get("class") == cls]


def legend(root):
    (box,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "legend"]
    return [t.text for t in box.iter(f"{SVG}text")]


def label_boxes(root):
    boxes = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "proposal":
            (text,) = g.iter(f"{SVG}text")
            x, y = float(text.get("x")), float(text.get("y"))
            boxes[g.get("data-id")] = (x, y - 9, x + len(text.text) * CHAR, y + 3)
    return boxes


def test_the_title_is_visible_text_and_escaped():
    root = ET.fromstring(package_chart(data([("p", 30, 60)]), "Chart <&> test"))
    (title,) = texts(root, "chart-title")
    assert title.text == "Chart <&> test"
    assert root.find(f"{SVG}title").text == "Chart <&> test"


def test_a_long_title_is_shortened_on_the_chart_only():
    title = "A renewal " * 20
    root = ET.fromstring(package_chart(data([]), title))
    (shown,) = texts(root, "chart-title")
    assert shown.text.endswith("…")
    assert len(shown.text) <= 76
    assert root.find(f"{SVG}title").text == title


def test_the_legend_names_every_kind_of_mark():
    root = ET.fromstring(package_chart(data([("p", 30, 60)]), "t"))
    assert legend(root) == [
        "Pareto frontier",
        "Reservation scores",
        "Nash solution",
        "Proposal",
    ]


def test_with_three_parties_the_legend_says_frontier_points():
    root = ET.fromstring(package_chart(data([], parties=("a", "b", "c")), "t"))
    assert legend(root)[0] == "Frontier points"
    (note,) = texts(root, "subtitle")
    assert note.text == "Frontier of 3 parties, projected on the first two"


@pytest.mark.parametrize(
    "proposals",
    [
        [("fallback", 55, 77), ("split-the-difference", 55, 75.5)],
        [(f"same-spot-{i}", 50, 50) for i in range(6)],
        [("left-edge", 0, 75), ("right-edge", 100, 0), ("top", 90, 100)],
    ],
    ids=["close", "six-at-one-spot", "edges"],
)
def test_proposal_labels_never_overlap_and_stay_in_the_plot(proposals):
    root = ET.fromstring(package_chart(data(proposals), "t"))
    boxes = label_boxes(root)
    assert set(boxes) == {p[0] for p in proposals}
    values = list(boxes.values())
    assert not any(overlaps(a, b) for i, a in enumerate(values) for b in values[i + 1 :])
    plot = (60, 60, 580, 580)
    assert all(b[0] >= plot[0] and b[1] >= plot[1] for b in values)
    assert all(b[2] <= plot[2] and b[3] <= plot[3] for b in values)


def test_a_label_set_off_from_its_mark_gets_a_leader_line():
    root = ET.fromstring(package_chart(data([(f"p{i}", 50, 50) for i in range(3)]), "t"))
    leaders = [el for el in root.iter(f"{SVG}line") if el.get("class") == "leader"]
    assert len(leaders) >= 2


def test_offers_join_in_order_with_their_own_legend_entry_and_labels_apart():
    chart = data([("p", 50, 50)])
    chart["offers"] = [
        {"number": n, "by": "us", "round": n, "scores": {"us": 50, "them": 50}} for n in (1, 2)
    ]
    root = ET.fromstring(package_chart(chart, "t"))
    assert legend(root)[-1] == "Offers of us"
    offers = [el for el in root.iter(f"{SVG}text") if el.get("class") == "offer"]
    assert [el.text for el in offers] == ["O1", "O2"]
    boxes = [
        (
            float(el.get("x")),
            float(el.get("y")) - 9,
            float(el.get("x")) + 2 * CHAR,
            float(el.get("y")) + 3,
        )
        for el in offers
    ]
    boxes += list(label_boxes(root).values())
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_parties_and_proposals_are_called_by_name_proposals_shortened():
    chart = data([("p", 30, 60)])
    chart["offers"] = [{"number": 1, "by": "them", "round": 1, "scores": {"us": 20, "them": 70}}]
    names = Names(
        people={"us": "Halden Retail Group", "them": "Northwind Data"},
        proposals={"p": "Split the difference on every issue"},
    )
    root = ET.fromstring(package_chart(chart, "t", names))
    (g,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "proposal"]
    assert [t.text for t in g.iter(f"{SVG}text")] == ["Split the difference on every…"]
    assert g.find(f"{SVG}title").text == "Split the difference on every issue"
    assert g.get("data-id") == "p"
    axes = [t.text for t in root.iter(f"{SVG}text") if (t.text or "").endswith(("score", "(us)"))]
    assert axes == ["Halden Retail Group score (us)", "Northwind Data score"]
    assert legend(root)[-1] == "Offers of Northwind Data"


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("Fallback", 30, "Fallback"),
        ("Split the difference on every issue", 30, "Split the difference on every…"),
        ("Three-year partnership bundle", 12, "Three-year…"),
        ("Supercalifragilistic", 10, "Supercali…"),
        ("Terms: price, length", 14, "Terms: price…"),
    ],
)
def test_short_cuts_at_a_word_boundary_with_an_ellipsis(text, limit, shown):
    assert short(text, limit) == shown
    assert len(short(text, limit)) <= limit


def test_a_dense_frontier_draws_each_pixel_once_and_loses_no_visible_point():
    chart = data([])
    dense = [(a / 100, 100 - a / 100) for a in range(0, 10_001, 4)]  # 2,501 points
    chart["frontier"]["points"] = [{"scores": {"us": a, "them": b}} for a, b in dense]
    root = ET.fromstring(package_chart(chart, "t"))
    drawn = [
        (float(c.get("cx")), float(c.get("cy")))
        for c in root.iter(f"{SVG}circle")
        if c.get("class") == "frontier-point"
    ]
    assert len(drawn) < 600
    (line,) = [el for el in root.iter(f"{SVG}polyline") if el.get("class") == "frontier"]
    assert len(line.get("points").split()) == len(drawn)
    assert drawn[0] == (60, 60)  # our worst and their best package, first
    assert drawn[-1] == (60 + 520, 60 + 520)
    for a, b in dense:
        x, y = 60 + a / 100 * 520, 60 + (100 - b) / 100 * 520
        assert any(abs(x - u) < 1 and abs(y - v) < 1 for u, v in drawn), (a, b)
