"""Timing a command as a user runs it: a fresh process, median over runs after a warm-up."""

from __future__ import annotations

import resource
import statistics
import subprocess
import time
from collections.abc import Callable


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


def one_process(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU time of one fresh process (exits the benchmark if the command fails)."""
    start, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run(cmd, capture_output=True, check=False, env=env)
    elapsed, used = time.perf_counter() - start, children_cpu() - cpu
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-400:]!r}")
    return elapsed, used


def interleaved(
    cmds: dict[str, list[str]],
    runs: int,
    env: dict[str, str] | None = None,
    before: Callable[[str], None] | None = None,
) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) of each command in each of `runs` rounds, after one warm-up round.

    A round runs every command once, in turn, so that a change in the machine's load between
    rounds moves all commands alike and the ratios of one round compare like with like.
    `before(name)` runs before each run of a command (to clear what its last run wrote).
    """
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for i in range(runs + 1):
        for name, cmd in cmds.items():
            if before is not None:
                before(name)
            measured = one_process(cmd, env)
            if i:
                times[name].append(measured)
    return times
