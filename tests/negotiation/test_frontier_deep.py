"""A plan with thousands of issues: the frontier and ZOPA walks do not recurse."""

import itertools

from stakecli.negotiation import frontier, packages
from stakecli.negotiation.model import Negotiation

ISSUES = 1500


def plan() -> Negotiation:
    def party(pid: str, us: bool, flip: bool) -> dict:
        best, worst = ("b", "a") if flip else ("a", "b")
        return {
            "id": pid,
            "us": us,
            "weights": {f"i{k}": 1 / ISSUES for k in range(ISSUES)},
            "scores": {f"i{k}": {best: 100, worst: 0} for k in range(ISSUES)},
            "reservation_score": 40,
        }

    return Negotiation.model_validate(
        {
            "kind": "negotiation",
            "version": 1,
            "title": "Many issues",
            "parties": [party("us", True, False), party("them", False, True)],
            "issues": [
                {"id": f"i{k}", "name": f"I{k}", "options": [{"id": o, "name": o} for o in "ab"]}
                for k in range(ISSUES)
            ],
        }
    )


def test_a_plan_of_1500_issues_is_analysed_without_recursion():
    sp = packages.space(plan(), normalise=True)
    first = next(frontier.acceptable_packages(sp, (40, 40)))
    assert len(first) == ISSUES
    front = frontier.frontier(sp)
    point = front.points[len(front.points) // 2]
    found = list(itertools.islice(frontier.packages_at(sp, point.scores), 3))
    assert found
    assert all(len(p) == ISSUES for p in found)
