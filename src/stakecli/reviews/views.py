"""A review's agenda, pre-filled with its data: the ceremony's agenda, then the numbers."""

from __future__ import annotations

from typing import Any

from stakecli.comms.model import CommsPlan
from stakecli.comms.views import CEREMONY_LABELS, _ceremony
from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.reviews.model import Feature, Goal, Initiative, Metric, Review
from stakecli.reviews.rules import verdict
from stakecli.stakeholders import scope
from stakecli.stakeholders.people import person, register

COMPARATORS = {">=": "≥", ">": "more than", "<=": "≤", "<": "less than"}
"""How a comparator reads in a document (a bare `>` would need escaping in Markdown)."""


def number(value: float | None, unit: str | None = None) -> str:
    """`1,250`, `37.5 %`, or an em dash."""
    if value is None:
        return "—"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return f"{text} {unit}" if unit else text


def _metric(m: Metric, review: Review, max_age: int) -> dict[str, Any]:
    ordered = sorted(m.values, key=lambda v: v.on)
    latest = ordered[-1]
    previous = ordered[-2] if len(ordered) > 1 else None
    change = None if previous is None else latest.value - previous.value
    return {
        "name": m.name,
        "category": m.category.value,
        "latest": number(latest.value, m.unit),
        "on": latest.on.isoformat(),
        "change": "—" if change is None else ("+" if change > 0 else "") + number(change),
        "target": number(m.target, m.unit),
        "goal": m.goal,
        "stale": (review.date - latest.on).days > max_age,
        "history": ", ".join(f"{v.on}: {number(v.value)}" for v in ordered),
    }


def agenda(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """The ceremony's agenda and the review's data, every value computed here."""
    review = parsed.model
    assert isinstance(review, Review)
    people = register(workspace, parsed.path)
    ceremony = _find_ceremony(review, parsed, workspace, people)
    max_age = workspace.config.engagement.figure_max_age_days
    goals = {g.id: g for g in review.goals}
    return {
        "review": review,
        "title": (ceremony["name"] if ceremony else review.ceremony)
        + (f", {review.period}" if review.period else ""),
        "kind": ceremony["type"] if ceremony else CEREMONY_LABELS["other"],
        "ceremony": ceremony,
        "date": review.date.isoformat(),
        "account": person(review.account, people) if review.account else None,
        "agreed_on": review.outcomes_agreed_on.isoformat() if review.outcomes_agreed_on else None,
        "changes": review.changes_since_agreed,
        "goals": [_goal(g) for g in review.goals],
        "metrics": [
            {
                **_metric(m, review, max_age),
                "goal": goals[m.goal].outcome if m.goal in goals else None,
            }
            for m in review.metrics
        ],
        "max_age": max_age,
        "initiatives": [_initiative(i, people) for i in review.initiatives],
        "features": [_feature(f, review, people) for f in review.features],
        "risks": review.risks,
        "asks": [_ask(a, people) for a in review.asks],
        "commitments": [_ask(a, people) for a in review.commitments],
        "next_review": review.next_review.isoformat() if review.next_review else None,
    }


def _find_ceremony(
    review: Review, parsed: Parsed, workspace: Workspace, people: dict[str, Any]
) -> dict[str, Any] | None:
    """The ceremony the review is of, from the project's comms plans (the first that has it)."""
    ceremony = None
    for plan_file in scope.files(workspace, "comms", parsed.path):
        plan = plan_file.model
        assert isinstance(plan, CommsPlan)
        found = next((c for c in plan.ceremonies if c.id == review.ceremony), None)
        ceremony = ceremony or (_ceremony(found, people) if found else None)
    return ceremony


def _goal(g: Goal) -> dict[str, Any]:
    """An outcome goal: its target, the actual result and its status."""
    return {
        "id": g.id,
        "outcome": g.outcome,
        "target": g.target,
        "actual": g.actual,
        "status": g.status.value if g.status else None,
    }


def _initiative(i: Initiative, people: dict[str, Any]) -> dict[str, Any]:
    """An initiative: its bet, owner by name, status, funding ask, results and key results."""
    return {
        "objective": i.objective,
        "bet": i.bet,
        "owner": person(i.owner, people)["name"] if i.owner else None,
        "status": i.status.value,
        "moscow": i.moscow,
        "funding": number(i.funding_ask, i.currency),
        "results": i.results,
        "decision": i.decision,
        "key_results": [
            {
                "name": k.name,
                "baseline": number(k.baseline, k.unit),
                "target": number(k.target, k.unit),
                "actual": number(k.actual, k.unit),
            }
            for k in i.key_results
        ],
    }


def _feature(f: Feature, review: Review, people: dict[str, Any]) -> dict[str, Any]:
    """A released feature, its owner by name, and its metric judged on the review's date."""
    m = f.metric
    return {
        "name": f.name,
        "released_on": f.released_on.isoformat(),
        "owner": person(f.owner, people)["name"] if f.owner else None,
        "metric": None
        if m is None
        else {
            "metric": m.metric,
            "target": f"{COMPARATORS[m.comparator.value]} {number(m.target, m.unit)}",
            "baseline": number(m.baseline, m.unit),
            "set_on": m.set_on.isoformat(),
            "measure_on": m.measure_on.isoformat(),
            "actual": number(m.actual, m.unit),
            "measured_on": m.measured_on.isoformat() if m.measured_on else None,
            "verdict": verdict(m, review.date),
        },
    }


def _ask(item: Any, people: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": item.text,
        "owner": person(item.owner, people)["name"],
        "due": item.due.isoformat() if item.due else None,
    }


SPECS = [DocumentSpec("review-agenda", "review", "review-agenda.md.j2", "internal", agenda)]
"""The review documents (see docs/engagement.md)."""
