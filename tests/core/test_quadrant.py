import pytest

from stakecli.core.quadrant import (
    EDGE,
    MAX_NAME,
    NAME_HEIGHT,
    NAME_TOP,
    PLOT_HEIGHT,
    PLOT_WIDTH,
    coordinate,
    footprint,
    layout,
    name_width,
    quadrant_titles,
    shorten,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (0.0, "0"),
        (0.35, "0.35"),
        (0.3456, "0.346"),
        (0.5, "0.5"),
        (0.9999, "1"),
        (0.0004, "0"),
        (1.2, "1"),
        (-0.1, "0"),
    ],
)
def test_coordinates_are_in_the_forms_mermaid_accepts(value, text):
    assert coordinate(value) == text


def footprints(points):
    return [footprint(float(p["x"]), float(p["y"]), p["label"]) for p in points]


def apart(boxes):
    return not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_the_first_point_keeps_its_place_and_a_point_on_it_moves_off():
    points = layout([("Mei Lin", 0.9, 0.65), ("Halden Retail Group", 0.9, 0.65)])
    assert points[0] == {"label": "Mei Lin", "x": "0.9", "y": "0.65"}
    assert apart(footprints(points))


def test_a_name_near_an_edge_moves_in_until_it_fits():
    (point,) = layout([("Halden Retail Group", 0.99, 0.01)])
    x, y = float(point["x"]), float(point["y"])
    half = name_width(point["label"]) / 2 / PLOT_WIDTH
    assert x + half <= 1
    assert x - half >= 0
    assert y - (NAME_TOP + NAME_HEIGHT) / PLOT_HEIGHT >= 0
    assert float(point["x"]) < 0.9


@pytest.mark.parametrize(("x", "y"), [(0.0, 0.0), (1.0, 1.0), (0.5, 0.5), (0.0, 1.0)])
def test_dots_stay_away_from_the_borders(x, y):
    (point,) = layout([("A", x, y)])
    assert EDGE <= float(point["x"]) <= 1 - EDGE
    assert EDGE <= float(point["y"]) <= 1 - EDGE


def test_keep_sides_never_moves_a_point_across_a_midline():
    crowd = [(f"Stakeholder {i}", 0.52, 0.48) for i in range(20)]
    placed = layout(crowd, keep_sides=True)
    assert all(float(p["x"]) > 0.5 for p in placed)
    assert all(float(p["y"]) < 0.5 for p in placed)


def test_ten_points_in_one_cell_are_all_apart():
    crowd = [(f"Person number {i}", 0.9, 0.9) for i in range(10)]
    titles = quadrant_titles({1: "Manage closely", 2: "Keep satisfied"})
    points = layout(crowd, keep_sides=True, reserved=titles)
    boxes = footprints(points)
    assert apart(boxes)
    assert not any(b.overlaps(t) for b in boxes for t in titles)


def test_an_overcrowded_chart_still_places_every_point_inside_it():
    points = layout([(f"P{i}", 0.5, 0.5) for i in range(60)])
    assert len(points) == 60
    assert all(0 < float(p["x"]) < 1 and 0 < float(p["y"]) < 1 for p in points)


def test_layout_is_deterministic():
    points = [(f"N{i % 3}", 0.3 + 0.01 * i, 0.6) for i in range(8)]
    assert layout(points) == layout(list(points))


def test_long_names_are_shortened_for_the_chart_only():
    long = "Verylongname " * 10
    (point,) = layout([(long, 0.5, 0.5)])
    assert len(point["label"]) <= MAX_NAME
    assert point["label"].endswith("…")
    assert shorten("Ana\n  Lima") == "Ana Lima"


def test_wide_characters_count_double():
    assert name_width("東京") == 2 * name_width("ab")


def first_place(x, y, name, taken, *, keep_sides=False):
    """`place` as first written: every overlap counted, for every spot tried."""
    from stakecli.core.quadrant import REACH, Box, _bounds, _moves

    area = _bounds(x, y, name, keep_sides)
    shape = footprint(0.0, 0.0, name)
    reach = Box(
        max(area.left, x - REACH) + shape.left,
        max(area.bottom, y - REACH) + shape.bottom,
        min(area.right, x + REACH) + shape.right,
        min(area.top, y + REACH) + shape.top,
    )
    near = [b for b in taken if b.overlaps(reach)]
    tried = set()
    least = None
    for dx, dy in _moves():
        sx = min(max(x + dx, area.left), area.right)
        sy = min(max(y + dy, area.bottom), area.top)
        if (sx, sy) in tried:
            continue
        tried.add((sx, sy))
        box = Box(sx + shape.left, sy + shape.bottom, sx + shape.right, sy + shape.top)
        hits = sum(box.overlaps(b) for b in near)
        if hits == 0:
            return sx, sy
        if least is None or hits < least[0]:
            least = (hits, (sx, sy))
    return least[1]


@pytest.mark.parametrize("seed", range(6))
def test_a_crowded_chart_is_laid_out_as_by_counting_every_overlap(seed, monkeypatch):
    import random

    from stakecli.core import quadrant

    rng = random.Random(seed)
    names = ["Stakeholder 1234", "Mei Lin", "名前テスト株式会社", "Halden Retail Group", "Bo"]
    points = [
        (f"{rng.choice(names)} {n}", rng.choice([0.15, 0.4, 0.65, 0.9]), rng.random())
        for n in range(40)
    ]
    reserved = quadrant_titles({1: "Manage closely", 2: "Keep satisfied", 3: "Monitor", 4: "x"})
    fast = layout(points, keep_sides=seed % 2 == 0, reserved=reserved)
    monkeypatch.setattr(quadrant, "place", first_place)
    assert fast == layout(points, keep_sides=seed % 2 == 0, reserved=reserved)
