"""Bounded work: the largest and most hostile inputs each finish within 10 s and 1 GiB.

Every case runs `stakecli` as a fresh process under an address-space limit of 1 GiB and
reports its wall time, CPU time and peak resident memory (`make bench`; alone:
`.venv/bin/python bench/bench_bounds.py [--only NAME]`). A case fails when it takes longer
than 10 s of CPU time, is killed by the memory limit, or ends with a traceback or an exit
code other than the one expected.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LIMIT_SECONDS = 10.0
LIMIT_BYTES = 1024**3
STAKECLI = [sys.executable, "-m", "stakecli"]


def _register(n: int, start: int = 0) -> str:
    rows = "".join(
        f"  - {{id: p{i}, name: Person {i}, side: internal, power: {1 + i % 5}, legitimacy: 3,"
        f" urgency: {1 + i % 4}, interest: {1 + i % 3}, owner: p0,"
        f" notes: 'candid note number {i} about this person'}}\n"
        for i in range(start, n)
    )
    return "kind: stakeholders\nversion: 1\nstakeholders:\n" + rows


def register_at_limit(folder: Path) -> list[str]:
    """A register just under the file-size limit (`loading.MAX_BYTES`, 64 MiB)."""
    from stakecli.core.loading import MAX_BYTES

    path = folder / "stakeholders.yaml"
    n = MAX_BYTES // len(_register(1_000_001, 1_000_000))
    path.write_text(_register(n))
    assert path.stat().st_size < MAX_BYTES
    return ["validate", str(path)]


def register_10mib(folder: Path) -> list[str]:
    """A register of 10 MiB (about 49,000 stakeholders with notes)."""
    path = folder / "stakeholders.yaml"
    path.write_text(_register(10 * 1024 * 1024 // len(_register(100_001, 100_000))))
    return ["validate", str(path)]


def unknown_keys(folder: Path) -> list[str]:
    """200,000 unknown keys: 200,000 findings, each located (linear, not quadratic)."""
    path = folder / "keys.yaml"
    keys = "".join(f"k{i}: 1\n" for i in range(200_000))
    path.write_text("kind: stakeholders\nversion: 1\nstakeholders: []\n" + keys)
    return ["validate", str(path)]


def _plan(issues: int) -> dict[str, object]:
    def party(pid: str, us: bool, flip: bool) -> dict[str, object]:
        best, worst = ("b", "a") if flip else ("a", "b")
        return {
            "id": pid,
            "us": us,
            "weights": {f"i{k}": 1 / issues for k in range(issues)},
            "scores": {f"i{k}": {best: 100, worst: 0} for k in range(issues)},
            "reservation_score": 40,
        }

    return {
        "kind": "negotiation",
        "version": 1,
        "title": "Many issues",
        "parties": [party("us", True, False), party("them", False, True)],
        "issues": [
            {"id": f"i{k}", "name": f"Issue {k}", "options": [{"id": o, "name": o} for o in "ab"]}
            for k in range(issues)
        ],
    }


def negotiation_issues(folder: Path) -> list[str]:
    """A negotiation with 1,500 issues: frontier, ZOPA and the brief (no recursion)."""
    path = folder / "negotiation.yaml"
    path.write_text(json.dumps(_plan(1500)))
    (folder / ".stakecli.yaml").write_text("negotiation:\n  normalise_weights: true\n")
    return ["render", str(path), "-d", "negotiation-brief"]


def raci_1000(folder: Path) -> list[str]:
    """A 1,000 x 1,000 RACI matrix (1,000 rows, 1,000 participants), rendered as Markdown."""
    people = [f"p{i}" for i in range(1000)]
    (folder / "stakeholders.yaml").write_text(
        "kind: stakeholders\nversion: 1\nstakeholders:\n"
        + "".join(
            f"  - {{id: {p}, name: P {p}, side: internal, power: 2, legitimacy: 2, urgency: 2,"
            " interest: 2}\n"
            for p in people
        )
    )
    rows = []
    for r in range(1000):
        assign = {people[r]: "A", people[(r + 1) % 1000]: "R"}
        assign.update({people[(r + k) % 1000]: "I" for k in range(2, 6)})
        rows.append({"id": f"r{r}", "name": f"Activity {r}", "assign": assign})
    raci = {"kind": "raci", "version": 1, "title": "Big", "participants": people, "rows": rows}
    (folder / "raci.yaml").write_text(json.dumps(raci))
    return ["render", str(folder / "raci.yaml"), "-d", "raci-chart"]


def csv_100k(folder: Path) -> list[str]:
    """A 100,000-row CSV imported to a register."""
    path = folder / "people.csv"
    with path.open("w") as handle:
        handle.write("id,name,side,power,legitimacy,urgency,interest,tags\n")
        for i in range(100_000):
            handle.write(f"p{i},Person {i},external,{1 + i % 5},3,2,{1 + i % 4},a;b\n")
    return ["stakeholders", "import", str(path), "-o", str(folder / "stakeholders.yaml")]


def template_bomb(folder: Path) -> list[str]:
    """A user template with nested `range` loops (stopped by the iteration limit)."""
    (folder / "stakeholders.yaml").write_text(_register(3))
    (folder / "templates").mkdir()
    (folder / "templates/stakeholder-list.md.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n"
    )
    return ["render", str(folder), "-d", "stakeholder-list", "--audience", "external"]


def yaml_bomb(folder: Path) -> list[str]:
    """Billion laughs (refused by the alias limit)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nkind: stakeholders\nversion: 1\nstakeholders: *a8\n")
    return ["validate", str(path)]


CASES: dict[str, tuple[Callable[[Path], list[str]], set[int]]] = {
    "register of 10 MiB": (register_10mib, {0, 1}),
    "register at the size limit": (register_at_limit, {0, 1}),
    "200,000 unknown keys": (unknown_keys, {1}),
    "negotiation, 1,500 issues": (negotiation_issues, {0}),
    "RACI 1,000 x 1,000": (raci_1000, {0}),
    "CSV import, 100,000 rows": (csv_100k, {0}),
    "template loop bomb": (template_bomb, {2}),
    "YAML alias bomb": (yaml_bomb, {1}),
}


def measure(cmd: list[str], cwd: Path) -> tuple[float, float, int, int, str]:
    """Wall s, CPU s, peak RSS bytes, exit code and stderr tail of one fresh process."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))

    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*STAKECLI, *cmd],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=limit,
            env={**os.environ, "NO_COLOR": "1"},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-300:]
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss * 1024, proc.returncode, tail


def run_case(name: str, make: Callable[[Path], list[str]], codes: set[int]) -> bool:
    with tempfile.TemporaryDirectory(prefix="stakecli-bounds-") as tmp:
        folder = Path(tmp)
        cmd = make(folder)
        wall, cpu, peak, code, err = measure(cmd, folder)
    ok = code in codes and cpu < LIMIT_SECONDS and "Traceback" not in err
    verdict = "ok" if ok else f"FAILED (exit {code}: {err.strip()[-200:]})"
    print(f"{name:30} {wall:6.2f} s wall {cpu:6.2f} s CPU {peak / 2**20:6.0f} MiB  {verdict}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="Run the cases whose name contains this text.")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"limits: {LIMIT_SECONDS:g} s CPU, {LIMIT_BYTES / 2**30:g} GiB address space each")
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    results = [
        run_case(name, make, codes)
        for name, (make, codes) in CASES.items()
        if args.only is None or args.only in name
    ]
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if not all(results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
