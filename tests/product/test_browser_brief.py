"""The negotiation brief as GitHub shows it: its chart of the packages and offers is drawn.

The brief written by `render -o` links its chart (an SVG beside it); a real browser loads it
through the Markdown page, and the pixels it drew are read back where the frontier, the
offers and the lines joining them are.
"""

from __future__ import annotations

import itertools
import math
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES
from product.helpers import hostile_copy, images, pixels, render_all

BRIEF = "negotiation.negotiation-brief.internal.md"
CHART = "negotiation.negotiation-brief.packages.internal.svg"
SVG = "{http://www.w3.org/2000/svg}"


def rgb(colour: str) -> tuple[int, int, int]:
    """#rgb or #rrggbb as three 0-255 values."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def drawn(found: list[list[int]], colour: str) -> bool:
    """Whether any of the pixels around a probe is (close to) `colour`."""
    want = rgb(colour)
    return any(math.dist(pixel, want) < 90 for pixel in found)


def vertices(polyline: ET.Element) -> list[tuple[float, float]]:
    return [
        (float(x), float(y))
        for x, y in (pair.split(",") for pair in polyline.get("points", "").split())
    ]


def along(points: list[tuple[float, float]], per_segment: int = 9) -> list[tuple[float, float]]:
    """Probes spread along every segment of a line (its ends left out: marks sit there)."""
    return [
        (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        for a, b in itertools.pairwise(points)
        for t in ((k + 1) / (per_segment + 1) for k in range(per_segment))
    ]


def share_drawn(page, probes, colour: str) -> float:
    found = pixels(page, CHART, probes)
    return sum(drawn(f, colour) for f in found) / len(found)


def chart(folder: Path) -> ET.Element:
    return ET.fromstring((folder / CHART).read_text(encoding="utf-8"))


def of_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [el for el in root.iter(f"{SVG}{tag}") if el.get("class") == cls]


@pytest.fixture(scope="module", params=["as-shipped", "hostile-names"])
def docs(request, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp(request.param)
    source = EXAMPLES / "vendor-renewal"
    if request.param == "hostile-names":
        source = hostile_copy(source, tmp / "vendor-renewal")
    render_all(source, tmp / "docs")
    return tmp / "docs"


def test_the_brief_shows_its_chart_as_an_image_that_loads(mermaid, docs):
    with mermaid.document(docs, BRIEF) as page:
        (image,) = images(page)
        mermaid.screenshot(f"brief-chart-{docs.parent.name}", "img", page)
    root = chart(docs)
    assert image["src"] == CHART
    assert "offers joined in order" in image["alt"]
    assert image["natural"] == [int(root.get("width")), int(root.get("height"))]
    assert image["shown"][0] >= 600  # readable on the page, not a thumbnail


def test_the_offers_are_joined_in_order_on_the_frontier_picture(mermaid, docs):
    root = chart(docs)
    lines = of_class(root, "polyline", "offers")
    points = of_class(root, "circle", "offer-point")
    numbers = [int(el.text.removeprefix("O")) for el in of_class(root, "text", "offer")]
    assert len(lines) == 2  # one per offering party
    assert sorted(numbers) == [1, 2, 3, 4]
    at = {n: (float(c.get("cx")), float(c.get("cy"))) for n, c in zip(numbers, points, strict=True)}
    colour = {n: c.get("fill") for n, c in zip(numbers, points, strict=True)}
    for line in lines:
        mine = sorted(n for n in numbers if colour[n] == line.get("stroke"))
        assert vertices(line) == [at[n] for n in mine]  # joined in the order they were made
    (frontier,) = of_class(root, "polyline", "frontier")
    with mermaid.document(docs, BRIEF) as page:
        assert share_drawn(page, along(vertices(frontier)), frontier.get("stroke")) > 0.9
        for line in lines:
            assert share_drawn(page, along(vertices(line)), line.get("stroke")) > 0.8
        for n, xy in at.items():
            assert share_drawn(page, [xy], colour[n]) == 1, f"offer O{n} is not drawn"
        marks = [
            (float(r.get("x")) + 3, float(r.get("y")) + 3)
            for g in of_class(root, "g", "proposal")
            for r in g.iter(f"{SVG}rect")
        ]
        assert share_drawn(page, marks, "#e80") == 1  # every proposal's square


def test_the_pixel_check_sees_a_line_that_is_not_drawn(mermaid, docs, tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(docs, folder)
    text = (folder / CHART).read_text(encoding="utf-8")
    root = chart(docs)
    lines = of_class(root, "polyline", "offers")
    for line in lines:
        text = text.replace(f'points="{line.get("points")}"', 'points=""')
    (folder / CHART).write_text(text, encoding="utf-8")
    with mermaid.document(folder, BRIEF) as page:
        for line in lines:
            assert share_drawn(page, along(vertices(line)), line.get("stroke")) < 0.5
