"""Machine-readable forms of stakeholder assessments: JSON records and CSV rows."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from stakecli.stakeholders.attention import Assessment
from stakecli.stakeholders.grid import Quadrant, circle_ratings
from stakecli.stakeholders.model import Engagement
from stakecli.stakeholders.salience import Salience


def record(a: Assessment) -> dict[str, Any]:
    """The JSON form of one assessment (stable keys; values as computed)."""
    s = a.stakeholder
    eng = s.engagement
    rated = circle_ratings(s)
    engagement = _engagement_record(eng.current, eng.desired, a.gap) if eng else None
    return {
        "rank": a.rank,
        "id": s.id,
        "name": s.name,
        "side": s.side.value,
        "organisation": s.organisation,
        "role": s.role,
        "tags": list(s.tags),
        "scores": {
            "power": s.power,
            "legitimacy": s.legitimacy,
            "urgency": s.urgency,
            "interest": s.interest,
            "proximity": s.proximity,
        },
        "circle": None
        if rated is None
        else dict(zip(("power", "proximity", "urgency"), rated, strict=True)),
        "attributes": dict(_attributes(a.salience)),
        **_salience_record(a.salience),
        **_quadrant_record(a.quadrant),
        "engagement": None if engagement is None else dict(engagement),
        "circle_index": a.circle,
        "owner": s.owner,
        "hidden": s.hidden,
        "discovered": s.discovered.model_dump(mode="json") if s.discovered else None,
    }


@cache
def _salience_record(salience: Salience) -> dict[str, Any]:
    """The salience keys of a record after `attributes`, in their order."""
    return {
        "class": salience.cls.value,
        "group": salience.group.value,
        "count": salience.count,
        "score": salience.score,
    }


@cache
def _attributes(salience: Salience) -> dict[str, bool]:
    return {
        "power": salience.power,
        "legitimacy": salience.legitimacy,
        "urgency": salience.urgency,
    }


@cache
def _quadrant_record(quadrant: Quadrant) -> dict[str, str]:
    return {"quadrant": quadrant.value, "strategy": quadrant.strategy.value}


@cache
def _engagement_record(current: Engagement, desired: Engagement, gap: int) -> dict[str, Any]:
    return {
        "current": current.value,
        "desired": desired.value,
        "gap": gap,
        "over_engaged": gap < 0,
    }


CSV_HEADER = [
    "rank",
    "id",
    "name",
    "side",
    "class",
    "group",
    "count",
    "score",
    "quadrant",
    "strategy",
    "current",
    "desired",
    "gap",
    "over_engaged",
    "circle_index",
    "owner",
    "hidden",
    "discovered_method",
    "discovered_source",
    "discovered_interview",
    "journey_stage",
    "visibility",
]


def csv_row(a: Assessment) -> list[str]:
    """One CSV row, in CSV_HEADER order; a cell a spreadsheet would run is neutralised.

    Only the register's own text can start like a formula: the computed cells are numbers
    (never neutralised) and fixed words, shared between rows with the same assessment.
    """
    from stakecli.core.tables import escape

    s = a.stakeholder
    eng = s.engagement
    return [
        str(a.rank),
        escape(s.id),
        escape(s.name),
        s.side.value,
        *_salience_cells(a.salience),
        *_quadrant_cells(a.quadrant),
        *_engagement_cells(eng.current if eng else None, eng.desired if eng else None, a.gap),
        "" if a.circle is None else f"{a.circle:.4f}",
        escape(s.owner or ""),
        "true" if s.hidden else "false",
        *_discovery(a, escape),
    ]


@cache
def _salience_cells(salience: Salience) -> tuple[str, str, str, str]:
    return salience.cls.value, salience.group.value, str(salience.count), f"{salience.score:.4f}"


@cache
def _quadrant_cells(quadrant: Quadrant) -> tuple[str, str]:
    return quadrant.value, quadrant.strategy.value


@cache
def _engagement_cells(
    current: Engagement | None, desired: Engagement | None, gap: int
) -> tuple[str, str, str, str]:
    """current, desired, gap and over_engaged (the last two empty when C is not assessed)."""
    return (
        current.value if current else "",
        desired.value if desired else "",
        str(gap) if current else "",
        ("true" if gap < 0 else "false") if current else "",
    )


def _discovery(a: Assessment, escape: Callable[[str], str]) -> list[str]:
    found = a.stakeholder.discovered
    if found is None:
        return ["", "", "", "", ""]
    return [
        found.method,
        escape(found.source or ""),
        escape(found.interview or ""),
        escape(found.journey_stage or ""),
        found.visibility.value if found.visibility else "",
    ]
