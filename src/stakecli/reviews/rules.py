"""Checks of review files: stale figures, features without metrics, metrics never measured."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from stakecli.core.findings import Finding, Loc, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.engagement.cadence import as_of
from stakecli.reviews.model import Feature, Review, SuccessMetric

RULES = [
    Rule(
        "review.stale-figure",
        "warning",
        "A metric's latest value is older than `engagement.figure_max_age_days` at the review.",
        why="""A business review run on last quarter's numbers argues about the past, not about
        the account as it is.""",
        bad="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        metrics:
          - {id: arr, name: ARR, category: revenue, values: [{on: 2025-06-30, value: 96000}]}
        """,
        good="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        metrics:
          - {id: arr, name: ARR, category: revenue, values: [{on: 2025-09-30, value: 120000}]}
        """,
    ),
    Rule(
        "review.unknown-goal",
        "error",
        "A metric's `goal` is not the id of one of the review's goals.",
        why="""A figure reported against no agreed outcome cannot say whether it is good news;
        the link to the goal is what makes it a result.""",
        bad="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        goals:
          - {id: retain, outcome: Keep the account, target: no churn}
        metrics:
          - {id: churn, name: Churn, goal: retention, values: [{on: 2025-09-30, value: 1.5}]}
        """,
        good="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        goals:
          - {id: retain, outcome: Keep the account, target: no churn}
        metrics:
          - {id: churn, name: Churn, goal: retain, values: [{on: 2025-09-30, value: 1.5}]}
        """,
    ),
    Rule(
        "review.feature-without-metric",
        "warning",
        "A released feature has no success metric.",
        why="""Without a success target set before release, any result can be called a success
        after it.""",
        bad="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        features:
          - id: export
            name: CSV export
            released_on: 2025-09-20
        """,
        good="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        features:
          - id: export
            name: CSV export
            released_on: 2025-09-20
            metric: {metric: Weekly exports, target: 200, set_on: 2025-09-01,
                     measure_on: 2025-10-20,
              actual: 230, measured_on: 2025-10-21}
        """,
    ),
    Rule(
        "review.target-after-release",
        "warning",
        "A feature's success target was set on or after its release.",
        why="""A target chosen after the numbers are in measures nothing; it has to be set
        before the release.""",
        bad="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        features:
          - id: export
            name: CSV export
            released_on: 2025-09-20
            metric: {metric: Weekly exports, target: 200, set_on: 2025-09-25,
                     measure_on: 2025-10-20,
              actual: 230, measured_on: 2025-10-21}
        """,
        good="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        features:
          - id: export
            name: CSV export
            released_on: 2025-09-20
            metric: {metric: Weekly exports, target: 200, set_on: 2025-09-01,
                     measure_on: 2025-10-20,
              actual: 230, measured_on: 2025-10-21}
        """,
    ),
    Rule(
        "review.metric-not-measured",
        "warning",
        "A feature metric's measurement date has passed and it has no `actual`.",
        why="""The point of setting the target was to look at the result; an unmeasured metric
        is a promise nobody kept.""",
        bad="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        features:
          - id: export
            name: CSV export
            released_on: 2025-09-20
            metric: {metric: Weekly exports, target: 200, set_on: 2025-09-01,
                     measure_on: 2025-10-20}
        """,
        good="""
        kind: review
        version: 1
        ceremony: qbr
        date: 2025-10-06
        features:
          - id: export
            name: CSV export
            released_on: 2025-09-20
            metric: {metric: Weekly exports, target: 200, set_on: 2025-09-01,
                     measure_on: 2025-10-20,
              actual: 230, measured_on: 2025-10-21}
        """,
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Figures fresh at the review, goals resolve, features measured as promised."""
    review = parsed.model
    assert isinstance(review, Review)
    yield from _metric_findings(review, workspace.config.engagement.figure_max_age_days)
    yield from _feature_findings(review, as_of(workspace.config))


def _metric_findings(review: Review, max_age: int) -> Iterator[Finding]:
    """Each metric's latest figure is at most `max_age` days old and its goal is the review's."""
    goals = {g.id for g in review.goals}
    for i, metric in enumerate(review.metrics):
        latest = metric.latest
        age = (review.date - latest.on).days
        if age > max_age:
            j = metric.values.index(latest)
            yield warning(
                "review.stale-figure",
                ("metrics", i, "values", j, "on"),
                f"{metric.name!r} was last reported on {latest.on}, {age} days before the "
                f"review ({review.date}); bring a figure at most {max_age} days old",
            )
        if metric.goal is not None and metric.goal not in goals:
            yield error(
                "review.unknown-goal",
                ("metrics", i, "goal"),
                f"{metric.name!r} measures goal {metric.goal!r}, which is not among this "
                f"review's goals ({', '.join(sorted(goals)) or 'none'})",
            )


def _feature_findings(review: Review, today: dt.date) -> Iterator[Finding]:
    """Each feature has a success metric, set before release and measured when due."""
    for i, feature in enumerate(review.features):
        at = ("features", i)
        if feature.metric is None:
            yield warning(
                "review.feature-without-metric",
                (*at, "name"),
                f"{feature.name!r} was released on {feature.released_on} without a success "
                "metric; add `metric:` with the target set before release",
            )
        else:
            yield from _feature_metric(feature, feature.metric, at, today)


def _feature_metric(
    feature: Feature, m: SuccessMetric, at: Loc, today: dt.date
) -> Iterator[Finding]:
    """The feature's target predates its release; its actual is in once `measure_on` passed."""
    if m.set_on >= feature.released_on:
        yield warning(
            "review.target-after-release",
            (*at, "metric", "set_on"),
            f"the target of {feature.name!r} was set on {m.set_on}, not before its release "
            f"on {feature.released_on}",
        )
    if m.actual is None and today > m.measure_on:
        yield warning(
            "review.metric-not-measured",
            (*at, "metric", "measure_on"),
            f"{m.metric!r} of {feature.name!r} was due to be measured on {m.measure_on} "
            f"and has no `actual` as of {today}",
        )


def verdict(metric: SuccessMetric, on: dt.date) -> str:
    """`met`, `not met` or `pending` (before `measure_on`, or no actual) as of `on`."""
    if on < metric.measure_on or metric.actual is None:
        return "pending"
    return "met" if metric.comparator.holds(metric.actual, metric.target) else "not met"
