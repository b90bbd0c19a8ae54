"""Timing a command as a user runs it: a fresh process, median over runs after a warm-up."""

from __future__ import annotations

import resource
import statistics
import subprocess
import time


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_process(
    cmd: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Median wall and CPU time of a fresh process over `runs` runs, after one warm-up."""
    walls, cpus = [], []
    for i in range(runs + 1):
        start, cpu = time.perf_counter(), children_cpu()
        proc = subprocess.run(cmd, capture_output=True, check=False, env=env)
        elapsed, used = time.perf_counter() - start, children_cpu() - cpu
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-400:]!r}")
        if i:
            walls.append(elapsed)
            cpus.append(used)
    return statistics.median(walls), statistics.median(cpus)
