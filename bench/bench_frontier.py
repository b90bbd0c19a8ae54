"""Pareto frontier benchmark: issue-by-issue merge versus enumeration.

Run: PYTHONPATH=src python bench/bench_frontier.py [--brute-issues N]
"""

import argparse
import platform
import random
import time
from collections.abc import Callable
from fractions import Fraction

import numpy as np

from stakecli.analysis.frontier import Frontier, Space, brute_force_frontier, frontier


def weight(rng: random.Random) -> Fraction:
    """A weight as YAML would carry it: three decimals, converted exactly."""
    return Fraction(str(round(rng.uniform(0.01, 1.0), 3)))


def build(name: str, rows: list[list[tuple[Fraction, ...]]]) -> Space:
    k = len(rows[0][0])
    return Space(
        parties=tuple(f"{name}{q}" for q in range(k)),
        issues=tuple(f"issue{i}" for i in range(len(rows))),
        options=tuple(tuple(f"o{j}" for j in range(len(r))) for r in rows),
        scores=tuple(tuple(r) for r in rows),
    )


def correlated(issues: int, options: int, seed: int) -> Space:
    """Both parties like roughly the same options (positively correlated values, 0-100)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(issues):
        wa, wb = weight(rng), weight(rng)
        values = [rng.randint(0, 100) for _ in range(options)]
        noisy = [min(100, max(0, v + rng.randint(-30, 30))) for v in values]
        rows.append([(wa * v, wb * u) for v, u in zip(values, noisy, strict=True)])
    return build("c", rows)


def opposed(issues: int, options: int, seed: int) -> Space:
    """On every issue party B's value is a decreasing (convex or concave) function of A's."""
    rng = random.Random(seed)
    rows = []
    for _ in range(issues):
        wa, wb = weight(rng), weight(rng)
        values = sorted(rng.sample(range(101), options))
        power = rng.choice([Fraction(1, 2), Fraction(1), Fraction(2)])
        rows.append([(wa * v, wb * opposite(v, power)) for v in values])
    return build("o", rows)


def opposite(v: int, power: Fraction) -> Fraction:
    """100 at v=0 down to 0 at v=100, curved; exact (square roots rounded to 1/100)."""
    x = Fraction(100 - v, 100)
    curved = x**2 if power == 2 else x if power == 1 else Fraction(round(float(x) ** 0.5 * 100), 100)
    return 100 * curved


def timed(fn: Callable[[Space], Frontier], space: Space, repeat: int = 1) -> tuple[Frontier, float]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(space)
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return result, best


def same(a: Frontier, b: Frontier) -> bool:
    return [(p.scores, p.count) for p in a.points] == [(p.scores, p.count) for p in b.points]


def report(label: str, space: Space, front: Frontier, seconds: float, target: str = "") -> None:
    print(
        f"{label:<34} {space.size:>26,} packages  {len(front.points):>7,} points"
        f"  {seconds * 1000:>10.1f} ms {target}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--brute-issues", type=int, default=9)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")

    space = correlated(args.brute_issues, 6, seed=1)
    fast, t_fast = timed(frontier, space, repeat=5)
    slow, t_slow = timed(brute_force_frontier, space)
    report(f"frontier {args.brute_issues}x6 correlated", space, fast, t_fast)
    report(f"brute force {args.brute_issues}x6 correlated", space, slow, t_slow)
    print(f"{'':<34} identical: {same(fast, slow)}, speed-up x{t_slow / t_fast:,.0f}")

    space = opposed(7, 10, seed=2)
    fast, t_fast = timed(frontier, space, repeat=5)
    slow, t_slow = timed(brute_force_frontier, space)
    report("frontier 7x10 opposed", space, fast, t_fast)
    report("brute force 7x10 opposed", space, slow, t_slow)
    print(f"{'':<34} identical: {same(fast, slow)}, speed-up x{t_slow / t_fast:,.0f}")

    for seed in (3, 4, 5):
        space = correlated(12, 6, seed=seed)
        front, seconds = timed(frontier, space, repeat=5)
        report(f"frontier 12x6 correlated seed {seed}", space, front, seconds, "(target < 50 ms)")
    for seed in (6, 7, 8):
        space = opposed(40, 10, seed=seed)
        front, seconds = timed(frontier, space, repeat=3)
        report(f"frontier 40x10 opposed seed {seed}", space, front, seconds, "(target < 1 s)")


if __name__ == "__main__":
    main()
