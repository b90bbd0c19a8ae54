"""The Stakeholder Circle-style index as DOMAIN.md 2.3 defines it, and its circle diagram."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from stakecli import pipeline
from stakecli.stakeholders import grid
from stakecli.stakeholders.attention import Settings, circle
from stakecli.stakeholders.model import Stakeholder


def person(**extra: object) -> Stakeholder:
    base = {"id": "a", "name": "A", "side": "internal", "power": 5, "legitimacy": 3,
            "urgency": 4, "interest": 3}  # fmt: skip
    return Stakeholder.model_validate({**base, **extra})


def domain(power: int, proximity: int, urgency: int, w: tuple[float, float, float]) -> float:
    """DOMAIN.md 2.3: index = sum_k w_k * x_k / max_k / sum_k w_k, max = 4, 4, 5."""
    return (w[0] * power / 4 + w[1] * proximity / 4 + w[2] * urgency / 5) / sum(w)


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ({"circle": {"power": 4, "proximity": 4, "urgency": 5}}, 1.0),
        ({"circle": {"power": 1, "proximity": 1, "urgency": 1}}, domain(1, 1, 1, (4, 2, 5))),
        ({"circle": {"power": 3, "proximity": 2, "urgency": 4}}, domain(3, 2, 4, (4, 2, 5))),
        # proximity from the entry's `proximity`, urgency from its 1-5 `urgency` (4)
        ({"circle": {"power": 2}, "proximity": 3}, domain(2, 3, 4, (4, 2, 5))),
        ({"circle": {"power": 2, "urgency": 1}, "proximity": 3}, domain(2, 3, 1, (4, 2, 5))),
    ],
)
def test_index_is_domain_2_3s_formula_on_the_circles_own_scales(ratings, expected):
    assert circle(person(**ratings)) == pytest.approx(expected, abs=1e-15)


def test_the_registers_power_is_not_the_circles_power():
    # power 5 of 5 in the register and proximity 4: still no Circle power, so no index
    assert circle(person(proximity=4)) is None
    assert circle(person(circle={"power": 3})) is None  # no proximity either


def test_weights_are_normalised_and_default_to_4_2_5():
    rated = person(circle={"power": 3, "proximity": 2, "urgency": 4})
    ones = Settings(weights=(("power", 1.0), ("proximity", 1.0), ("urgency", 1.0)))
    nines = Settings(weights=(("power", 9.0), ("proximity", 9.0), ("urgency", 9.0)))
    assert circle(rated, ones) == pytest.approx(circle(rated, nines))
    assert circle(rated, ones) == pytest.approx(domain(3, 2, 4, (1, 1, 1)))
    assert Settings().weights == (("power", 4.0), ("proximity", 2.0), ("urgency", 5.0))


def test_a_rating_outside_its_scale_is_refused_by_the_arithmetic_too():
    with pytest.raises(ValueError, match="Circle power 5 is outside 1-4"):
        grid.circle_index(5, 4, 5)


REGISTER = """
kind: stakeholders
version: 1
stakeholders:
  - id: a
    name: A
    side: internal
    power: 5
    legitimacy: 3
    urgency: 4
    interest: 3
    circle: {power: 5, proximity: 0, urgency: 6}
"""


def test_out_of_range_circle_ratings_are_located_findings(tmp_path):
    (tmp_path / "stakeholders.yaml").write_text(textwrap.dedent(REGISTER).lstrip())
    report = pipeline.run([tmp_path])
    assert [(f.code, f.line, f.col, f.message) for f in report.findings] == [
        (
            "schema.out-of-range",
            11,
            21,
            "stakeholders[0].circle.power: input should be less than or equal to 4; got 5",
        ),
        (
            "schema.out-of-range",
            11,
            35,
            "stakeholders[0].circle.proximity: input should be greater than or equal to 1; got 0",
        ),
        (
            "schema.out-of-range",
            11,
            47,
            "stakeholders[0].circle.urgency: input should be less than or equal to 5; got 6",
        ),
    ]


def register(tmp_path: Path, n: int) -> Path:
    lines = ["kind: stakeholders", "version: 1", "stakeholders:"]
    for i in range(n):
        power, proximity, urgency = 1 + i % 4, 1 + (i // 4) % 4, 1 + i % 5
        lines.append(
            f"  - {{id: s{i:02d}, name: Person {i:02d}, side: internal, power: 2, "
            f"legitimacy: 2, urgency: {urgency}, interest: 2, "
            f"circle: {{power: {power}, proximity: {proximity}}}}}"
        )
    path = tmp_path / "stakeholders.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_the_top_15_are_drawn_on_a_mermaid_pie_by_priority(run, tmp_path):
    result = run("stakeholders", register(tmp_path, 20), "-f", "markdown")
    text = result.stdout
    section = text.split("## Stakeholder Circle-style priorities (an approximation)")[1]
    chart = section.split("```mermaid\n")[1].split("```")[0].splitlines()
    assert chart[:2] == [
        "pie showData",
        "    title Stakeholder Circle-style index, top 15 (approximation)",
    ]
    slices = [line.strip() for line in chart[2:]]
    assert len(slices) == 15
    expected = sorted(
        (
            (domain(1 + i % 4, 1 + (i // 4) % 4, 1 + i % 5, (4, 2, 5)), f"s{i:02d}")
            for i in range(20)
        ),
        key=lambda t: (-t[0], t[1]),
    )[:15]
    assert slices == [
        f'"{k}. Person {ident[1:]}" : {index:.4f}' for k, (index, ident) in enumerate(expected, 1)
    ]
    assert "it is not the commercial tool's arithmetic" in section
    # s14: Circle power 3, proximity 4, urgency 5: (4*3/4 + 2*4/4 + 5*5/5) / 11 = 10/11
    assert "| 1 | Person 14 | 3 | 4 | 5 | 0.91 |" in section


def test_no_circle_section_without_circle_ratings(run, tmp_path):
    path = tmp_path / "stakeholders.yaml"
    path.write_text(
        "kind: stakeholders\nversion: 1\nstakeholders:\n"
        "  - {id: a, name: A, side: internal, power: 5, legitimacy: 3, urgency: 4, interest: 3,"
        " proximity: 4}\n"
    )
    assert "Circle-style priorities" not in run("stakeholders", path, "-f", "markdown").stdout
