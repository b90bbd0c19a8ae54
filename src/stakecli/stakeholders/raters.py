"""Salience from several raters: StakeholderAnalysis' mean method (docs/methods.md §12.4).

All raters' answers to all items of one attribute form one sample of n. The package tests the
mean against the neutral midpoint 3 with `z = |mean - 3| / sqrt(S2) * sqrt(n)`, S2 the
*population* variance, and a two-sided normal p-value; the attribute is `+` if mean > 3 and
p <= 0.10, `-` if mean < 3 and p <= 0.10, else `0` (counted as absent). Like `R/kod.R`, the mean
and p are cut to their first 5 characters before they are compared. All answers equal gives
S2 = 0 (z infinite, p = 0); all 3s would divide 0 by 0 and is `0` here [D]. A one-sample
t-test (sample variance, df n - 1) is offered as an alternative [D]; see docs/methods.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MIDPOINT = 3
DEFAULT_ALPHA = 0.10
Test = Literal["z", "t"]


@dataclass(frozen=True, slots=True)
class AttributeTest:
    """One attribute's sample and verdict."""

    n: int
    mean: float
    variance: float
    """Population variance (z rule) or sample variance (t-test)."""
    statistic: float
    p: float
    sign: Literal["+", "-", "0"]

    @property
    def present(self) -> bool:
        """Only `+` counts as present (StakeholdClassif counts `0` as absent)."""
        return self.sign == "+"


def cut(value: float) -> float:
    """The first 5 characters of the value written without exponent (R's `substr(format(x))`)."""
    if math.isinf(value):
        return value
    text = format(float(f"{value:.7g}"), "f")
    return float(text[:5])


def _sign(mean: float, p: float, alpha: float) -> Literal["+", "-", "0"]:
    m, q = cut(mean), cut(p)
    if m > MIDPOINT and q <= alpha:
        return "+"
    if m < MIDPOINT and q <= alpha:
        return "-"
    return "0"


def z_rule(sample: Sequence[int], alpha: float = DEFAULT_ALPHA) -> AttributeTest:
    """The package's rule: population variance, normal p-value."""
    n = len(sample)
    mean = sum(sample) / n
    s2 = sum(x * x for x in sample) / n - mean * mean
    s2 = max(s2, 0.0)
    if s2 == 0:
        if mean == MIDPOINT:
            return AttributeTest(n, mean, 0.0, math.nan, 1.0, "0")
        return AttributeTest(n, mean, 0.0, math.inf, 0.0, _sign(mean, 0.0, alpha))
    z = abs(mean - MIDPOINT) / math.sqrt(s2) * math.sqrt(n)
    p = math.erfc(z / math.sqrt(2))  # 2 * (1 - Phi(z))
    return AttributeTest(n, mean, s2, z, p, _sign(mean, p, alpha))


def t_rule(sample: Sequence[int], alpha: float = DEFAULT_ALPHA) -> AttributeTest:
    """A one-sample t-test against 3: sample variance, Student's t with n - 1 df."""
    n = len(sample)
    mean = sum(sample) / n
    if n < 2:
        return AttributeTest(n, mean, math.nan, math.nan, 1.0, "0")
    s2 = sum((x - mean) ** 2 for x in sample) / (n - 1)
    if s2 == 0:
        return z_rule(sample, alpha)
    t = (mean - MIDPOINT) / math.sqrt(s2 / n)
    df = n - 1
    p = _incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return AttributeTest(n, mean, s2, t, p, _sign(mean, p, alpha))


TESTS = {"z": z_rule, "t": t_rule}


def attribute_test(
    sample: Sequence[int], method: Test = "z", alpha: float = DEFAULT_ALPHA
) -> AttributeTest:
    """The verdict on one attribute's pooled answers."""
    return TESTS[method](sample, alpha)


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta I_x(a, b) (continued fraction; Numerical Recipes 6.4)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x)
    )
    if x < (a + 1) / (a + b + 2):
        return front * _fraction(a, b, x) / a
    return 1 - front * _fraction(b, a, 1 - x) / b


def _fraction(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return h


@dataclass(frozen=True, slots=True)
class RatedSalience:
    """Power, legitimacy and urgency as tested from several raters' answers."""

    power: AttributeTest
    legitimacy: AttributeTest
    urgency: AttributeTest

    @property
    def collaboration(self) -> Literal["high", "low"]:
        """`high` iff at least 2 of P, L, U are `+` (the package's CollabPotential)."""
        plus = sum(t.present for t in (self.power, self.legitimacy, self.urgency))
        return "high" if plus >= 2 else "low"


def assess(
    power: Sequence[int],
    legitimacy: Sequence[int],
    urgency: Sequence[int],
    method: Test = "z",
    alpha: float = DEFAULT_ALPHA,
) -> RatedSalience:
    """Each attribute's pooled sample tested."""
    return RatedSalience(
        attribute_test(power, method, alpha),
        attribute_test(legitimacy, method, alpha),
        attribute_test(urgency, method, alpha),
    )
