"""The plan-to-space layer against enumeration, on random small plans (hypothesis)."""

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from stakecli.negotiation import packages
from stakecli.negotiation.model import Negotiation

points = st.integers(min_value=-50, max_value=50)


@st.composite
def plans(draw):
    issues = draw(st.integers(1, 3))
    options = [draw(st.integers(1, 3)) for _ in range(issues)]
    tables = [[[draw(points) for _ in range(m)] for m in options] for _ in range(2)]
    rv = [draw(st.integers(0, 100)) for _ in range(2)]
    plan = {
        "kind": "negotiation",
        "version": 1,
        "title": "random",
        "parties": [
            {
                "id": f"p{k}",
                "us": k == 0,
                "reservation_score": rv[k],
                "points": {
                    f"i{i}": {f"o{j}": tables[k][i][j] for j in range(options[i])}
                    for i in range(issues)
                },
            }
            for k in range(2)
        ],
        "issues": [
            {
                "id": f"i{i}",
                "name": f"I{i}",
                "options": [{"id": f"o{j}", "name": "o"} for j in range(m)],
            }
            for i, m in enumerate(options)
        ],
    }
    return Negotiation.model_validate(plan), tables, options, rv


def raiffa(table, package):
    """Score by DOMAIN 3.2: weight = range / total range, value = (x - min) / range * 100."""
    ranges = [max(row) - min(row) for row in table]
    total = sum(ranges)
    if total == 0:
        return Fraction(0)
    return sum(
        (Fraction(row[j] - min(row)) * 100 / total for row, j in zip(table, package, strict=True)),
        Fraction(0),
    )


@settings(max_examples=60, deadline=None)
@given(plans())
def test_frontier_acceptable_set_and_nash_match_enumeration(case):
    plan, tables, options, rv = case
    result = packages.analyse(plan)
    every = list(itertools.product(*[range(m) for m in options]))
    scores = {pkg: (raiffa(tables[0], pkg), raiffa(tables[1], pkg)) for pkg in every}
    values = set(scores.values())
    efficient = {
        v for v in values if not any(w != v and w[0] >= v[0] and w[1] >= v[1] for w in values)
    }
    assert {p.scores for p in result.frontier.points} == efficient
    acceptable = {pkg for pkg, v in scores.items() if v[0] >= rv[0] and v[1] >= rv[1]}
    assert result.acceptable_count == len(acceptable)
    products = {
        pkg: (v[0] - rv[0]) * (v[1] - rv[1]) for pkg, v in scores.items() if pkg in acceptable
    }
    if products:
        best = max(products.values())
        assert result.nash.value == best
        assert {p.scores for p in result.nash.points} == {
            scores[pkg] for pkg, v in products.items() if v == best
        } & efficient
    else:
        assert result.nash.points == ()
