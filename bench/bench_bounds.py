"""Bounded work: the largest and most hostile inputs each finish within 10 s and 1 GiB.

Every case runs `stakecli` as a fresh process under an address-space limit of 1 GiB and
reports its wall time, CPU time and peak resident memory (`make bench`; alone:
`.venv/bin/python bench/bench_bounds.py [--only NAME]`). A case fails when it takes longer
than 10 s of CPU time, is killed by the memory limit, ends with a traceback or an exit code
other than the one expected, or prints a code it must not (a register meant to be checked
that is refused instead).
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

sys.path.insert(0, str(Path(__file__).parent))
from generate import register

LIMIT_SECONDS = 10.0
LIMIT_BYTES = 1024**3
STAKECLI = [sys.executable, "-m", "stakecli"]
REFUSED = ("[file.too-large", "[yaml.too-many-nodes]", "[schema.entry-too-large]")
"""Codes a register that is meant to be checked in full must not get."""


def _register(n: int, start: int = 0) -> str:
    rows = "".join(
        f"  - {{id: p{i}, name: Person {i}, side: internal, power: {1 + i % 5}, legitimacy: 3,"
        f" urgency: {1 + i % 4}, interest: {1 + i % 3}, owner: p0,"
        f" notes: 'candid note number {i} about this person'}}\n"
        for i in range(start, n)
    )
    return "kind: stakeholders\nversion: 1\nstakeholders:\n" + rows


def _largest(make: Callable[[int], str], limit: int) -> int:
    """The largest n for which `make(n)` has at most `limit` bytes (by bisection)."""
    low, high = 1, 2
    while len(make(high).encode()) <= limit:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if len(make(middle).encode()) <= limit else (low, middle)
    return low


def _filled(make: Callable[[int], str], limit: int) -> str:
    """The largest `make(n)` of at most `limit` bytes."""
    return make(_largest(make, limit))


def _nodes(text: str) -> int:
    """The node count of a small YAML text, as the limit counts them (keys are nodes)."""
    from stakecli.core import loading, schema_errors

    doc = loading.parse(text.encode(), Path("x.yaml"))
    assert isinstance(doc, loading.Document)
    return schema_errors._values(doc.data, 10**9)


def register_at_limit(folder: Path) -> list[str]:
    """The largest register of bench/generate.py, with a candid note per stakeholder, that
    both limits admit: the file size (`loading.MAX_BYTES`, 32 MiB) and the node count
    (`loading.MAX_NODES`); for this register the node count binds first, at ~31.5 MiB."""
    from stakecli.core.loading import MAX_BYTES, MAX_NODES

    one, two = _nodes(register(1, notes=True)), _nodes(register(2, notes=True))
    most = (MAX_NODES - (2 * one - two)) // (two - one)  # nodes = base + n x per entry
    fits = _largest(lambda n: register(n, seed=1, notes=True), MAX_BYTES)
    path = folder / "stakeholders.yaml"
    path.write_text(register(min(fits, most), seed=1, notes=True))
    return ["validate", str(path)]


def register_10mib(folder: Path) -> list[str]:
    """A register of 10 MiB (about 49,000 stakeholders with notes, in flow mappings)."""
    path = folder / "stakeholders.yaml"
    path.write_text(_filled(_register, 10 * 1024 * 1024))
    return ["validate", str(path)]


_SMALLEST = (
    "  - {{id: p{i}, name: P {i}, side: internal, power: 2, legitimacy: 3, urgency: 2,"
    " interest: 2}}\n"
)
"""The smallest stakeholder the schema takes: 15 nodes (a mapping, 7 keys, 7 values)."""


def densest_at_node_limit(folder: Path) -> list[str]:
    """The most stakeholders the node limit admits (`loading.MAX_NODES`, ~200,000 of the
    smallest entries), one of them with a finding, so its position is looked up too."""
    from stakecli.core.loading import MAX_NODES

    n = (MAX_NODES - 7 - 17) // 15  # the document's 7 nodes, the entry with an owner 17
    rows = "".join(_SMALLEST.format(i=i) for i in range(n))
    bad = "  - {id: zz, name: Z, side: internal, power: 2, legitimacy: 3, urgency: 2, "
    bad += "interest: 2, owner: nobody}\n"
    path = folder / "stakeholders.yaml"
    path.write_text("kind: stakeholders\nversion: 1\nstakeholders:\n" + rows + bad)
    return ["validate", str(path)]


def _full_yaml(n: int) -> str:
    """Smallest entries after one with a `|` block: only the full YAML loader reads it."""
    first = "  - id: p\n    name: P\n    side: internal\n    power: 2\n    legitimacy: 3\n"
    first += "    urgency: 2\n    interest: 2\n    notes: |\n      Candid.\n"
    rows = "".join(_SMALLEST.format(i=i) for i in range(n))
    return "kind: stakeholders\nversion: 1\nstakeholders:\n" + first + rows


def full_yaml_at_limit(folder: Path) -> list[str]:
    """A register the fast loader declines, just under the full loader's limit (4 MiB)."""
    from stakecli.core.loading import MAX_FULL_BYTES

    path = folder / "stakeholders.yaml"
    path.write_text(_filled(_full_yaml, MAX_FULL_BYTES))
    return ["validate", str(path)]


def full_yaml_over_limit(folder: Path) -> list[str]:
    """The same register at the file-size limit: refused at its `|` block, unparsed."""
    from stakecli.core.loading import MAX_BYTES

    path = folder / "stakeholders.yaml"
    path.write_text(_filled(_full_yaml, MAX_BYTES))
    return ["validate", str(path)]


def numbers_for_stakeholders(folder: Path) -> list[str]:
    """2,400,000 numbers where stakeholders belong: 2.4 million schema errors, capped."""
    path = folder / "stakeholders.yaml"
    path.write_text(
        "kind: stakeholders\nversion: 1\nstakeholders: [" + ",".join(["1"] * 2_400_000) + "]\n"
    )
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


CASES: dict[str, tuple[Callable[[Path], list[str]], set[int], tuple[str, ...]]] = {
    "register of 10 MiB": (register_10mib, {0, 1}, REFUSED),
    "register at the size limit": (register_at_limit, {0, 1}, REFUSED),
    "densest at the node limit": (densest_at_node_limit, {1}, REFUSED),
    "full YAML at its limit": (full_yaml_at_limit, {0, 1}, (*REFUSED, "for-full-yaml")),
    "full YAML over its limit": (full_yaml_over_limit, {1}, ()),
    "2,400,000 wrong entries": (numbers_for_stakeholders, {1}, ()),
    "200,000 unknown keys": (unknown_keys, {1}, ()),
    "negotiation, 1,500 issues": (negotiation_issues, {0}, ()),
    "RACI 1,000 x 1,000": (raci_1000, {0}, ()),
    "CSV import, 100,000 rows": (csv_100k, {0}, ()),
    "template loop bomb": (template_bomb, {2}, ()),
    "YAML alias bomb": (yaml_bomb, {1}, ()),
}


def measure(cmd: list[str], cwd: Path) -> tuple[float, float, int, int, str, str]:
    """Wall s, CPU s, peak RSS bytes, exit code, stdout head and stderr tail of one process."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*STAKECLI, *cmd],
            cwd=cwd,
            stdout=out,
            stderr=err,
            preexec_fn=limit,
            env={**os.environ, "NO_COLOR": "1"},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        head = out.read(4000).decode("utf-8", "replace")
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-300:]
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss * 1024, proc.returncode, head, tail


def run_case(
    name: str, make: Callable[[Path], list[str]], codes: set[int], refused: tuple[str, ...]
) -> bool:
    with tempfile.TemporaryDirectory(prefix="stakecli-bounds-") as tmp:
        folder = Path(tmp)
        cmd = make(folder)
        size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
        wall, cpu, peak, code, out, err = measure(cmd, folder)
    wrong = [c for c in refused if c in out]
    ok = code in codes and cpu < LIMIT_SECONDS and "Traceback" not in err and not wrong
    verdict = "ok" if ok else f"FAILED (exit {code}: {(err.strip() or out.strip())[-200:]})"
    print(
        f"{name:27} {size / 2**20:6.1f} MiB {wall:6.2f} s wall {cpu:6.2f} s CPU "
        f"{peak / 2**20:6.0f} MiB  {verdict}"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="Run the cases whose name contains this text.")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"limits: {LIMIT_SECONDS:g} s CPU, {LIMIT_BYTES / 2**30:g} GiB address space each")
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'case':27} {'input':>10} {'wall':>11} {'CPU':>10} {'peak RSS':>10}")
    results = [
        run_case(name, make, codes, refused)
        for name, (make, codes, refused) in CASES.items()
        if args.only is None or args.only in name
    ]
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if not all(results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
