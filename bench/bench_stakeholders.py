"""Stakeholder analysis at scale: load, validate, analyse and render a 10,000-entry register.

    python bench/bench_stakeholders.py [--n 10000] [--runs 3]

Part 1 times each stage in-process (best of `runs`), so the share of each is visible.
Part 2 runs the commands a user runs, each as a fresh process (median of `runs` after a
warm-up), next to `stakecli validate` on the same file: the price of the analysis on top of
the validation a CI already pays for.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import register  # noqa: E402

from stakecli import loading, pipeline, rendering  # noqa: E402
from stakecli.analysis import attention, stakeholder_rules  # noqa: E402
from stakecli.checks import Parsed, Workspace  # noqa: E402
from stakecli.config import Config  # noqa: E402
from stakecli.models.stakeholders import Register  # noqa: E402
from stakecli.views import stakeholder_records  # noqa: E402
from stakecli.views import stakeholders as views  # noqa: E402

BIN = Path(sys.executable).parent


def with_proximity(text: str) -> str:
    """Add a deterministic `proximity` (1-4) to every entry, so the Circle index is computed."""
    n = count()
    return re.sub(
        r"(    interest: \d\n)",
        lambda m: f"{m[1]}    proximity: {next(n) % 4 + 1}\n",
        text,
    )


def best(func: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Best wall time of `runs` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def median_process(cmd: list[str], runs: int) -> float:
    """Median wall time of a fresh process over `runs` runs, after one warm-up."""
    samples = []
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, check=False)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-400:]!r}")
        if i:
            samples.append(elapsed)
    return statistics.median(samples)


def stages(path: Path, runs: int) -> None:
    config = Config()
    settings = attention.Settings.from_config(config)
    t_load, doc = best(lambda: loading.load(path), runs)
    t_schema, model = best(lambda: Register.model_validate(doc.data), runs)
    parsed = Parsed(path, "stakeholders", doc, model)
    workspace = Workspace(config, [parsed])
    t_rules, found = best(lambda: list(stakeholder_rules.check(parsed, workspace)), runs)
    t_validate, report = best(lambda: pipeline.run([path], config), runs)
    t_rank, ranked = best(lambda: attention.rank(model.stakeholders, settings), runs)
    t_json, _ = best(lambda: [stakeholder_records.record(a) for a in ranked], runs)

    def markdown() -> str:
        context = views.map_context(model, ranked, settings, limit=config.grid.diagram_limit)
        return str(rendering.render("stakeholder-map.md.j2", context))

    t_md, text = best(markdown, runs)
    rows = [
        ("YAML load (C parser + node tree)", t_load),
        ("schema (pydantic)", t_schema),
        ("stakeholder rules (4 codes)", t_rules),
        ("validate pipeline, total", t_validate),
        ("analysis: assess + rank", t_rank),
        ("JSON records", t_json),
        ("Markdown map (context + Jinja)", t_md),
    ]
    print(f"in-process stages, best of {runs}")
    for name, seconds in rows:
        print(f"  {name:<34} {seconds * 1000:9.1f} ms")
    print(f"  findings: {len(report.findings)} (rules alone: {len(found)})")
    print(f"  Markdown: {len(text):,} characters\n")


def commands(path: Path, runs: int) -> None:
    stakecli = str(BIN / "stakecli")
    base = median_process([stakecli, "validate", "-q", str(path)], runs)
    print(f"commands, fresh process each, median of {runs}")
    print(f"  {'stakecli validate':<40} {base:7.2f} s   1.00x")
    for fmt in ("table", "json", "csv", "markdown"):
        seconds = median_process([stakecli, "stakeholders", str(path), "-f", fmt], runs)
        print(f"  {'stakecli stakeholders -f ' + fmt:<40} {seconds:7.2f} s   {seconds / base:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"stakeholders-{args.n}.yaml"
    path.write_text(with_proximity(register(args.n)), encoding="utf-8")
    size = path.stat().st_size / 1e6
    print(f"register: {args.n:,} stakeholders, {size:.1f} MB\n")
    stages(path, args.runs)
    commands(path, args.runs)


if __name__ == "__main__":
    main()
