"""Machine-readable forms of stakeholder assessments: JSON records and CSV rows."""

from __future__ import annotations

from typing import Any

from stakecli.stakeholders.attention import Assessment
from stakecli.stakeholders.grid import circle_ratings
from stakecli.stakeholders.model import Stakeholder


def record(a: Assessment) -> dict[str, Any]:
    """The JSON form of one assessment (stable keys; values as computed)."""
    s = a.stakeholder
    return {
        "rank": a.rank,
        "id": s.id,
        "name": s.name,
        "side": s.side.value,
        "organisation": s.organisation,
        "role": s.role,
        "tags": list(s.tags),
        "scores": _scores(s),
        "circle": None
        if (rated := circle_ratings(s)) is None
        else dict(zip(("power", "proximity", "urgency"), rated, strict=True)),
        "attributes": {
            "power": a.salience.power,
            "legitimacy": a.salience.legitimacy,
            "urgency": a.salience.urgency,
        },
        "class": a.cls.value,
        "group": a.group.value,
        "count": a.salience.count,
        "score": a.salience.score,
        "quadrant": a.quadrant.value,
        "strategy": a.strategy.value,
        "engagement": _engagement(a),
        "circle_index": a.circle,
        "owner": s.owner,
        "hidden": s.hidden,
        "discovered": s.discovered.model_dump(mode="json") if s.discovered else None,
    }


def _scores(s: Stakeholder) -> dict[str, int | None]:
    """The register's ratings of a stakeholder, as given (proximity 1-4, the others 1-5)."""
    return {
        "power": s.power,
        "legitimacy": s.legitimacy,
        "urgency": s.urgency,
        "interest": s.interest,
        "proximity": s.proximity,
    }


def _engagement(a: Assessment) -> dict[str, Any] | None:
    """Current and desired engagement and the gap between them; None when not assessed."""
    if a.current is None or a.desired is None:
        return None
    return {
        "current": a.current.value,
        "desired": a.desired.value,
        "gap": a.gap,
        "over_engaged": a.over_engaged,
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
    """One CSV row, in CSV_HEADER order; a cell a spreadsheet would run is neutralised."""
    from stakecli.core.tables import escape

    s = a.stakeholder
    return [escape(cell) for cell in _cells(a, s)]


def _cells(a: Assessment, s: Any) -> list[str]:
    return [
        str(a.rank),
        s.id,
        s.name,
        s.side.value,
        a.cls.value,
        a.group.value,
        str(a.salience.count),
        f"{a.salience.score:.4f}",
        a.quadrant.value,
        a.strategy.value,
        a.current.value if a.current else "",
        a.desired.value if a.desired else "",
        str(a.gap) if a.current else "",
        ("true" if a.over_engaged else "false") if a.current else "",
        "" if a.circle is None else f"{a.circle:.4f}",
        s.owner or "",
        "true" if s.hidden else "false",
        *_discovery(a),
    ]


def _discovery(a: Assessment) -> list[str]:
    found = a.stakeholder.discovered
    if found is None:
        return ["", "", "", "", ""]
    return [
        found.method,
        found.source or "",
        found.interview or "",
        found.journey_stage or "",
        found.visibility.value if found.visibility else "",
    ]
