"""Multi-issue package spaces: issues, options, each party's additive scores (docs/methods.md §4.1).

A package picks one option per issue; each party scores it as the sum of its (already
weighted) contributions. Scores are exact (`int` or `Fraction`), so ties and dominance in
`frontier` and `bargaining` are exact too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

Exact = Fraction | int
Package = tuple[int, ...]  # option index per issue


@dataclass(frozen=True, slots=True)
class Space:
    """Issues with options, and every party's (already weighted) contribution of each option.

    Attributes:
        parties: Party names, at least two.
        issues: Issue names.
        options: `options[i]` names the options of issue `i` (at least one each).
        scores: `scores[i][j][p]` is party `p`'s contribution of option `j` of issue `i`;
            exact numbers only (convert YAML decimals with `Fraction(str(x))`).
    """

    parties: tuple[str, ...]
    issues: tuple[str, ...]
    options: tuple[tuple[str, ...], ...]
    scores: tuple[tuple[tuple[Exact, ...], ...], ...]

    def __post_init__(self) -> None:
        if len(self.parties) < 2:
            raise ValueError("a package space needs at least two parties")
        if not len(self.issues) == len(self.options) == len(self.scores):
            raise ValueError("issues, options and scores must have one entry per issue")
        for issue, names, rows in zip(self.issues, self.options, self.scores, strict=True):
            if not names or len(rows) != len(names):
                raise ValueError(f"issue {issue!r} needs one score row per option, at least one")
            for row in rows:
                if len(row) != len(self.parties):
                    raise ValueError(f"issue {issue!r}: every option needs one score per party")
                if not all(isinstance(x, Fraction | int) and not isinstance(x, bool) for x in row):
                    raise TypeError(f"issue {issue!r}: scores must be int or Fraction (exact)")

    @property
    def size(self) -> int:
        """Number of packages in the space."""
        return math.prod(len(names) for names in self.options)

    def names(self, package: Package) -> tuple[str, ...]:
        """Option names of `package`, one per issue."""
        return tuple(names[j] for names, j in zip(self.options, package, strict=True))


def package_scores(space: Space, package: Package) -> tuple[Fraction, ...]:
    """Each party's score of `package` (sum of its contributions)."""
    check_package(space, package)
    rows = [space.scores[i][j] for i, j in enumerate(package)]
    return tuple(
        sum((Fraction(r[p]) for r in rows), Fraction(0)) for p in range(len(space.parties))
    )


def joint(scores: Sequence[Exact]) -> Fraction:
    """Joint (summed) score of a score vector."""
    return sum((Fraction(s) for s in scores), Fraction(0))


def max_joint(space: Space) -> Fraction:
    """Maximal joint score over all packages: issues are independent, so sum per-issue maxima."""
    return sum((max(joint(row) for row in rows) for rows in space.scores), Fraction(0))


def split_the_difference(space: Space) -> Package:
    """The compromise package: on each issue, the option that best meets every party halfway.

    Each party's contributions on an issue are rescaled to shares of its own range there
    (worst option 0, best 1; a party indifferent on the issue has share 1 everywhere). The
    chosen option maximises the smallest share of any party, then the sum of shares, then
    comes first in the option order. With two opposed parties this is the middle option
    (docs/methods.md §4.7: P2D2); on an issue where the parties agree it is their common best.
    """
    return tuple(_halfway_option(rows) for rows in space.scores)


def _halfway_option(rows: tuple[tuple[Exact, ...], ...]) -> int:
    """The option maximising (smallest share, sum of shares), the first on ties.

    Each party's shares `(x - low) / (high - low)` are compared as exact integers: scaled by
    the product of every party's range (scaled to integers first), a share is an integer, so
    no `Fraction` is built per option (40-issue plans have hundreds of options).
    """
    columns = []
    for col in zip(*rows, strict=True):
        den = math.lcm(*(Fraction(x).denominator for x in col))
        columns.append([int(Fraction(x) * den) for x in col])
    ranges = [max(col) - min(col) for col in columns]
    common = math.prod(r for r in ranges if r)
    shares = [
        [(x - min(col)) * (common // r) if r else common for x in col]
        for col, r in zip(columns, ranges, strict=True)
    ]
    keys = [(min(s), sum(s)) for s in zip(*shares, strict=True)]
    return keys.index(max(keys))


def range_share(x: Exact, low: Exact, high: Exact) -> Fraction:
    """Where `x` lies between `low` (0) and `high` (1); 1 when the range is empty."""
    return Fraction(1) if high == low else Fraction(x - low) / (high - low)


def is_acceptable(scores: Sequence[Exact], reservation: Sequence[Exact]) -> bool:
    """True iff every party scores at least its reservation value."""
    return all(s >= r for s, r in zip(scores, reservation, strict=True))


def check_vector(space: Space, values: Sequence[Exact], what: str) -> None:
    """Raise ValueError unless `values` has one entry per party."""
    if len(values) != len(space.parties):
        raise ValueError(f"{what} needs one value per party, got {len(values)}")


def check_package(space: Space, package: Package) -> None:
    """Raise ValueError unless `package` picks a valid option on every issue."""
    if len(package) != len(space.issues) or not all(
        0 <= j < len(names) for j, names in zip(package, space.options, strict=True)
    ):
        raise ValueError(f"{package!r} is not a package of this space")
