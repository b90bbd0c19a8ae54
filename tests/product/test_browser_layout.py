"""Quadrant charts as Mermaid draws them: no name on another name or dot, none cut off."""

from __future__ import annotations

import pytest

from product.helpers import FOLDERS, crowded_copy, hostile_copy, render_all

CASES = [(f, False) for f in FOLDERS] + [(f, True) for f in FOLDERS]


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(box, frame, slack=0.5) -> bool:
    return (
        box[0] >= frame[0] - slack
        and box[1] >= frame[1] - slack
        and box[2] <= frame[2] + slack
        and box[3] <= frame[3] + slack
    )


def problems(chart) -> list[str]:
    """Every collision of a drawn quadrant chart, in words."""
    found = []
    points = chart["points"]
    for i, p in enumerate(points):
        if not inside(p["label"], chart["plot"]):
            found.append(f"{p['name']!r} is cut off or leaves the plot")
        for q in points[i + 1 :]:
            if overlap(p["label"], q["label"]):
                found.append(f"{p['name']!r} overlaps {q['name']!r}")
        for q in points:
            if q is not p and overlap(p["label"], q["dot"]):
                found.append(f"{p['name']!r} covers the dot of {q['name']!r}")
        for title in chart["titles"]:
            if overlap(p["label"], title) or overlap(p["dot"], title):
                found.append(f"{p['name']!r} covers a quadrant title")
    return found


def check_charts(mermaid, documents, name):
    charts = 0
    found = {}
    for document in documents:
        markdown = document.read_text(encoding="utf-8")
        if "quadrantChart" not in markdown:
            continue
        mermaid.show(markdown)
        mermaid.screenshot(f"{name}-{document.stem}", "pre.mermaid >> nth=0")
        for chart in mermaid.quadrant_charts():
            charts += 1
            found[document.name] = problems(chart)
    assert charts
    return {doc: p for doc, p in found.items() if p}


@pytest.mark.parametrize(
    ("folder", "hostile"),
    CASES,
    ids=[f"{f.name}{'-hostile-names' if h else ''}" for f, h in CASES],
)
def test_quadrant_names_are_apart_and_inside_the_chart(mermaid, folder, hostile, tmp_path):
    source = hostile_copy(folder, tmp_path / folder.name) if hostile else folder
    documents = render_all(source, tmp_path / "docs")
    name = f"layout-{folder.name}{'-hostile' if hostile else ''}"
    assert check_charts(mermaid, documents, name) == {}


def test_ten_stakeholders_with_equal_scores_stay_apart(mermaid, tmp_path):
    documents = render_all(crowded_copy(tmp_path / "crowd"), tmp_path / "docs")
    assert check_charts(mermaid, documents, "layout-crowd") == {}


def test_the_check_sees_overlapping_names(mermaid):
    mermaid.show(
        "```mermaid\nquadrantChart\n"
        '    "Mei Lin": [0.9, 0.65]\n    "Halden Retail Group": [0.9, 0.615]\n```\n'
    )
    (chart,) = mermaid.quadrant_charts()
    assert sorted(problems(chart)) == [
        "'Halden Retail Group' is cut off or leaves the plot",
        "'Mei Lin' covers the dot of 'Halden Retail Group'",
    ]
