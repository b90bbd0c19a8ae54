"""Every scorecard of a project evaluated once, for the terminal, JSON and the documents.

A scorecard lives in a charter (`scorecards:`) or in a scorecard file; both are evaluated by
`scorecard.evaluate` (docs/methods.md §7). Values are exact: a composite's score is computed on
the decimals of the file and reported unrounded (0.5625, not 0.562).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from stakecli.charters import scorecard
from stakecli.charters.model import Charter
from stakecli.charters.scorecard_model import Metric, Scorecard, ScorecardFile
from stakecli.core.project import Parsed

SOURCES = ("charter", "scorecard")
"""The kinds whose files hold scorecards."""


@dataclass(frozen=True, slots=True)
class Evaluated:
    """One scorecard, where it was found, and its result (None: structurally broken)."""

    path: Path
    source: str
    card: Scorecard
    result: scorecard.Result | None


def is_broken(card: Scorecard) -> bool:
    """Whether the scorecard has a structural error, so that it cannot be evaluated."""
    return any(f.severity == "error" for f in scorecard.check([card], (), date.max, 10**9))


def evaluate(card: Scorecard, path: Path, source: str) -> Evaluated:
    """One scorecard evaluated (or marked broken)."""
    return Evaluated(path, source, card, None if is_broken(card) else scorecard.evaluate(card))


def cards(parsed: Parsed) -> list[Scorecard]:
    """The scorecards of a charter or a scorecard file."""
    model = parsed.model
    return list(model.scorecards) if isinstance(model, Charter | ScorecardFile) else []


def project(files: list[Parsed]) -> list[Evaluated]:
    """Every scorecard of the given charters and scorecard files, in the order given."""
    return [evaluate(c, p.path, p.kind) for p in files for c in cards(p)]


def _metric(metric: Metric, result: scorecard.MetricResult | None) -> dict[str, Any]:
    composite = result is not None and result.normalised is not None
    return {
        "id": metric.id,
        "name": metric.name,
        "owner": metric.owner,
        "unit": metric.unit,
        "value": None if metric.current is None else metric.current.value,
        "as_of": None if metric.current is None else metric.current.as_of.isoformat(),
        "comparator": metric.comparator,
        "threshold": metric.threshold,
        "amber": metric.amber,
        "weight": metric.weight,
        "min": metric.min,
        "max": metric.max,
        "polarity": metric.polarity,
        "normalised": result.normalised if result else None,
        "contribution": contribution(metric, result) if composite else None,
        "verdict": None if result is None or result.status == "scored" else result.status,
    }


def contribution(metric: Metric, result: scorecard.MetricResult | None) -> float | None:
    """Weight x normalised value, exactly: the metric's share of a composite's score."""
    if result is None or result.normalised is None or metric.weight is None:
        return None
    return float(scorecard.decimal(metric.weight) * scorecard.decimal(result.normalised))


def record(e: Evaluated) -> dict[str, Any]:
    """The JSON form of one evaluated scorecard (stable keys, exact values)."""
    card, result = e.card, e.result
    by_id = {m.id: m for m in result.metrics} if result else {}
    return {
        "path": str(e.path),
        "source": e.source,
        "id": card.id,
        "name": card.name,
        "type": card.type,
        "as_of": card.as_of.isoformat() if card.as_of else None,
        "evaluated": result is not None,
        "status": result.status if result else None,
        "score": result.score if result else None,
        "threshold": card.threshold,
        "amber": card.amber,
        "metrics": [_metric(m, by_id.get(m.id)) for m in card.metrics],
    }


def number(x: float | None) -> str:
    """A value for people: up to 12 significant digits, no trailing zeros (0.5625, 99.2)."""
    return "" if x is None else f"{x:.12g}"
