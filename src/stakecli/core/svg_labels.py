"""Text labels placed next to their marks on an SVG chart, covering no mark or other label."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

CHAR, LINE = 6.6, 12.0  # px of one character and one line of 11 px sans-serif text (generous)

Box = tuple[float, float, float, float]
"""left, top, right, bottom in px (y downwards, as in SVG)."""


def overlaps(a: Box, b: Box) -> bool:
    """True when the boxes share more than a border."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def near(x: float, y: float, r: float) -> Box:
    """The square of half-side r around (x, y): a mark to keep labels off."""
    return (x - r, y - r, x + r, y + r)


def spots(x: float, y: float, w: float, h: float) -> Iterator[tuple[Box, float]]:
    """Boxes for a w x h label around (x, y), nearest first: right, left, above, below, corners."""
    for d in (7.0, 14.0, 24.0, 36.0, 50.0, 66.0):
        c = d * 0.7
        for left, top in (
            (x + d, y - h / 2),
            (x - d - w, y - h / 2),
            (x - w / 2, y - d - h),
            (x - w / 2, y + d),
            (x + c, y - c - h),
            (x + c, y + c),
            (x - c - w, y - c - h),
            (x - c - w, y + c),
        ):
            yield (left, top, left + w, top + h), d


def place_labels(
    anchors: Sequence[tuple[str, float, float]], obstacles: Sequence[Box], area: Box
) -> list[tuple[Box, float]]:
    """A box per (text, x, y) near its anchor, inside `area`, covering no obstacle or label.

    Returns each box and its distance from the anchor; when no spot is free, the one that
    covers fewest.
    """
    taken = list(obstacles)
    placed = []
    for text, x, y in anchors:
        best: tuple[int, Box, float] | None = None
        for box, d in spots(x, y, len(text) * CHAR, LINE):
            if not (
                area[0] <= box[0] and area[1] <= box[1] and box[2] <= area[2] and box[3] <= area[3]
            ):
                continue
            hits = sum(overlaps(box, other) for other in taken)
            if best is None or hits < best[0]:
                best = (hits, box, d)
            if hits == 0:
                break
        if best is None:  # no spot inside the area at all: right of the anchor
            best = (0, (x + 7, y - LINE / 2, x + 7 + len(text) * CHAR, y + LINE / 2), 7.0)
        taken.append(best[1])
        placed.append((best[1], best[2]))
    return placed
