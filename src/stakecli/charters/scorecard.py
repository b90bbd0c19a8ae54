"""Scorecard evaluation: conjunctive gates and min-max weighted composites (docs/methods.md §7).

A gate passes only if every metric meets its threshold (non-compensatory); a composite is a
weighted sum of min-max normalised values (compensatory). The two are distinct types: a gate
metric with a weight, or a composite metric with a threshold, is an error, never reinterpreted.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal

from stakecli.charters.scorecard_model import Metric, Scorecard
from stakecli.core.findings import Finding, Loc, error, info, warning
from stakecli.core.rules import Rule


def _card(metrics: str, head: str = "type: gate") -> str:
    """A scorecard file with one scorecard (`head` holds its type and card-level keys)."""
    return (
        "kind: scorecard\nversion: 1\nscorecards:\n  - id: adoption\n    name: Adoption\n"
        + "".join(f"    {line}\n" for line in head.splitlines())
        + "    as_of: 2026-11-25\n    metrics:\n"
        + metrics
    )


_UPTIME = '      - {id: uptime, name: Uptime, owner: cy, unit: "%", comparator: ">=", threshold: 99'
_NOW = "current: {value: 99.5, as_of: 2026-11-20}"
_GATE = f"{_UPTIME},\n         {_NOW}}}\n"
_COMPOSITE = "type: composite\nthreshold: 0.6"


def _part(id_: str, weight: str, extra: str = "") -> str:
    return (
        f'      - {{id: {id_}, name: {id_}, owner: cy, unit: "%", weight: {weight}, min: 0,\n'
        f"         max: 100, polarity: higher-is-better, {_NOW}{extra}}}\n"
    )


RULES = [
    Rule(
        "scorecard.mixed-types",
        "error",
        "A gate metric has a weight, or a composite metric a "
        "threshold: conjunctive and weighted definitions are never mixed.",
        why="""A gate passes only if every metric passes; a composite adds weighted scores.
        Mixing them would let a strong metric hide a failing one (DOMAIN.md 8.6).""",
        bad=_card(f"{_UPTIME}, weight: 0.5,\n         {_NOW}}}\n"),
        good=_card(_GATE),
    ),
    Rule(
        "scorecard.gate-incomplete",
        "error",
        "A gate metric lacks its comparator or threshold.",
        why="""A gate metric without a threshold cannot pass or fail, so the gate cannot be
        evaluated.""",
        bad=_card(
            '      - {id: uptime, name: Uptime, owner: cy, unit: "%", comparator: ">=",\n'
            f"         {_NOW}}}\n"
        ),
        good=_card(_GATE),
    ),
    Rule(
        "scorecard.composite-incomplete",
        "error",
        "A composite lacks a pass threshold, or a "
        "metric its weight, polarity or a min below its max.",
        why="""A composite normalises each metric between its min and max and weighs it; a
        missing part leaves the score undefined.""",
        bad=_card(_part("uptime", "0.5") + _part("engagement", "0.5"), "type: composite"),
        good=_card(_part("uptime", "0.5") + _part("engagement", "0.5"), _COMPOSITE),
    ),
    Rule(
        "scorecard.weights-sum",
        "error",
        "A composite's weights do not sum to 1.",
        why="""Weights that do not sum to 1 move the score away from the 0-1 scale its pass
        threshold is written on.""",
        bad=_card(_part("uptime", "0.5") + _part("engagement", "0.4"), _COMPOSITE),
        good=_card(_part("uptime", "0.5") + _part("engagement", "0.5"), _COMPOSITE),
    ),
    Rule(
        "scorecard.polarity-mismatch",
        "error",
        "A metric's polarity contradicts its comparator.",
        why="""'Lower is better' with a '>=' threshold says two opposite things about the same
        metric; one of them is a mistake.""",
        bad=_card(f"{_UPTIME}, polarity: lower-is-better,\n         {_NOW}}}\n"),
        good=_card(f"{_UPTIME}, polarity: higher-is-better,\n         {_NOW}}}\n"),
    ),
    Rule(
        "scorecard.amber-band",
        "error",
        "An amber edge lies on the passing side of the threshold.",
        why="""Amber is the warning band just short of passing; an amber edge beyond the
        threshold would mark passing values amber.""",
        bad=_card(f"{_UPTIME}, amber: 99.5,\n         {_NOW}}}\n"),
        good=_card(f"{_UPTIME}, amber: 98.5,\n         {_NOW}}}\n"),
    ),
    Rule(
        "scorecard.duplicate-metric",
        "error",
        "Two metrics of one scorecard share an id.",
        why="""Metrics are reported and charted by id; two with one id would overwrite each
        other.""",
        bad=_card(_GATE + _GATE),
        good=_card(_GATE + _GATE.replace("id: uptime", "id: latency", 1)),
    ),
    Rule(
        "scorecard.stale",
        "warning",
        "A current value is older than scorecard.max_age_days.",
        why="""A gate evaluated on last quarter's number says nothing about today; the value is
        measured against the scorecard's own date (scorecard.max_age_days, 35 by default).""",
        bad=_card(_GATE.replace("as_of: 2026-11-20", "as_of: 2026-08-01")),
        good=_card(_GATE),
    ),
    Rule(
        "scorecard.no-data",
        "info",
        "A metric has no current value, so it cannot be evaluated.",
        why="""Until a metric has a value the scorecard cannot say pass or fail; the note keeps
        the missing measurement visible.""",
        bad=_card(f"{_UPTIME}}}\n"),
        good=_card(_GATE),
    ),
    Rule(
        "scorecard.failing",
        "info",
        "A scorecard evaluates to fail (re-grade to error to gate CI).",
        why="""A failing scorecard is news, not a mistake in the file, so it is a note by
        default; re-grade it to error to make CI stop on a failing gate.""",
        bad=_card(_GATE.replace("value: 99.5", "value: 97")),
        good=_card(_GATE),
    ),
    Rule(
        "scorecard.amber",
        "info",
        "A scorecard evaluates to amber.",
        why="""Amber says a metric is short of its threshold but inside its warning band:
        time to act before it fails.""",
        bad=_card(f"{_UPTIME}, amber: 98,\n         {_NOW.replace('99.5', '98.5')}}}\n"),
        good=_card(f"{_UPTIME}, amber: 98,\n         {_NOW}}}\n"),
    ),
]

Status = Literal["pass", "amber", "fail", "no-data", "scored"]
"""A verdict; `scored` is a composite's metric: a composite judges only its total score."""
HIGHER = {">=": True, ">": True, "<=": False, "<": False}
WEIGHT_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class MetricResult:
    """One metric's evaluation (`normalised` only in composites)."""

    id: str
    status: Status
    value: float | None
    normalised: float | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """A scorecard's evaluation; `score` is the composite's weighted sum."""

    id: str
    type: str
    status: Status
    metrics: tuple[MetricResult, ...]
    score: float | None = None


def meets(value: float, comparator: str, threshold: float) -> bool:
    """`value <comparator> threshold`."""
    return {
        ">=": value >= threshold,
        ">": value > threshold,
        "<=": value <= threshold,
        "<": value < threshold,
    }[comparator]


def gate_metric(metric: Metric) -> MetricResult:
    """Pass if the threshold is met; amber if inside the amber band; else fail."""
    assert metric.comparator is not None
    assert metric.threshold is not None
    if metric.current is None:
        return MetricResult(metric.id, "no-data", None)
    value = metric.current.value
    if meets(value, metric.comparator, metric.threshold):
        return MetricResult(metric.id, "pass", value)
    higher = HIGHER[metric.comparator]
    in_band = metric.amber is not None and (
        value >= metric.amber if higher else value <= metric.amber
    )
    return MetricResult(metric.id, "amber" if in_band else "fail", value)


def decimal(x: float) -> Fraction:
    """A number as the decimal the file wrote: 99.2 is 992/10, not the nearest binary float.

    Scorecard values are written in decimal, so arithmetic on them is done on these exact
    fractions and only the result is turned back into a float: (99.2 - 98) / 2 is 0.6, not
    0.6000000000000014.
    """
    return Fraction(repr(float(x)))


def normalise(metric: Metric, value: float) -> float:
    """Min-max normalisation to [0, 1] (OECD 2008); lower-is-better is mirrored; clipped."""
    return float(_normalised(metric, value))


def _normalised(metric: Metric, value: float) -> Fraction:
    assert metric.min is not None
    assert metric.max is not None
    low, high, x = decimal(metric.min), decimal(metric.max), decimal(value)
    share = (high - x if metric.polarity == "lower-is-better" else x - low) / (high - low)
    return min(Fraction(1), max(Fraction(0), share))


def evaluate(card: Scorecard) -> Result:
    """Evaluate a structurally valid scorecard (see `check`).

    A composite's score is `sum(weight * normalised)` computed exactly on the decimals of the
    file, then compared with the threshold (pass at or above) and the amber edge.
    """
    if card.type == "gate":
        results = tuple(gate_metric(m) for m in card.metrics)
        return Result(card.id, card.type, _conjunction([r.status for r in results]), results)
    shares = [None if m.current is None else _normalised(m, m.current.value) for m in card.metrics]
    parts = tuple(
        MetricResult(m.id, "no-data", None)
        if share is None or m.current is None
        else MetricResult(m.id, "scored", m.current.value, float(share))
        for m, share in zip(card.metrics, shares, strict=True)
    )
    if any(share is None for share in shares):
        return Result(card.id, card.type, "no-data", parts)
    exact = sum(
        (
            decimal(m.weight or 0.0) * (share or 0)
            for m, share in zip(card.metrics, shares, strict=True)
        ),
        Fraction(0),
    )
    assert card.threshold is not None
    status: Status = "pass" if exact >= decimal(card.threshold) else "fail"
    if status == "fail" and card.amber is not None and exact >= decimal(card.amber):
        status = "amber"
    return Result(card.id, card.type, status, parts, float(exact))


def _conjunction(statuses: list[Status]) -> Status:
    for worst in ("fail", "no-data", "amber"):
        if worst in statuses:
            return worst
    return "pass"


def check(cards: list[Scorecard], at: Loc, today: date, max_age_days: int) -> Iterator[Finding]:
    """Structure, staleness and evaluation findings of the scorecards found at `at`."""
    for s, card in enumerate(cards):
        loc = (*at, s)
        problems = list(_structure(card, loc))
        yield from problems
        evaluated_on = card.as_of or today
        for m, metric in enumerate(card.metrics):
            where = (*loc, "metrics", m)
            if metric.current is None:
                yield info("scorecard.no-data", where, f"{metric.name!r} has no current value")
                continue
            age = (evaluated_on - metric.current.as_of).days
            if age > max_age_days:
                yield warning(
                    "scorecard.stale",
                    (*where, "current", "as_of"),
                    f"{metric.name!r} was measured on {metric.current.as_of}, {age} days before "
                    f"{evaluated_on}; refresh it (limit {max_age_days} days)",
                )
        if any(p.severity == "error" for p in problems):
            continue
        result = evaluate(card)
        if result.status in ("fail", "amber"):
            failing = [r.id for r in result.metrics if r.status in ("fail", "amber")]
            detail = (
                f"score {result.score:.12g} against {card.threshold:g}"
                if result.score is not None
                else "not met: " + ", ".join(failing)
            )
            code = "scorecard.failing" if result.status == "fail" else "scorecard.amber"
            yield info(code, loc, f"{card.name!r} is {result.status} ({detail})")


def _structure(card: Scorecard, loc: Loc) -> Iterator[Finding]:
    seen: set[str] = set()
    for m, metric in enumerate(card.metrics):
        where = (*loc, "metrics", m)
        if metric.id in seen:
            yield error(
                "scorecard.duplicate-metric", (*where, "id"), f"metric id {metric.id!r} repeats"
            )
        seen.add(metric.id)
        yield from (_gate if card.type == "gate" else _composite)(metric, where, card.name)
    if card.type == "composite":
        total = math.fsum(m.weight or 0.0 for m in card.metrics)
        if abs(total - 1.0) > WEIGHT_TOLERANCE:
            yield error(
                "scorecard.weights-sum",
                loc,
                f"the weights of {card.name!r} sum to {total:g}; they must sum to 1",
            )
        if card.threshold is None:
            yield error(
                "scorecard.composite-incomplete",
                loc,
                f"composite {card.name!r} needs `threshold:` (the score in [0, 1] that passes)",
            )
        elif card.amber is not None and card.amber > card.threshold:
            yield error(
                "scorecard.amber-band", (*loc, "amber"), "amber must be below the threshold"
            )
    elif card.threshold is not None or card.amber is not None:
        yield error(
            "scorecard.mixed-types",
            (*loc, "threshold"),
            f"gate {card.name!r} passes when every metric passes; a score threshold belongs to "
            "a composite",
        )


def _gate(metric: Metric, loc: Loc, card: str) -> Iterator[Finding]:
    extra = [k for k in ("weight", "min", "max") if getattr(metric, k) is not None]
    if extra:
        yield error(
            "scorecard.mixed-types",
            (*loc, extra[0]),
            f"{metric.name!r} is in gate {card!r} (all must pass) but has {', '.join(extra)}; "
            "a gate is never turned into a weighted sum: make the scorecard a composite, or "
            "drop them",
        )
    if metric.comparator is None or metric.threshold is None:
        yield error(
            "scorecard.gate-incomplete",
            loc,
            f"{metric.name!r} needs `comparator:` (>=, >, <=, <) and `threshold:`",
        )
        return
    higher = HIGHER[metric.comparator]
    if metric.polarity is not None and (metric.polarity == "higher-is-better") != higher:
        yield error(
            "scorecard.polarity-mismatch",
            (*loc, "polarity"),
            f"{metric.name!r} is {metric.polarity} but passes when {metric.comparator} "
            f"{metric.threshold:g}",
        )
    if metric.amber is not None and (
        metric.amber >= metric.threshold if higher else metric.amber <= metric.threshold
    ):
        yield error(
            "scorecard.amber-band",
            (*loc, "amber"),
            f"{metric.name!r}: amber {metric.amber:g} must lie on the failing side of "
            f"{metric.comparator} {metric.threshold:g}",
        )


def _composite(metric: Metric, loc: Loc, card: str) -> Iterator[Finding]:
    extra = [k for k in ("comparator", "threshold", "amber") if getattr(metric, k) is not None]
    if extra:
        yield error(
            "scorecard.mixed-types",
            (*loc, extra[0]),
            f"{metric.name!r} is in composite {card!r} (a weighted sum) but has "
            f"{', '.join(extra)}; a per-metric threshold makes it a gate: use a gate, or drop them",
        )
    missing = [k for k in ("weight", "min", "max", "polarity") if getattr(metric, k) is None]
    if missing:
        yield error(
            "scorecard.composite-incomplete", loc, f"{metric.name!r} needs {', '.join(missing)}"
        )
    elif metric.min is not None and metric.max is not None and metric.min >= metric.max:
        yield error(
            "scorecard.composite-incomplete",
            (*loc, "max"),
            f"{metric.name!r}: min {metric.min:g} must be below max {metric.max:g}",
        )
