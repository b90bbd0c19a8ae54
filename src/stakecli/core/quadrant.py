"""Points of a Mermaid quadrantChart: coordinates Mermaid accepts, labels that do not collide.

Mermaid draws each point's name centred under its dot and never moves it, so two close
points print their names over each other and a name near an edge is cut off. `layout` moves
points the least it can, in a fixed order, until no name box touches another or leaves the
chart. Its geometry is Mermaid 11's default chart (500 x 500 px with a title and both axis
titles: a 462 x 422 px plot, 12 px names 5 px under a 5 px dot), with names measured
generously so that real fonts fit inside the estimate.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

PLOT_WIDTH, PLOT_HEIGHT = 462.0, 422.0  # px of the plot inside Mermaid's default chart
DOT = 5.0  # px radius of a point
NAME_TOP, NAME_HEIGHT = 5.0, 15.0  # px from the dot's centre to the name, and its height
CHAR, WIDE_CHAR = 6.5, 13.0  # px per character of a 12 px name: Latin, CJK or emoji
TITLE_CHAR, TITLE_HEIGHT = 9.0, 24.0  # px per character and height of a 16 px quadrant title
GAP = 2.0  # px kept free between two boxes
EDGE = 0.03  # no dot closer than this to a border of the chart
MIDLINE_GAP = 0.02  # with keep_sides, a dot stays this far from a midline
MAX_NAME = 40  # characters of a name the chart shows; tables keep the whole name
STEP, REACH = 0.01, 0.5  # candidate moves: a grid this fine, at most this far


class Box(NamedTuple):
    """A rectangle in chart units (0..1 both ways, y upwards)."""

    left: float
    bottom: float
    right: float
    top: float

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share more than a border."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.bottom < other.top
            and other.bottom < self.top
        )


def coordinate(value: float) -> str:
    """A chart coordinate as Mermaid reads it: `0`, `1` or `0.` and up to three decimals.

    Mermaid's quadrantChart lexer takes `1` or `0.x` but rejects `1.0` and `1.000`, so
    trailing zeros go. Values outside 0..1 are clamped to the chart.
    """
    text = f"{min(max(value, 0.0), 1.0):.3f}".rstrip("0").rstrip(".")
    return text or "0"


def shorten(name: str, limit: int = MAX_NAME) -> str:
    """`name` on one line, cut to `limit` characters with an ellipsis when longer."""
    name = " ".join(name.split())
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def name_width(name: str) -> float:
    """Estimated px width of a point name (wide East Asian characters and emoji count double)."""
    return sum(WIDE_CHAR if unicodedata.east_asian_width(ch) in "WF" else CHAR for ch in name)


def footprint(x: float, y: float, name: str) -> Box:
    """The box a point's dot and name take, with GAP around it, in chart units."""
    half = (max(name_width(name), 2 * DOT) / 2 + GAP) / PLOT_WIDTH
    top = (DOT + GAP) / PLOT_HEIGHT
    bottom = (NAME_TOP + NAME_HEIGHT + GAP) / PLOT_HEIGHT
    return Box(x - half, y - bottom, x + half, y + top)


def quadrant_titles(titles: dict[int, str]) -> list[Box]:
    """Boxes of the quadrant titles (Mermaid's quadrant-1 top right ... quadrant-4 bottom right).

    Mermaid writes each title centred at the top of its quadrant, so the lower two sit just
    under the horizontal midline.
    """
    centre = {1: (0.75, 1.0), 2: (0.25, 1.0), 3: (0.25, 0.5), 4: (0.75, 0.5)}
    boxes = []
    for n, title in sorted(titles.items()):
        x, top = centre[n]
        half = (len(title) * TITLE_CHAR / 2 + GAP) / PLOT_WIDTH
        boxes.append(Box(x - half, top - TITLE_HEIGHT / PLOT_HEIGHT, x + half, top))
    return boxes


@cache
def _moves() -> tuple[tuple[float, float], ...]:
    """Offsets within REACH, nearest first (distance in px), then down, right, left, up.

    A STEP grid up to 10 steps away, twice as coarse beyond: a crowded chart stays fast.
    """
    n = round(REACH / STEP)
    steps = [
        (i, j)
        for i in range(-n, n + 1)
        for j in range(-n, n + 1)
        if math.hypot(i, j) <= n and (math.hypot(i, j) <= 10 or i % 2 == j % 2 == 0)
    ]
    steps.sort(key=lambda s: (math.hypot(s[0] * PLOT_WIDTH, s[1] * PLOT_HEIGHT), s[1], -s[0]))
    return tuple((i * STEP, j * STEP) for i, j in steps)


def _bounds(x: float, y: float, name: str, keep_sides: bool) -> Box:
    """Where the dot may go: its name inside the chart, away from edges (and midlines)."""
    half = name_width(name) / 2 / PLOT_WIDTH
    below = (NAME_TOP + NAME_HEIGHT) / PLOT_HEIGHT
    left, right = max(EDGE, half), min(1 - EDGE, 1 - half)
    bottom, top = max(EDGE, below), 1 - EDGE
    if keep_sides:
        if x >= 0.5:
            left = max(left, 0.5 + MIDLINE_GAP)
        else:
            right = min(right, 0.5 - MIDLINE_GAP)
        if y >= 0.5:
            bottom = max(bottom, 0.5 + MIDLINE_GAP)
        else:
            top = min(top, 0.5 - MIDLINE_GAP)
    # Rounded inwards to the three decimals `coordinate` writes.
    left, bottom = math.ceil(left * 1000) / 1000, math.ceil(bottom * 1000) / 1000
    right, top = math.floor(right * 1000) / 1000, math.floor(top * 1000) / 1000
    return Box(left, bottom, max(left, right), max(bottom, top))


def place(
    x: float, y: float, name: str, taken: Sequence[Box], *, keep_sides: bool = False
) -> tuple[float, float]:
    """The nearest spot to (x, y) whose footprint overlaps nothing `taken`.

    When no spot within REACH is free (a crowded chart), the nearest that overlaps fewest.
    """
    area = _bounds(x, y, name, keep_sides)
    shape = footprint(0.0, 0.0, name)
    # Only boxes that some candidate footprint could touch take part in the search.
    reach = Box(
        max(area.left, x - REACH) + shape.left,
        max(area.bottom, y - REACH) + shape.bottom,
        min(area.right, x + REACH) + shape.right,
        min(area.top, y + REACH) + shape.top,
    )
    near = [b for b in taken if b.overlaps(reach)]
    least: tuple[int, tuple[float, float]] | None = None
    for sx, sy in _spots(x, y, area):
        left, right = sx + shape.left, sx + shape.right
        bottom, top = sy + shape.bottom, sy + shape.top
        # Count overlaps only while they could still beat the best spot so far; the box hit
        # first is tried first at the next spot (a neighbour), so most spots cost one test.
        enough = len(near) + 1 if least is None else least[0]
        hits = 0
        first = None
        for box in near:
            b_left, b_bottom, b_right, b_top = box
            if left < b_right and b_left < right and bottom < b_top and b_bottom < top:
                hits += 1
                if first is None:
                    first = box
                if hits >= enough:
                    break
        if hits == 0:
            return sx, sy
        if first is not None and first is not near[0]:
            near.remove(first)
            near.insert(0, first)
        if least is None or hits < least[0]:
            least = (hits, (sx, sy))
    assert least is not None  # the first move, (0, 0), always gives a spot
    return least[1]


@lru_cache(maxsize=256)
def _spots(x: float, y: float, area: Box) -> tuple[tuple[float, float], ...]:
    """The distinct spots the moves reach from (x, y), clamped into `area`, in move order.

    A chart's points share a few positions (scores are small integers), so this is computed
    once for each.
    """
    spots: dict[tuple[float, float], None] = {}
    for dx, dy in _moves():
        sx, sy = min(max(x + dx, area.left), area.right), min(max(y + dy, area.bottom), area.top)
        spots.setdefault((sx, sy))
    return tuple(spots)


def layout(
    points: Sequence[tuple[str, float, float]],
    *,
    keep_sides: bool = False,
    reserved: Sequence[Box] = (),
) -> list[dict[str, str]]:
    """Mermaid points (`label`, `x`, `y` as text) near the given (name, x, y), names apart.

    Points are placed in the given order, so the first ones move least. Names longer than
    MAX_NAME characters are shortened. With `keep_sides` no point crosses a midline (the
    quadrant it is in means something); no name covers a `reserved` box (quadrant titles).
    """
    taken = list(reserved)
    out = []
    for name, x, y in points:
        label = shorten(name)
        spot = place(x, y, label, taken, keep_sides=keep_sides)
        taken.append(footprint(*spot, label))
        out.append({"label": label, "x": coordinate(spot[0]), "y": coordinate(spot[1])})
    return out
