"""Stakeholder analysis at scale: load, validate, analyse and render a 10,000-entry register.

    python bench/bench_stakeholders.py [--n 10000] [--runs 3] [--only stages|commands]
                                       [--baseline OTHER_CHECKOUT]

Part 1 times each stage in-process (best of `runs`), so the share of each is visible.
Part 2 runs the commands a user runs, each as a fresh process, next to `stakecli validate`
on the same project: a folder with the register of `bench/generate.py register N` and the
RACI matrix of `bench/generate.py raci N` (100 activities over 40 of its people). In one run:
validate, `stakeholders -f table|json|csv|markdown`, `render` of the register (its four maps,
written with -o) and `raci`, in rounds (one of each per round, a warm-up round first; median
of `runs`), each with its ratio to validate and the target: at most 1.2x validate's time.
`--baseline DIR` runs another checkout's `src/` (e.g. `git archive main src templates | tar
-x -C DIR`) with this environment, on the same project in the same rounds, beside each row.
Bytecode is compiled first and kept for the children (PYTHONDONTWRITEBYTECODE cleared), as
it is for an installed package.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import raci, register  # noqa: E402
from timing import interleaved  # noqa: E402

from stakecli import pipeline  # noqa: E402
from stakecli.core import jsontext, loading, rendering  # noqa: E402
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
    timed(
        "JSON text of the records",
        lambda: jsontext.dumps({"stakeholders": stakeholder_records.encoded(ranked)}),
    )

    def markdown() -> str:
        context = views.map_context(model, ranked, settings, limit=config.grid.diagram_limit)
        return str(rendering.render("stakeholder-map.md.j2", context))

    text = timed("Markdown map (context + Jinja)", markdown)
    print(f"in-process stages, best of {runs}     wall        CPU")
    for name, wall, cpu in rows:
        print(f"  {name:<34} {wall * 1000:8.0f} ms {cpu * 1000:8.0f} ms")
    print(f"  findings: {len(report.findings)} (rules alone: {len(found)})")
    print(f"  Markdown: {len(text):,} characters\n")


TARGET = 1.2
"""An analysis command takes at most this many times validate's time on the same project."""


def project(out: Path, n: int) -> Path:
    """A project folder: the generated register of `n` and a RACI matrix over its people."""
    folder = out / f"project-{n}"
    folder.mkdir(exist_ok=True)
    (folder / "stakeholders.yaml").write_text(register(n), encoding="utf-8")
    (folder / "raci.yaml").write_text(raci(n), encoding="utf-8")
    return folder


def command_lines(stakecli: list[str], folder: Path, rendered: Path) -> dict[str, list[str]]:
    """The commands timed, by name, for one way of running stakecli."""
    cmds = {"validate": [*stakecli, "validate", "-q", str(folder)]}
    for fmt in ("table", "json", "csv", "markdown"):
        cmds[f"stakeholders -f {fmt}"] = [*stakecli, "stakeholders", str(folder), "-f", fmt]
    register_file = str(folder / "stakeholders.yaml")
    cmds["render (4 maps, -o)"] = [*stakecli, "render", register_file, "-o", str(rendered)]
    cmds["raci"] = [*stakecli, "raci", str(folder)]
    return cmds


def commands(folder: Path, runs: int, baseline: Path | None = None) -> None:
    """Each command against validate, in the same rounds (and a baseline checkout's too).

    The ratio is the median over the rounds of each round's CPU time over that round's
    validate (the load of a round weighs on both), with the lowest and highest beside it.
    """
    rendered = folder.parent / f"{folder.name}-docs"
    cmds = command_lines([str(BIN / "stakecli")], folder, rendered)
    compileall.compile_dir(str(HERE.parent / "src"), quiet=1)
    if baseline is not None:  # its src/, run with this environment
        src = f"PYTHONPATH={baseline.resolve() / 'src'}"
        run = ["env", src, sys.executable, "-c", "from stakecli.cli import main; main()"]
        cmds |= {f"baseline {n}": c for n, c in command_lines(run, folder, rendered).items()}
        compileall.compile_dir(str(baseline / "src"), quiet=1)
    # Bytecode compiled above and kept, as for an installed package: with
    # PYTHONDONTWRITEBYTECODE set, a changed module would be compiled again in every run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def before(name: str) -> None:
        if "render" in name:
            shutil.rmtree(rendered, ignore_errors=True)  # every run writes its four files

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"commands, fresh process each, in {runs} rounds (median); load average {load}")
    times = interleaved(cmds, runs, env, before)
    extra = "   baseline CPU, ratio" if baseline is not None else ""
    print(f"  {'':26} {'wall':>7} {'CPU':>7} {'CPU ratio (range)':>22}   target{extra}")
    for name in (n for n in cmds if not n.startswith("baseline ")):
        ratios = _ratios(times[name], times["validate"])
        wall = statistics.median(w for w, _ in times[name])
        cpu = statistics.median(c for _, c in times[name])
        met = "met" if statistics.median(ratios) <= TARGET else "NOT MET"
        verdict = f"<= {TARGET}x: {met:7}" if name != "validate" else " " * 19
        spread = f"{statistics.median(ratios):5.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"
        if baseline is not None:
            old = _ratios(times[f"baseline {name}"], times["baseline validate"])
            old_cpu = statistics.median(c for _, c in times[f"baseline {name}"])
            verdict += f"   {old_cpu:5.2f} s {statistics.median(old):5.2f}x"
        print(f"  {name:26} {wall:5.2f} s {cpu:5.2f} s {spread:>22}   {verdict}")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"  (CPU: user + system of each child; targets on CPU time; load average at end {load})")


def _ratios(times: list[tuple[float, float]], base: list[tuple[float, float]]) -> list[float]:
    """Each round's CPU time over the same round's validate."""
    return [cpu / base_cpu for (_, cpu), (_, base_cpu) in zip(times, base, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["stages", "commands"])
    parser.add_argument(
        "--baseline", type=Path, help="another checkout's src/, timed in the same rounds"
    )
    args = parser.parse_args()
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    if args.only != "commands":
        path = out / f"stakeholders-{args.n}.yaml"
        path.write_text(with_proximity(register(args.n)), encoding="utf-8")
        size = path.stat().st_size / 1e6
        print(f"register: {args.n:,} stakeholders, {size:.1f} MB; load average {os.getloadavg()}\n")
        stages(path, args.runs)
    if args.only != "stages":
        folder = project(out, args.n)
        size = (folder / "stakeholders.yaml").stat().st_size / 1e6
        print(f"project: {folder} ({args.n:,} stakeholders, {size:.1f} MB, and a RACI matrix)")
        commands(folder, args.runs, args.baseline)


if __name__ == "__main__":
    main()
