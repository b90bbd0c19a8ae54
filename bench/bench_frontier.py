"""Pareto frontier benchmark: issue-by-issue merge versus enumeration, and the whole command.

Run: .venv/bin/python bench/bench_frontier.py [--brute ISSUES OPTIONS] [--cli-only] [--runs N]
     [--baseline CHECKOUT]
"""

import argparse
import compileall
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import numpy as np

from stakecli.negotiation.frontier import Frontier, brute_force_frontier, frontier
from stakecli.negotiation.space import Space

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import interleaved


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
    """On every issue party B's value falls as A's rises, along a concave curve 100 - x^2/100."""
    rng = random.Random(seed)
    rows = []
    for _ in range(issues):
        wa, wb = weight(rng), weight(rng)
        values = sorted(rng.sample(range(101), options))
        rows.append([(wa * v, wb * (100 - Fraction(v * v, 100))) for v in values])
    return build("o", rows)


def three_way(issues: int, options: int, seed: int) -> Space:
    """Three parties splitting 100 points per option (a purely distributive issue each)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(issues):
        w = [weight(rng) for _ in range(3)]
        cuts = [sorted(rng.sample(range(101), 2)) for _ in range(options)]
        rows.append([(w[0] * x, w[1] * (y - x), w[2] * (100 - y)) for x, y in cuts])
    return build("t", rows)


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
    size = f"{space.size:,}" if space.size < 10**15 else f"{space.size:.2e}"
    print(
        f"{label:<34} {size:>20} packages  {len(front.points):>7,} points"
        f"  {seconds * 1000:>10.1f} ms {target}"
    )


def compare(label: str, space: Space) -> None:
    fast, t_fast = timed(frontier, space, repeat=5)
    slow, t_slow = timed(brute_force_frontier, space)
    report(f"frontier {label}", space, fast, t_fast)
    report(f"brute force {label}", space, slow, t_slow)
    print(f"{'':<34} identical: {same(fast, slow)}, speed-up x{t_slow / t_fast:,.0f}")


def opposed_plan(issues: int, options: int, seed: int) -> dict[str, object]:
    """A negotiation plan like `opposed`: weights of three decimals summing to 1, B's score
    100 - x^2/100 (two decimals), so the frontier has tens of thousands of points."""
    rng = random.Random(seed)

    def weights() -> dict[str, float]:
        raw = [rng.randint(1, 100) for _ in range(issues)]
        mil = [x * 1000 // sum(raw) for x in raw]
        mil[0] += 1000 - sum(mil)
        return {f"i{k}": m / 1000 for k, m in enumerate(mil)}

    values = [sorted(rng.sample(range(101), options)) for _ in range(issues)]
    ours = {f"i{k}": {f"o{j}": v for j, v in enumerate(values[k])} for k in range(issues)}
    theirs = {
        f"i{k}": {f"o{j}": round(100 - v * v / 100, 2) for j, v in enumerate(values[k])}
        for k in range(issues)
    }
    return {
        "kind": "negotiation",
        "version": 1,
        "title": f"{issues} issues x {options} options, opposed",
        "parties": [
            {"id": "a", "us": True, "weights": weights(), "scores": ours},
            {"id": "b", "weights": weights(), "scores": theirs},
        ],
        "issues": [
            {
                "id": f"i{k}",
                "name": f"Issue {k}",
                "options": [{"id": f"o{j}", "name": f"Option {j}"} for j in range(options)],
            }
            for k in range(issues)
        ],
    }


def command(runs: int, baseline: str | None = None) -> None:
    """`stakecli frontier` against `stakecli validate` on the same 40x10 opposed plan.

    Bytecode is compiled first and kept for the children (PYTHONDONTWRITEBYTECODE cleared), as
    for an installed package: a module compiled afresh in every run costs both commands.
    With `baseline` (another checkout, e.g. `git archive main src templates | tar -x -C DIR`),
    its `src/` runs the same commands in the same rounds, with this environment.
    """
    exe = str(Path(sys.executable).with_name("stakecli"))
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "src"), quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if baseline is not None:
        compileall.compile_dir(str(Path(baseline) / "src"), quiet=1)
        base_env = {**env, "PYTHONPATH": str(Path(baseline).resolve() / "src")}
        base_exe = [sys.executable, "-c", "import sys; from stakecli.cli import main; main()"]
    print(
        f"\nstakecli frontier vs validate, fresh process each, {runs} rounds after a warm-up "
        "(a round runs the three commands in turn); medians, and the median of the rounds' "
        "CPU ratios"
    )
    print(f"load average {os.getloadavg()[0]:.2f} at the start")
    for seed in (6, 7, 8):
        with tempfile.TemporaryDirectory() as folder:
            plan = Path(folder) / "negotiation.yaml"
            plan.write_text(json.dumps(opposed_plan(40, 10, seed)), encoding="utf-8")
            times = interleaved(
                {
                    "validate": [exe, "validate", str(plan)],
                    "frontier": [exe, "frontier", str(plan)],
                    "json": [exe, "frontier", str(plan), "-f", "json"],
                },
                runs,
                env,
            )
            if baseline is not None:
                base = interleaved(
                    {
                        "validate": [*base_exe, "validate", str(plan)],
                        "frontier": [*base_exe, "frontier", str(plan)],
                    },
                    runs,
                    base_env,
                )
        cpu = {name: [c for _, c in t] for name, t in times.items()}
        wall_v, wall_f = (
            statistics.median(w for w, _ in times[n]) for n in ("validate", "frontier")
        )
        cpu_v, cpu_f, cpu_j = (statistics.median(cpu[n]) for n in ("validate", "frontier", "json"))
        ratios = [f / v for f, v in zip(cpu["frontier"], cpu["validate"], strict=True)]
        print(
            f"40x10 opposed seed {seed}: validate {wall_v:.2f} s (CPU {cpu_v:.2f} s), "
            f"frontier {wall_f:.2f} s (CPU {cpu_f:.2f} s): {wall_f / wall_v:.2f}x wall, "
            f"{cpu_f / cpu_v:.2f}x CPU, rounds {min(ratios):.2f}-{max(ratios):.2f}x, median "
            f"{statistics.median(ratios):.2f}x (target <= 2); -f json CPU {cpu_j:.2f} s "
            f"({cpu_j / cpu_v:.2f}x)"
        )
        if baseline is not None:
            v, f = (statistics.median(c for _, c in base[n]) for n in ("validate", "frontier"))
            print(
                f"  baseline {baseline}: validate CPU {v:.2f} s, frontier CPU {f:.2f} s: "
                f"{f / v:.2f}x"
            )
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--brute", type=int, nargs=2, default=(8, 9), metavar=("ISSUES", "OPTIONS"))
    parser.add_argument("--cli-only", action="store_true", help="Only time the commands.")
    parser.add_argument("--runs", type=int, default=5, help="Runs per command (median).")
    parser.add_argument("--baseline", help="Another checkout to time in the same rounds.")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    if args.cli_only:
        command(args.runs, args.baseline)
        return
    compare("8x6 correlated", correlated(8, 6, seed=1))
    issues, options = args.brute
    compare(f"{issues}x{options} opposed", opposed(issues, options, seed=2))
    for seed in (3, 4, 5):
        space = correlated(12, 6, seed=seed)
        front, seconds = timed(frontier, space, repeat=5)
        report(f"frontier 12x6 correlated seed {seed}", space, front, seconds, "(target < 50 ms)")
    for seed in (6, 7, 8):
        space = opposed(40, 10, seed=seed)
        front, seconds = timed(frontier, space, repeat=3)
        report(f"frontier 40x10 opposed seed {seed}", space, front, seconds, "(target < 1 s)")
    for issues in (8, 12):
        space = three_way(issues, 5, seed=9)
        front, seconds = timed(frontier, space, repeat=3)
        report(f"frontier {issues}x5 three parties", space, front, seconds, "(no target)")
    command(args.runs)


if __name__ == "__main__":
    main()
