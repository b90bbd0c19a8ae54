"""Scorecards: DOMAIN.md 8.6 exactly, gates vs composites, amber, staleness."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from stakecli.charters.scorecard import check, evaluate
from stakecli.charters.scorecard_model import Scorecard

TODAY = date(2026, 11, 25)


def metric(id_: str, value: float | None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": id_, "name": id_, "owner": "o", "unit": "%", **extra}
    if value is not None:
        out["current"] = {"value": value, "as_of": "2026-11-20"}
    return out


def adoption(uptime: float, engagement: float, **card: Any) -> Scorecard:
    """DOMAIN 8.6: "Successful adoption" = uptime >= 99.0% AND weekly engagement >= 60%."""
    return Scorecard.model_validate(
        {
            "id": "adoption",
            "name": "Successful adoption",
            "type": "gate",
            "metrics": [
                metric("uptime", uptime, comparator=">=", threshold=99.0),
                metric("engagement", engagement, comparator=">=", threshold=60),
            ],
            **card,
        }
    )


def codes(card: Scorecard, today: date = TODAY, max_age: int = 35) -> list[str]:
    return [f.code for f in check([card], ("scorecards",), today, max_age)]


def test_domain_8_6_stable_but_unengaging_fails():
    result = evaluate(adoption(99.5, 55))
    assert result.status == "fail"
    assert [(m.id, m.status) for m in result.metrics] == [
        ("uptime", "pass"),
        ("engagement", "fail"),
    ]


def test_domain_8_6_stable_and_engaging_passes():
    result = evaluate(adoption(99.2, 63))
    assert result.status == "pass"
    assert [(m.id, m.status) for m in result.metrics] == [
        ("uptime", "pass"),
        ("engagement", "pass"),
    ]


def test_a_weighted_sum_of_the_same_numbers_would_pass_what_the_gate_fails():
    composite = Scorecard.model_validate(
        {
            "id": "c",
            "name": "Weighted",
            "type": "composite",
            "threshold": 0.5,
            "metrics": [
                metric("uptime", 99.5, weight=0.5, min=98, max=100, polarity="higher-is-better"),
                metric("engagement", 55, weight=0.5, min=40, max=80, polarity="higher-is-better"),
            ],
        }
    )
    result = evaluate(composite)
    # (99.5-98)/2 = 0.75, (55-40)/40 = 0.375 -> 0.5625: compensatory, so it passes.
    assert result.score == pytest.approx(0.5625)
    assert result.status == "pass"
    assert evaluate(adoption(99.5, 55)).status == "fail"


def test_failing_gate_is_reported_as_info_with_the_failing_metric():
    (f,) = check([adoption(99.5, 55)], ("scorecards",), TODAY, 35)
    assert (f.code, f.severity, f.loc) == ("scorecard.failing", "info", ("scorecards", 0))
    assert f.message == "'Successful adoption' is fail (not met: engagement)"
    assert codes(adoption(99.2, 63)) == []


def test_amber_band_on_the_failing_side():
    card = Scorecard.model_validate(
        {
            "id": "a",
            "name": "A",
            "type": "gate",
            "metrics": [metric("uptime", 98.7, comparator=">=", threshold=99.0, amber=98.5)],
        }
    )
    assert evaluate(card).status == "amber"
    assert codes(card) == ["scorecard.amber"]
    lower = Scorecard.model_validate(
        {
            "id": "l",
            "name": "Latency",
            "type": "gate",
            "metrics": [metric("p95", 230, comparator="<=", threshold=200, amber=250)],
        }
    )
    assert evaluate(lower).status == "amber"


def test_amber_edge_on_the_passing_side_is_an_error():
    card = Scorecard.model_validate(
        {
            "id": "a",
            "name": "A",
            "type": "gate",
            "metrics": [metric("uptime", 99.5, comparator=">=", threshold=99.0, amber=99.5)],
        }
    )
    assert codes(card) == ["scorecard.amber-band"]


def test_gate_with_a_weight_is_mixed_and_not_evaluated():
    card = adoption(99.5, 55)
    mixed = card.model_copy(
        update={"metrics": [card.metrics[0].model_copy(update={"weight": 0.5}), card.metrics[1]]}
    )
    found = list(check([mixed], ("scorecards",), TODAY, 35))
    assert [(f.code, f.loc) for f in found] == [
        ("scorecard.mixed-types", ("scorecards", 0, "metrics", 0, "weight"))
    ]
    assert codes(card) == ["scorecard.failing"]


def test_gate_with_a_score_threshold_is_mixed():
    assert codes(adoption(99.2, 63, threshold=0.7)) == ["scorecard.mixed-types"]


def test_composite_metric_with_a_threshold_is_mixed():
    card = Scorecard.model_validate(
        {
            "id": "c",
            "name": "C",
            "type": "composite",
            "threshold": 0.5,
            "metrics": [
                metric("u", 99, weight=1.0, min=98, max=100, polarity="higher-is-better",
                       comparator=">=", threshold=99),
            ],
        }
    )  # fmt: skip
    assert codes(card) == ["scorecard.mixed-types"]


def composite(*weights: float, threshold: float | None = 0.5, **extra: Any) -> Scorecard:
    data: dict[str, Any] = {
        "id": "c",
        "name": "C",
        "type": "composite",
        "metrics": [
            metric(f"m{i}", 50, weight=w, min=0, max=100, polarity="higher-is-better", **extra)
            for i, w in enumerate(weights)
        ],
    }
    if threshold is not None:
        data["threshold"] = threshold
    return Scorecard.model_validate(data)


def test_composite_weights_must_sum_to_one():
    assert codes(composite(0.5, 0.4)) == ["scorecard.weights-sum"]
    assert codes(composite(0.5, 0.5)) == []
    assert codes(composite(0.1, 0.2, 0.7)) == []  # 0.1 + 0.2 is not exactly 0.3 in floats


def test_composite_needs_threshold_weight_and_range():
    assert codes(composite(1.0, threshold=None)) == ["scorecard.composite-incomplete"]
    no_range = Scorecard.model_validate(
        {"id": "c", "name": "C", "type": "composite", "threshold": 0.5,
         "metrics": [metric("m", 1, weight=1.0, polarity="higher-is-better")]}
    )  # fmt: skip
    assert codes(no_range) == ["scorecard.composite-incomplete"]
    inverted = Scorecard.model_validate(
        {"id": "c", "name": "C", "type": "composite", "threshold": 0.5,
         "metrics": [metric("m", 1, weight=1.0, min=5, max=5, polarity="higher-is-better")]}
    )  # fmt: skip
    assert codes(inverted) == ["scorecard.composite-incomplete"]


def test_lower_is_better_is_mirrored_and_clipped():
    card = Scorecard.model_validate(
        {
            "id": "c",
            "name": "C",
            "type": "composite",
            "threshold": 0.6,
            "amber": 0.4,
            "metrics": [
                metric("latency", 150, weight=0.5, min=100, max=300, polarity="lower-is-better"),
                metric("nps", 120, weight=0.5, min=0, max=100, polarity="higher-is-better"),
            ],
        }
    )
    result = evaluate(card)
    assert [m.normalised for m in result.metrics] == [0.75, 1.0]
    assert result.score == pytest.approx(0.875)


def test_composite_amber_between_amber_and_threshold():
    assert (
        evaluate(
            composite(
                1.0,
                threshold=0.6,
            )
        ).status
        == "fail"
    )
    card = composite(1.0, threshold=0.6).model_copy(update={"amber": 0.4})
    assert evaluate(card).status == "amber"
    assert codes(card) == ["scorecard.amber"]


def test_polarity_contradicting_the_comparator_is_an_error():
    card = Scorecard.model_validate(
        {
            "id": "a",
            "name": "A",
            "type": "gate",
            "metrics": [
                metric("u", 99.5, comparator=">=", threshold=99, polarity="lower-is-better")
            ],
        }
    )
    assert codes(card) == ["scorecard.polarity-mismatch"]


def test_gate_metric_without_threshold_is_incomplete():
    card = Scorecard.model_validate(
        {"id": "a", "name": "A", "type": "gate", "metrics": [metric("u", 99.5, comparator=">=")]}
    )
    assert codes(card) == ["scorecard.gate-incomplete"]


def test_duplicate_metric_ids():
    card = Scorecard.model_validate(
        {
            "id": "a",
            "name": "A",
            "type": "gate",
            "metrics": [metric("u", 99.5, comparator=">=", threshold=99)] * 2,
        }
    )
    assert codes(card) == ["scorecard.duplicate-metric"]


def test_stale_value_is_a_warning_after_max_age_days():
    card = adoption(99.2, 63)  # measured 2026-11-20
    assert codes(card, today=date(2026, 12, 25)) == []  # 35 days: still fresh
    found = list(check([card], ("scorecards",), date(2026, 12, 26), 35))
    assert [(f.code, f.severity) for f in found] == [("scorecard.stale", "warning")] * 2
    assert found[0].loc == ("scorecards", 0, "metrics", 0, "current", "as_of")
    assert "36 days before 2026-12-26" in found[0].message
    assert codes(card, today=date(2026, 12, 26), max_age=40) == []


def test_staleness_is_measured_from_the_scorecards_own_date():
    card = adoption(99.2, 63, as_of="2026-11-24")
    assert codes(card, today=date(2027, 6, 1)) == []


def test_missing_current_value_is_no_data():
    card = Scorecard.model_validate(
        {
            "id": "a",
            "name": "A",
            "type": "gate",
            "metrics": [metric("u", None, comparator=">=", threshold=99)],
        }
    )
    assert evaluate(card).status == "no-data"
    assert codes(card) == ["scorecard.no-data"]
