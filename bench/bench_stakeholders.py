"""Stakeholder analysis at scale: load, validate, analyse and render a 10,000-entry register.

    python bench/bench_stakeholders.py [--n 10000] [--runs 3]

Part 1 times each stage in-process (best of `runs`), so the share of each is visible.
Part 2 runs the commands a user runs, each as a fresh process (median of `runs` after a
warm-up), next to `stakecli validate` on the same file: the price of the analysis on top of
the validation a CI already pays for.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import register  # noqa: E402
from timing import median_process  # noqa: E402

from stakecli import pipeline  # noqa: E402
from stakecli.core import loading, rendering  # noqa: E402
from stakecli.core.config import Config  # noqa: E402
from stakecli.core.project import Parsed, Workspace  # noqa: E402
from stakecli.stakeholders import (  # noqa: E402
    attention,
    views,
)
from stakecli.stakeholders import records as stakeholder_records  # noqa: E402
from stakecli.stakeholders import rules as stakeholder_rules  # noqa: E402
from stakecli.stakeholders.model import Register  # noqa: E402

BIN = Path(sys.executable).parent


def with_proximity(text: str) -> str:
    """Add a deterministic `proximity` (1-4) to every entry, so the Circle index is computed."""
    n = count()
    return re.sub(
        r"(    interest: \d\n)",
        lambda m: f"{m[1]}    proximity: {next(n) % 4 + 1}\n",
        text,
    )


def best(func: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """Best wall time and best CPU time of `runs` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        result = func()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def stages(path: Path, runs: int) -> None:
    config = Config()
    settings = attention.Settings.from_config(config)
    rows = []

    def timed(name: str, func: Callable[[], Any]) -> Any:
        wall, cpu, result = best(func, runs)
        rows.append((name, wall, cpu))
        return result

    doc = timed("YAML load (C parser + node tree)", lambda: loading.load(path))
    model = timed("schema (pydantic)", lambda: Register.model_validate(doc.data))
    parsed = Parsed(path, "stakeholders", doc, model)
    workspace = Workspace(config, [parsed])
    found = timed(
        "stakeholder rules (4 codes)", lambda: list(stakeholder_rules.check(parsed, workspace))
    )
    report = timed("validate pipeline, total", lambda: pipeline.run([path], config))
    ranked = timed("analysis: assess + rank", lambda: attention.rank(model.stakeholders, settings))
    timed("JSON records", lambda: [stakeholder_records.record(a) for a in ranked])

    def markdown() -> str:
        context = views.map_context(model, ranked, settings, limit=config.grid.diagram_limit)
        return str(rendering.render("stakeholder-map.md.j2", context))

    text = timed("Markdown map (context + Jinja)", markdown)
    print(f"in-process stages, best of {runs}     wall        CPU")
    for name, wall, cpu in rows:
        print(f"  {name:<34} {wall * 1000:8.0f} ms {cpu * 1000:8.0f} ms")
    print(f"  findings: {len(report.findings)} (rules alone: {len(found)})")
    print(f"  Markdown: {len(text):,} characters\n")


def commands(path: Path, runs: int) -> None:
    stakecli = str(BIN / "stakecli")
    base_wall, base_cpu = median_process([stakecli, "validate", "-q", str(path)], runs)
    print(f"commands, fresh process each, median of {runs}      wall       CPU   CPU ratio")
    print(f"  {'stakecli validate':<40} {base_wall:6.2f} s  {base_cpu:6.2f} s   1.00x")
    for fmt in ("table", "json", "csv", "markdown"):
        cmd = [stakecli, "stakeholders", str(path), "-f", fmt]
        wall, cpu = median_process(cmd, runs)
        name = "stakecli stakeholders -f " + fmt
        print(f"  {name:<40} {wall:6.2f} s  {cpu:6.2f} s   {cpu / base_cpu:.2f}x")


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
    print(f"register: {args.n:,} stakeholders, {size:.1f} MB; load average {os.getloadavg()}\n")
    stages(path, args.runs)
    commands(path, args.runs)


if __name__ == "__main__":
    main()
