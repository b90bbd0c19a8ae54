"""Big registers: stakecli validate against check-jsonschema and the JSON floor, memory, stages, N.

    python bench/bench_scale.py [--n 10000] [--runs 3] [--curve 1000,2000,5000,10000,30000,50000]

Every contender runs as a fresh process on the same data, in the same run:
* `stakecli validate -q` on the generated register (every check of the register kind);
* check-jsonschema with the schema `stakecli schema stakeholders` prints (it reads YAML with
  ruamel.yaml, whose C parser is installed here as it is for stakecli);
* the JSON floor: python parsing the same data, saved as JSON, with orjson.
Peak memory is the child's maximum resident set size (`os.wait4`). The stage breakdown runs
the pipeline in a child with timers around loading, the schema, the rules, the leak check
(`leak.public-text`) and `finalise`.
Prints each ratio next to its target, then the time against N. Bytecode is compiled first
and kept for the children (PYTHONDONTWRITEBYTECODE cleared), as it is for an installed package.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BIN = Path(sys.executable).parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The children's environment: bytecode compiled once (`main`) and kept, as when installed."""
FLOOR = "import orjson, sys; orjson.loads(open(sys.argv[1], 'rb').read())"
STAGES = r"""
import gc, json, sys, time
from pathlib import Path
gc.disable()
T = time.perf_counter
t0 = T()
from stakecli import kinds, pipeline
from stakecli.core import confidentiality, loading
from stakecli.core.config import Config
spent = {"load": 0.0, "schema": 0.0, "rules": 0.0, "leaks": 0.0, "finalise": 0.0}
def timed(stage, fn):
    def wrapper(*args, **kwargs):
        start = T()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[stage] += T() - start
    return wrapper
pipeline.load = timed("load", loading.load)
pipeline.parse_file = timed("schema", pipeline.parse_file)
checks, project_checks = kinds.checks, kinds.project_checks
kinds.checks = lambda kind: [timed("rules", lambda p, w, c=c: list(c(p, w))) for c in checks(kind)]
kinds.project_checks = lambda present: [
    timed("rules", lambda w, c=c: list(c(w))) for c in project_checks(present)
]
leaks = confidentiality.check
confidentiality.check = timed("leaks", lambda w: list(leaks(w)))
finalise = pipeline.finalise
pipeline.finalise = timed("finalise", lambda *a: list(finalise(*a)))
t1 = T()
report = pipeline.run([Path(sys.argv[1])], Config())
t2 = T()
print(json.dumps({"imports": t1 - t0, "run": t2 - t1, "findings": len(report.findings), **spent}))
"""


def measure(cmd: list[str], runs: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds and the largest peak RSS (bytes) over `runs`, after a warm-up."""
    walls, cpus, peaks = [], [], []
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read() if proc.stderr else b""
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {err[-400:]!r}")
        if i:
            walls.append(elapsed)
            cpus.append(usage.ru_utime + usage.ru_stime)
            peaks.append(usage.ru_maxrss * 1024)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def write_register(out: Path, n: int) -> Path:
    """A register alone in its folder (stakecli checks a register with its folder's files).

    Written by a child process: this one stays small, since a child's peak RSS (os.wait4)
    counts the memory it was forked with.
    """
    path = out / f"register-{n}" / "stakeholders.yaml"
    path.parent.mkdir(exist_ok=True)
    if not path.exists():
        with path.open("wb") as fh:
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), "register", str(n)],
                stdout=fh,
                check=True,
            )
    return path


def stages(path: Path, runs: int) -> dict[str, float]:
    """The in-process stage times of one validate run (median of `runs` per stage)."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", STAGES, str(path)],
            capture_output=True,
            check=True,
            text=True,
            env=ENV,
        ).stdout
        results.append(json.loads(out))
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--curve", default="1000,2000,5000,10000,20000,30000,50000")
    args = parser.parse_args()
    compileall.compile_dir(str(HERE.parent / "src"), quiet=1)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    data = write_register(out, args.n)
    floor_file = out / f"register-{args.n}.json"  # outside the register's folder
    to_json = "import json, sys; from ruamel.yaml import YAML; "
    to_json += "print(json.dumps(YAML(typ='safe').load(open(sys.argv[1]))))"
    with floor_file.open("w") as fh:
        subprocess.run([sys.executable, "-c", to_json, str(data)], stdout=fh, check=True)
    schema = out / "stakeholders.schema.json"
    schema.write_bytes(
        subprocess.run(
            [str(BIN / "stakecli"), "schema", "stakeholders"], capture_output=True, check=True
        ).stdout
    )
    cjs = shutil.which("check-jsonschema", path=str(BIN)) or "check-jsonschema"
    size = data.stat().st_size
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"register: {args.n:,} stakeholders, {size / 1e6:.2f} MB; median of {args.runs} runs\n")
    stakecli = [str(BIN / "stakecli"), "validate", "-q"]
    rows = {
        "stakecli validate": measure([*stakecli, str(data)], args.runs),
        "stakecli, reference loader": measure(
            ["env", "STAKECLI_FAST_YAML=0", *stakecli, str(data)], args.runs
        ),
        "check-jsonschema": measure([cjs, "--schemafile", str(schema), str(data)], args.runs),
        "JSON floor (orjson)": measure([sys.executable, "-c", FLOOR, str(floor_file)], args.runs),
    }
    print(f"{'':28} {'wall':>8} {'cpu':>8} {'peak RSS':>10} {'RSS/file':>9}")
    for name, (wall, cpu, peak) in rows.items():
        print(f"{name:28} {wall:7.2f}s {cpu:7.2f}s {peak / 2**20:8.0f}MiB {peak / size:8.1f}x")
    wall, cpu, peak = rows["stakecli validate"]
    cjs_wall, cjs_cpu, _ = rows["check-jsonschema"]
    floor_wall, floor_cpu, _ = rows["JSON floor (orjson)"]
    split = stages(data, args.runs)
    rules = split["rules"] + split["leaks"] + split["finalise"]
    print("\nstages in-process (s):", ", ".join(f"{k} {v:.3f}" for k, v in split.items()))
    print(f"\n{'ratio':44} {'wall':>7} {'cpu':>7}   target (on wall time)")
    print(f"{'check-jsonschema / stakecli':44} {cjs_wall / wall:6.1f}x {cjs_cpu / cpu:6.1f}x   "
          f">= 10x (aim 15x): {verdict(cjs_wall / wall >= 10)}")  # fmt: skip
    print(f"{'stakecli / JSON floor':44} {wall / floor_wall:6.1f}x {cpu / floor_cpu:6.1f}x   "
          f"<= 6x: {verdict(wall / floor_wall <= 6)}")  # fmt: skip
    print(f"{'stakecli peak RSS / file size':44} {peak / size:6.1f}x {'':7}   "
          f"<= 25x: {verdict(peak / size <= 25)}")  # fmt: skip
    print(f"{'rules + leaks + finalise / validate':44} {rules / wall:6.1%} {'':7}   "
          f"< 10%: {verdict(rules / wall < 0.10)}")  # fmt: skip
    curve([int(n) for n in args.curve.split(",")], out, args.runs)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def curve(sizes: list[int], out: Path, runs: int) -> None:
    """Validate time against N, and the straight line that fits it best.

    The cost per stakeholder is the time above a one-stakeholder register's, over N; CPU time
    is shown too, as it varies less than wall time when the machine is shared.
    """
    one = write_register(out, 1)
    base_wall, base_cpu, _ = measure([str(BIN / "stakecli"), "validate", "-q", str(one)], runs)
    print(f"\ntime against N (start-up: a register of one, {base_wall:.2f} s wall, "
          f"{base_cpu:.2f} s cpu)")  # fmt: skip
    print(f"{'N':>7} {'MB':>6} {'wall':>7} {'cpu':>7} {'peak RSS':>9} {'RSS/file':>9} "
          f"{'us/stakeholder wall':>20} {'cpu':>6}")  # fmt: skip
    per: dict[int, tuple[float, float]] = {}
    times: dict[int, tuple[float, float]] = {}
    for n in sizes:
        path = write_register(out, n)
        wall, cpu, peak = measure([str(BIN / "stakecli"), "validate", "-q", str(path)], runs)
        per[n] = ((wall - base_wall) / n * 1e6, (cpu - base_cpu) / n * 1e6)
        times[n] = (wall, cpu)
        size = path.stat().st_size
        print(f"{n:>7,} {size / 1e6:6.1f} {wall:6.2f}s {cpu:6.2f}s {peak / 2**20:7.0f}MiB "
              f"{peak / size:8.1f}x {per[n][0]:20.1f} {per[n][1]:6.1f}")  # fmt: skip
    for i, clock in enumerate(("wall", "cpu")):
        slope, intercept, r2, worst = fit([(n, times[n][i]) for n in sizes])
        print(f"{clock}: t = {intercept:.2f} s + {slope * 1e6:.1f} us x N; R^2 {r2:.3f}, "
              f"largest residual {worst:.0%} of t (linear: R^2 >= 0.98)")  # fmt: skip


def fit(points: list[tuple[int, float]]) -> tuple[float, float, float, float]:
    """Least-squares line through (N, seconds): slope, intercept, R^2, largest |residual|/t."""
    count = len(points)
    mean_n = sum(n for n, _ in points) / count
    mean_t = sum(t for _, t in points) / count
    spread = sum((n - mean_n) ** 2 for n, _ in points)
    slope = sum((n - mean_n) * (t - mean_t) for n, t in points) / spread
    intercept = mean_t - slope * mean_n
    residuals = [t - (intercept + slope * n) for n, t in points]
    total = sum((t - mean_t) ** 2 for _, t in points)
    r2 = 1 - sum(r * r for r in residuals) / total if total else 1.0
    return (
        slope,
        intercept,
        r2,
        max(abs(r) / t for r, (_, t) in zip(residuals, points, strict=True)),
    )


if __name__ == "__main__":
    main()
